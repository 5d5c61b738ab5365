/**
 * Whether a column holds money, decided once from its header path: 增减%, 人数, 车辆数, 保有量,
 * ranks are not. Such a column is never summed or compared by validation, carries no 元 value and
 * no money unit in the outputs.
 */
const NOT_MONEY = /%|％|增减率|增长率|比重|比例|人数|车辆数|[（(]辆[)）]|辆数|保有量|[（(]人[)）]|[（(]个[)）]|数量|个数|名次|排名/;

export function isMoneyPath(path: string): boolean {
  return !NOT_MONEY.test(path.replace(/\s+/g, ''));
}
