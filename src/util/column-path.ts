/**
 * A column's header path, as interpretation writes it (`2024年预算数 / 基本支出 / 小计`): its parts
 * joined by ` / `. Its last part names the column among its siblings: what validation and the
 * identities match a total's column by.
 */
export const leaf = (path: string): string => {
  const parts = path.split(' / ');
  return parts[parts.length - 1].replace(/\s+/g, '');
};
