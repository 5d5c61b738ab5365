/**
 * The canonical table kinds: one place that names every standard table of 部门预算 / 单位预算 /
 * 部门决算 that the disclosures use, with the title patterns that identify it. Order matters:
 * the first pattern that matches the title (spaces removed) wins, so specific kinds come first.
 * A title that matches nothing is `unknown` and the table is still extracted generically.
 */
export interface TableKindDef {
  kind: string;
  name: string;
  pattern: RegExp;
  /** the sets it belongs to: seed (13-table 部门预算 of the seed text), jiangsu (12-table set), shanghai (9), final (决算) */
  sets: string[];
}

export const TABLE_KINDS: TableKindDef[] = [
  // 决算 (final accounts): checked first, their titles contain 收入/支出 too
  { kind: 'final_fiscal_appropriation_summary', name: '财政拨款收入支出决算总表', pattern: /财政拨款收入支出决算总表/, sets: ['final'] },
  { kind: 'final_income_expenditure_summary', name: '收入支出决算总表', pattern: /收入支出决算总表/, sets: ['final'] },
  { kind: 'final_general_budget_basic_expenditure', name: '一般公共预算财政拨款基本支出决算表', pattern: /一般公共预算财政拨款基本支出决算/, sets: ['final'] },
  { kind: 'final_general_budget_expenditure', name: '一般公共预算财政拨款支出决算表', pattern: /一般公共预算财政拨款(项目)?支出决算/, sets: ['final'] },
  { kind: 'final_government_fund', name: '政府性基金预算财政拨款收入支出决算表', pattern: /政府性基金.*决算/, sets: ['final'] },
  { kind: 'final_state_capital', name: '国有资本经营预算财政拨款收入支出决算表', pattern: /国有资本经营.*决算/, sets: ['final'] },
  { kind: 'final_three_public_expenses', name: '财政拨款“三公”经费支出决算表', pattern: /三公.*决算/, sets: ['final'] },
  { kind: 'final_operating_expenses', name: '机关运行经费支出决算表', pattern: /机关运行经费.*决算/, sets: ['final'] },
  { kind: 'final_income', name: '收入决算表', pattern: /收入决算表/, sets: ['final'] },
  { kind: 'final_expenditure', name: '支出决算表', pattern: /支出决算表/, sets: ['final'] },
  // performance
  { kind: 'project_performance', name: '项目支出绩效目标表', pattern: /项目(支出)?绩效目标(填报|申报)?表/, sets: ['seed'] },
  { kind: 'overall_performance', name: '部门整体支出绩效目标表', pattern: /整体(支出)?绩效目标/, sets: ['seed'] },
  // 预算
  { kind: 'fiscal_appropriation_summary', name: '财政拨款收支总表', pattern: /财政拨款收支(预算)?总表/, sets: ['seed', 'jiangsu', 'shanghai'] },
  { kind: 'budget_summary', name: '收支总表 / 财务收支预算总表', pattern: /收支(预算)?总表|预算收支总表/, sets: ['seed', 'jiangsu', 'shanghai'] },
  { kind: 'income_summary', name: '收入总表', pattern: /收入(预算)?总表/, sets: ['seed', 'jiangsu', 'shanghai'] },
  { kind: 'expenditure_summary', name: '支出总表', pattern: /支出(预算)?总表/, sets: ['seed', 'jiangsu', 'shanghai'] },
  { kind: 'three_public_and_operating_expenses', name: '“三公”经费和机关运行经费预算表', pattern: /三公.*机关运行经费/, sets: ['shanghai'] },
  { kind: 'three_public_expenses', name: '“三公”经费支出预算表', pattern: /三公/, sets: ['seed', 'jiangsu'] },
  { kind: 'operating_expenses', name: '机关运行经费预算表', pattern: /机关运行经费/, sets: ['seed', 'jiangsu'] },
  { kind: 'basic_expenditure_by_economic_class', name: '基本支出分经济科目表', pattern: /基本支出.*经济|经济(科目|分类).*基本支出/, sets: ['seed', 'jiangsu', 'shanghai'] },
  { kind: 'general_budget_basic_expenditure', name: '一般公共预算基本支出预算表', pattern: /一般公共预算.*基本支出/, sets: ['jiangsu'] },
  { kind: 'fiscal_appropriation_basic_expenditure', name: '财政拨款基本支出预算表', pattern: /财政拨款基本支出/, sets: ['jiangsu'] },
  { kind: 'government_fund_income', name: '政府性基金预算收入表', pattern: /政府性基金.*收入/, sets: ['seed'] },
  { kind: 'government_fund_expenditure', name: '政府性基金预算支出表', pattern: /政府性基金/, sets: ['seed', 'jiangsu', 'shanghai'] },
  { kind: 'state_capital_budget', name: '国有资本经营预算收支预算表', pattern: /国有资本经营预算收支/, sets: ['seed'] },
  { kind: 'state_capital_expenditure', name: '国有资本经营预算支出表', pattern: /国有资本经营/, sets: ['shanghai'] },
  { kind: 'general_budget_expenditure', name: '一般公共预算支出表', pattern: /一般公共预算(当年)?(拨款)?支出/, sets: ['seed', 'jiangsu', 'shanghai'] },
  { kind: 'fiscal_appropriation_expenditure', name: '财政拨款支出预算表', pattern: /财政拨款支出/, sets: ['jiangsu'] },
  { kind: 'project_expenditure_carryover', name: '项目支出预算表（上年结转）', pattern: /项目支出.*上年结转/, sets: ['seed'] },
  { kind: 'project_expenditure', name: '项目支出预算表', pattern: /项目(支出|经费)/, sets: ['seed'] },
  { kind: 'government_procurement', name: '政府采购预算表', pattern: /政府采购/, sets: ['jiangsu'] },
];

export function tableKind(title: string): string {
  const t = title.replace(/\s+/g, '');
  if (!t) return 'unknown';
  return TABLE_KINDS.find((k) => k.pattern.test(t))?.kind ?? 'unknown';
}
