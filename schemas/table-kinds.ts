/**
 * The table-kind registry: every standard table of 部门预算 / 单位预算 / 部门决算 once, with the
 * title patterns that identify it, what it is (its role and the budget sources its figures cover),
 * the amount columns it must print, the kind whose total it must equal, and the sub-items it
 * prints under a named parent. Interpretation reads the patterns (src/interpret/table-kinds.ts),
 * validation reads the rest; `TableKind` is the closed enum of the document model.
 *
 * Order matters for matching: the first kind whose pattern matches the title (spaces removed)
 * wins, so specific kinds come before general ones.
 */
import { z } from 'zod';

/** What a table is, for the rules that compare tables. */
export type TableRole =
  | 'summary' // 收支总表: 收入 | 支出 side by side
  | 'income' // 收入总表
  | 'expenditure' // 支出总表 (functional, 基本 / 项目)
  | 'fiscal_summary' // 财政拨款收支总表
  | 'functional' // 一般公共预算支出表 and the like: functional subjects
  | 'economic' // 基本支出 by economic class
  | 'fund' // 政府性基金
  | 'state_capital' // 国有资本经营
  | 'three_public' // “三公”经费
  | 'operating' // 机关运行经费
  | 'project' // 项目支出预算表
  | 'procurement' // 政府采购
  | 'performance' // 绩效目标表 (records)
  | 'unknown';

/**
 * The budget sources a table's figures cover: all funds of the department, 财政拨款 (一般公共预算
 * + 政府性基金 + 国有资本经营), or one source. Two totals are compared only at the same scope.
 */
export type Scope = 'all' | 'fiscal' | 'general_budget' | 'government_fund' | 'state_capital';

export interface TableKindDef {
  kind: string;
  name: string;
  patterns: RegExp[];
  /** the sets it belongs to: seed (13-table 部门预算 of the seed text), jiangsu (12-table set), shanghai (9), final (决算) */
  sets: string[];
  role: TableRole;
  scope: Scope;
  /** 决算 (final accounts) rather than 预算 */
  final?: boolean;
  /** amount columns it must print, by header leaf: [pattern, name]; a missing one is a template difference */
  columns?: [RegExp, string][];
  /** its grand total equals the total of this kind's block (收入 or 支出), in the column of the same scope */
  totalOf?: { kind: string; block: '收入' | '支出' };
  /** sub-items printed under a named parent, with or without a marker: [child, parent] */
  subItems?: [RegExp, RegExp][];
}

const THREE_PUBLIC_PARTS: [RegExp, RegExp][] = [
  [/^公务用车购置费?$/, /公务用车购置及运行/],
  [/^公务用车运行(维护)?费?$/, /公务用车购置及运行/],
];
const FUNCTIONAL_COLUMNS: [RegExp, string][] = [
  [/合计|小计/, '合计'],
  [/^基本支出$/, '基本支出'],
  [/^项目支出$/, '项目支出'],
];
const ECONOMIC_COLUMNS: [RegExp, string][] = [
  [/合计|金额/, '合计'],
  [/^人员经费$/, '人员经费'],
  [/^公用经费$/, '公用经费'],
];

const DEFS = [
  // 决算 (final accounts): checked first, their titles contain 收入/支出 too
  { kind: 'final_fiscal_appropriation_summary', name: '财政拨款收入支出决算总表', patterns: [/财政拨款收入支出决算总表/], sets: ['final'], role: 'fiscal_summary', scope: 'fiscal', final: true },
  { kind: 'final_income_expenditure_summary', name: '收入支出决算总表', patterns: [/收入支出决算总表/], sets: ['final'], role: 'summary', scope: 'all', final: true },
  { kind: 'final_general_budget_basic_expenditure', name: '一般公共预算财政拨款基本支出决算表', patterns: [/一般公共预算财政拨款基本支出决算/], sets: ['final'], role: 'economic', scope: 'general_budget', final: true },
  { kind: 'final_general_budget_expenditure', name: '一般公共预算财政拨款支出决算表', patterns: [/一般公共预算财政拨款(项目)?支出决算/], sets: ['final'], role: 'functional', scope: 'general_budget', final: true, totalOf: { kind: 'final_fiscal_appropriation_summary', block: '支出' } },
  { kind: 'final_government_fund', name: '政府性基金预算财政拨款收入支出决算表', patterns: [/政府性基金.*决算/], sets: ['final'], role: 'fund', scope: 'government_fund', final: true },
  { kind: 'final_state_capital', name: '国有资本经营预算财政拨款收入支出决算表', patterns: [/国有资本经营.*决算/], sets: ['final'], role: 'state_capital', scope: 'state_capital', final: true },
  { kind: 'final_three_public_expenses', name: '财政拨款“三公”经费支出决算表', patterns: [/三公.*决算/], sets: ['final'], role: 'three_public', scope: 'fiscal', final: true, subItems: THREE_PUBLIC_PARTS },
  { kind: 'final_operating_expenses', name: '机关运行经费支出决算表', patterns: [/机关运行经费.*决算/], sets: ['final'], role: 'operating', scope: 'fiscal', final: true },
  { kind: 'final_income', name: '收入决算表', patterns: [/收入决算表/], sets: ['final'], role: 'income', scope: 'all', final: true, totalOf: { kind: 'final_income_expenditure_summary', block: '收入' } },
  { kind: 'final_expenditure', name: '支出决算表', patterns: [/支出决算表/], sets: ['final'], role: 'expenditure', scope: 'all', final: true, totalOf: { kind: 'final_income_expenditure_summary', block: '支出' } },
  // performance
  { kind: 'project_performance', name: '项目支出绩效目标表', patterns: [/项目(支出)?绩效目标(填报|申报)?表/], sets: ['seed'], role: 'performance', scope: 'all' },
  { kind: 'overall_performance', name: '部门整体支出绩效目标表', patterns: [/整体(支出)?绩效目标/], sets: ['seed'], role: 'performance', scope: 'all' },
  // 预算
  { kind: 'fiscal_appropriation_summary', name: '财政拨款收支总表', patterns: [/财政拨款收支(预算)?总表/], sets: ['seed', 'jiangsu', 'shanghai'], role: 'fiscal_summary', scope: 'fiscal' },
  { kind: 'budget_summary', name: '收支总表 / 财务收支预算总表', patterns: [/收支(预算)?总表|预算收支总表/], sets: ['seed', 'jiangsu', 'shanghai'], role: 'summary', scope: 'all' },
  { kind: 'income_summary', name: '收入总表', patterns: [/收入(预算)?总表/], sets: ['seed', 'jiangsu', 'shanghai'], role: 'income', scope: 'all', columns: [[/合计/, '合计']], totalOf: { kind: 'budget_summary', block: '收入' } },
  { kind: 'expenditure_summary', name: '支出总表', patterns: [/支出(预算)?总表/], sets: ['seed', 'jiangsu', 'shanghai'], role: 'expenditure', scope: 'all', columns: FUNCTIONAL_COLUMNS, totalOf: { kind: 'budget_summary', block: '支出' } },
  { kind: 'three_public_and_operating_expenses', name: '“三公”经费和机关运行经费预算表', patterns: [/三公.*机关运行经费/], sets: ['shanghai'], role: 'three_public', scope: 'fiscal', subItems: THREE_PUBLIC_PARTS },
  { kind: 'three_public_expenses', name: '“三公”经费支出预算表', patterns: [/三公/], sets: ['seed', 'jiangsu'], role: 'three_public', scope: 'fiscal', subItems: THREE_PUBLIC_PARTS },
  { kind: 'operating_expenses', name: '机关运行经费预算表', patterns: [/机关运行经费/], sets: ['seed', 'jiangsu'], role: 'operating', scope: 'fiscal' },
  // Jiangsu prints 财政拨款 and 一般公共预算 基本支出（经济科目） as two tables: 财政拨款 first
  { kind: 'fiscal_appropriation_basic_expenditure', name: '财政拨款基本支出预算表（经济科目）', patterns: [/财政拨款基本支出/], sets: ['jiangsu'], role: 'economic', scope: 'fiscal' },
  { kind: 'basic_expenditure_by_economic_class', name: '一般公共预算基本支出分经济科目表 / 经济分类预算表', patterns: [/基本支出.*经济|经济(科目|分类).*基本支出/], sets: ['seed', 'jiangsu', 'shanghai'], role: 'economic', scope: 'general_budget', columns: ECONOMIC_COLUMNS },
  { kind: 'general_budget_basic_expenditure', name: '一般公共预算基本支出预算表', patterns: [/一般公共预算.*基本支出/], sets: ['jiangsu'], role: 'economic', scope: 'general_budget' },
  { kind: 'government_fund_income', name: '政府性基金预算收入表', patterns: [/政府性基金.*收入/], sets: ['seed'], role: 'fund', scope: 'government_fund' },
  { kind: 'government_fund_expenditure', name: '政府性基金预算支出表', patterns: [/政府性基金/], sets: ['seed', 'jiangsu', 'shanghai'], role: 'fund', scope: 'government_fund' },
  { kind: 'state_capital_budget', name: '国有资本经营预算收支预算表', patterns: [/国有资本经营预算收支/], sets: ['seed'], role: 'state_capital', scope: 'state_capital' },
  { kind: 'state_capital_expenditure', name: '国有资本经营预算支出表', patterns: [/国有资本经营/], sets: ['shanghai'], role: 'state_capital', scope: 'state_capital' },
  { kind: 'general_budget_expenditure', name: '一般公共预算支出表', patterns: [/一般公共预算(当年)?(拨款)?支出/], sets: ['seed', 'jiangsu', 'shanghai'], role: 'functional', scope: 'general_budget', columns: FUNCTIONAL_COLUMNS, totalOf: { kind: 'fiscal_appropriation_summary', block: '支出' } },
  { kind: 'fiscal_appropriation_expenditure', name: '财政拨款支出预算表', patterns: [/财政拨款支出/], sets: ['jiangsu'], role: 'functional', scope: 'fiscal', totalOf: { kind: 'fiscal_appropriation_summary', block: '支出' } },
  { kind: 'project_expenditure_carryover', name: '项目支出预算表（上年结转）', patterns: [/项目支出.*上年结转/], sets: ['seed'], role: 'project', scope: 'all' },
  { kind: 'project_expenditure', name: '项目支出预算表', patterns: [/项目(支出|经费)/], sets: ['seed'], role: 'project', scope: 'all' },
  { kind: 'government_procurement', name: '政府采购预算表', patterns: [/政府采购/], sets: ['jiangsu'], role: 'procurement', scope: 'all' },
  { kind: 'unknown', name: '其他表', patterns: [], sets: [], role: 'unknown', scope: 'all' },
] as const satisfies readonly TableKindDef[];

export type TableKindId = (typeof DEFS)[number]['kind'];

/** The registry, in matching order (`unknown` last, it matches nothing). */
export const TABLE_KIND_DEFS: readonly TableKindDef[] = DEFS;

/** The closed set of table kinds. */
export const TableKind = z.enum(DEFS.map((d) => d.kind) as [TableKindId, ...TableKindId[]]);

const BY_ID = new Map<string, TableKindDef>(DEFS.map((d) => [d.kind, d]));

export function kindDef(kind: string): TableKindDef {
  return BY_ID.get(kind) ?? BY_ID.get('unknown')!;
}

/** The kinds of a role (e.g. every economic-class table, 预算 and 决算), as ids. */
export function kindsOf(role: TableRole, opts: { final?: boolean } = {}): string[] {
  return DEFS.filter((d) => d.role === role && (opts.final === undefined || !!(d as TableKindDef).final === opts.final)).map((d) => d.kind);
}
