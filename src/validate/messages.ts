/**
 * The rules: stable ids, default severities and meanings (docs/checks.md lists them), and the
 * helpers that word a finding in Chinese and English with where it is and the figures.
 */
import type { Amount, Row, Table } from '../../schemas/document.js';
import type { Finding } from '../../schemas/findings.js';
import type { Severity } from '../../schemas/intermediate.js';

export interface RuleDef {
  id: string;
  severity: Severity;
  zh: string;
  en: string;
}

/** Every rule id the validator emits. A rule's rounding-level differences are reported under the same id as `info`. */
export const RULES: RuleDef[] = [
  { id: 'schema.document', severity: 'error', zh: '文档不符合数据模型（zod 校验失败）', en: 'the document does not conform to the document model (zod)' },
  { id: 'schema.columns', severity: 'warning', zh: '表没有金额列或有表头相同的金额列；未列出该类表常见的金额列为 info（模板差异）', en: 'a table has no amount column, or two with one header; a column its kind usually has but the table does not print is info (a template difference)' },
  { id: 'schema.amount', severity: 'error', zh: '金额不是十进制数，或“元”换算与原值不一致', en: 'an amount is not a decimal, or its 元 conversion disagrees with the printed value' },
  { id: 'schema.code', severity: 'error', zh: '科目编码格式错误或与级次/上级编码不一致', en: 'a subject code is malformed or inconsistent with its level / parent' },
  { id: 'schema.code-duplicate', severity: 'warning', zh: '同一科目编码在同一表中出现多次且数值不同', en: 'the same subject code appears on several rows of a table with different figures' },
  { id: 'schema.unit', severity: 'warning', zh: '有金额的表没有可识别的金额单位', en: 'a table with amounts has no known unit' },
  { id: 'hierarchy.functional', severity: 'error', zh: '功能分类：类 ≠ Σ款 或 款 ≠ Σ项', en: 'functional classification: 类 ≠ Σ 款 or 款 ≠ Σ 项' },
  { id: 'hierarchy.economic', severity: 'error', zh: '经济分类：类 ≠ Σ款', en: 'economic classification: 类 ≠ Σ 款' },
  { id: 'hierarchy.ordinal', severity: 'error', zh: '序号行：上级行 ≠ Σ 其下级编号行（如 一、财政拨款收入 = 1、+2、+3、）', en: 'numbered rows: a parent row ≠ Σ its numbered sub-list (一、 = 1、 + 2、 + …)' },
  { id: 'row.basic-project', severity: 'error', zh: '同一行：合计 ≠ 基本支出 + 项目支出', en: 'within a row: 合计 ≠ 基本支出 + 项目支出' },
  { id: 'row.personnel-public', severity: 'error', zh: '同一行：合计 ≠ 人员经费 + 公用经费', en: 'within a row: 合计 ≠ 人员经费 + 公用经费' },
  { id: 'row.sources', severity: 'error', zh: '同一行：合计/小计 ≠ Σ 其来源列（一般公共预算 + 政府性基金 + …）', en: 'within a row: 合计/小计 ≠ Σ its source columns' },
  { id: 'across.change', severity: 'warning', zh: '说明中“比上年增加/减少”与上年文件所印数字不符（跨年度检查，运行级）', en: 'a 比上年增加/减少 statement disagrees with the previous year\'s document (run-level check across years)' },
  { id: 'totals.rows', severity: 'error', zh: '合计/总计行 ≠ Σ 一级行（类级科目，或序号层级的根行）', en: 'a 合计/总计 row ≠ Σ its top-level rows (类 codes, or the roots of the numbered hierarchy)' },
  { id: 'totals.balance', severity: 'error', zh: '收支总表：收入总计 ≠ 支出总计', en: 'side-by-side table: 收入总计 ≠ 支出总计' },
  { id: 'cross.totals', severity: 'error', zh: '各总表之间的总数不一致（同一资金范围比较）', en: 'the totals of the summary tables disagree (compared at the same source scope)' },
  { id: 'cross.basic-economic', severity: 'error', zh: '基本支出合计 ≠ 基本支出经济分类表合计', en: 'the 基本支出 total ≠ the total of the economic-class table' },
  { id: 'cross.personnel-public', severity: 'error', zh: '收支总表的人员经费/公用经费 ≠ 经济分类表的人员经费/公用经费', en: 'the 人员经费/公用经费 split of the summary table ≠ that of the economic-class table' },
  { id: 'cross.three-public', severity: 'error', zh: '“三公”经费 ≠ 因公出国（境）费 + 公务接待费 + 公务用车购置及运行费（购置 + 运行）', en: '“三公” ≠ 出国 + 接待 + 公务用车 (购置 + 运行)' },
  { id: 'cross.operating-public', severity: 'warning', zh: '机关运行经费大于经济分类表的公用经费（小于为 info）', en: '机关运行经费 larger than the 公用经费 of the economic-class table (smaller is info)' },
  { id: 'cross.project-total', severity: 'error', zh: '项目支出表：单位行 ≠ Σ 该单位项目，合计 ≠ Σ 单位，或合计 ≠ 项目支出', en: 'project table: a unit row ≠ Σ its projects, the total ≠ Σ units, or the total ≠ 项目支出' },
  { id: 'cross.project-performance', severity: 'error', zh: '绩效目标表的年度资金（元）≠ 项目支出表该项目（万元）', en: 'a 绩效目标表 annual funds (元) ≠ that project in the project table (万元)' },
  { id: 'cross.overall-performance', severity: 'error', zh: '整体绩效目标表的资金 ≠ 预算表', en: 'the overall performance table funds ≠ the budget tables' },
  { id: 'performance.funds', severity: 'error', zh: '绩效目标表：资金总额 ≠ Σ 各来源资金（中央 + 省级 + 市县 + 自筹 + 其他，或 财政拨款 + 上年结转 + 自筹 + 其他）', en: 'a 绩效目标表: the funds total ≠ Σ its sources (central + provincial + local + self-raised + other, or appropriation + carry-over + self-raised + other)' },
  { id: 'narrative.amount', severity: 'error', zh: '说明中的金额与表中数字不一致', en: 'an amount in the narrative disagrees with the tables' },
  { id: 'narrative.item', severity: 'error', zh: '说明中同一项目前后金额不一致', en: 'the narrative states two different amounts for the same item' },
  { id: 'narrative.growth', severity: 'error', zh: '增减率与所述金额不符（上年数 = 本年数 − 增减额；率 = 增减额 / 上年数）', en: 'a growth rate contradicts the stated amounts (previous = current − change; rate = change / previous)' },
  { id: 'narrative.share', severity: 'error', zh: '占比与所述金额不符', en: 'a share (占 Z%) contradicts the stated amounts' },
  { id: 'narrative.class-name', severity: 'warning', zh: '说明中的科目名称与表中不同', en: 'a subject name in the narrative differs from the tables' },
  { id: 'narrative.comparison', severity: 'error', zh: '“大于/小于/等于”的措辞与所述金额矛盾', en: 'the 大于/小于/等于 wording contradicts the stated amounts' },
  { id: 'form.empty-note', severity: 'warning', zh: '空表说明与表中是否有数不符', en: 'the empty-table note does not match whether the table has amounts' },
  { id: 'form.year', severity: 'error', zh: '标题年度与文档年度不一致', en: 'a title year differs from the document year' },
  { id: 'form.department', severity: 'error', zh: '部门/单位名称前后不一致或为占位符', en: 'the department name is inconsistent or a placeholder' },
  { id: 'form.caliber', severity: 'warning', zh: '单位预算中写“部门预算”（或反之）', en: '部门 wording in a 单位 document (or vice versa)' },
  { id: 'form.sentence', severity: 'warning', zh: '说明文字残缺或标点错误（如“原因是。”、“。。”）', en: 'an incomplete sentence or broken punctuation in the narrative' },
  { id: 'validate.internal', severity: 'warning', zh: '某条规则运行出错（已跳过）', en: 'a rule failed to run (skipped)' },
];

export const RULE_BY_ID = new Map(RULES.map((r) => [r.id, r]));

export type Where = Finding['where'];

/** Where a cell is: table, page, row, code, item, column, bbox. */
export function whereCell(table: Table, row?: Row, amount?: Amount, column?: string): Where {
  const w: Where = { tableId: table.id, table: table.title };
  const page = amount?.page ?? row?.page ?? table.page ?? table.pages[0];
  if (page) w.page = page;
  if (row) {
    w.row = row.index;
    if (row.code) w.code = row.code;
    if (row.item) w.item = row.item;
  }
  const col = amount?.path ?? column;
  if (col) w.column = col;
  if (amount?.bbox) w.bbox = amount.bbox;
  return w;
}

/** "表「2024年预算支出总表」第3页 第5行 2013101 行政运行「2024年预算数 / 合计」" */
export function placeZh(w: Where): string {
  const parts: string[] = [];
  if (w.table) parts.push(`表「${w.table}」`);
  if (w.page) parts.push(`第${w.page}页`);
  if (w.row) parts.push(`第${w.row}行`);
  const what = [w.code, w.item].filter(Boolean).join(' ');
  if (what) parts.push(what);
  if (w.column) parts.push(`「${w.column}」列`);
  return parts.join(' ');
}

export function placeEn(w: Where): string {
  const parts: string[] = [];
  if (w.table) parts.push(`table “${w.table}”`);
  if (w.page) parts.push(`p. ${w.page}`);
  if (w.row) parts.push(`row ${w.row}`);
  const what = [w.code, w.item].filter(Boolean).join(' ');
  if (what) parts.push(what);
  if (w.column) parts.push(`column “${w.column}”`);
  return parts.join(', ');
}

export interface Figures {
  expected?: string;
  found?: string;
  difference?: string;
}

export function finding(rule: string, severity: Severity, where: Where, zh: string, en: string, figures: Figures = {}): Finding {
  const f: Finding = { rule, severity, message: { zh, en }, where };
  if (figures.expected !== undefined) f.expected = figures.expected;
  if (figures.found !== undefined) f.found = figures.found;
  if (figures.difference !== undefined) f.difference = figures.difference;
  return f;
}
