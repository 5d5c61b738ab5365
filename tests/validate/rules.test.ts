import { describe, expect, it } from 'vitest';
import { validateDocument, summaryLine } from '../../src/validate/index.js';
import { findingsCsv } from '../../src/export/findings-csv.js';
import type { Document } from '../../schemas/document.js';
import { doc, type TableSpec } from './builder.js';

const errorsOf = (d: Document, rule: string) => validateDocument(d).findings.filter((f) => f.rule === rule && f.severity === 'error');
const ofRule = (d: Document, rule: string) => validateDocument(d).findings.filter((f) => f.rule === rule);

const expenditure = (over: Partial<Record<string, Record<string, string>>> = {}): TableSpec => ({
  title: '2024年预算支出总表',
  kind: 'expenditure_summary',
  columns: ['2024年预算数 / 合计', '2024年预算数 / 基本支出', '2024年预算数 / 项目支出'],
  rows: [
    { item: '合计', values: over['合计'] ?? { '2024年预算数 / 合计': '100.00', '2024年预算数 / 基本支出': '60.00', '2024年预算数 / 项目支出': '40.00' } },
    { item: '一般公共服务支出', code: '201', values: over['201'] ?? { '2024年预算数 / 合计': '100.00', '2024年预算数 / 基本支出': '60.00', '2024年预算数 / 项目支出': '40.00' } },
    { item: '政府办公厅', code: '20103', values: over['20103'] ?? { '2024年预算数 / 合计': '100.00', '2024年预算数 / 基本支出': '60.00', '2024年预算数 / 项目支出': '40.00' } },
    { item: '行政运行', code: '2010301', values: over['2010301'] ?? { '2024年预算数 / 合计': '60.00', '2024年预算数 / 基本支出': '60.00' } },
    { item: '一般行政管理事务', code: '2010302', values: over['2010302'] ?? { '2024年预算数 / 合计': '40.00', '2024年预算数 / 项目支出': '40.00' } },
  ],
});

describe('schema', () => {
  it('passes a well-formed document', () => {
    expect(ofRule(doc({ tables: [expenditure()] }), 'schema.document')).toEqual([]);
    expect(errorsOf(doc({ tables: [expenditure()] }), 'schema.code')).toEqual([]);
  });
  it('reports a malformed document as findings, never a crash', () => {
    const d = doc({ tables: [expenditure()] }) as unknown as Record<string, unknown>;
    (d.tables as { rows: { amounts: { value: string }[] }[] }[])[0].rows[1].amounts[0].value = '1,0O';
    const c = validateDocument(d as unknown as Document);
    expect(c.findings.some((f) => f.rule === 'schema.document')).toBe(true);
    expect(c.findings.some((f) => f.rule === 'schema.amount')).toBe(true);
    expect(() => validateDocument({} as Document)).not.toThrow();
  });
  it('checks codes against their level', () => {
    const t = expenditure();
    t.rows[3].level = '款';
    expect(errorsOf(doc({ tables: [t] }), 'schema.code')).toHaveLength(1);
  });
  it('warns about missing required columns', () => {
    const t = { ...expenditure(), columns: ['2024年预算数 / 合计', '2024年预算数 / 基本支出', '2024年预算数 / 其他'] };
    t.rows = t.rows.map((r) => ({ ...r, values: Object.fromEntries(Object.entries(r.values).filter(([k]) => !k.endsWith('项目支出'))) }));
    expect(ofRule(doc({ tables: [t] }), 'schema.columns').length).toBeGreaterThan(0);
    expect(ofRule(doc({ tables: [expenditure()] }), 'schema.columns')).toEqual([]);
  });
});

describe('hierarchy', () => {
  it('passes when 类 = Σ款 and 款 = Σ项', () => {
    expect(ofRule(doc({ tables: [expenditure()] }), 'hierarchy.functional')).toEqual([]);
  });
  it('fails when a 款 differs from its 项', () => {
    const d = doc({ tables: [expenditure({ '2010302': { '2024年预算数 / 合计': '45.00', '2024年预算数 / 项目支出': '45.00' } })] });
    const f = errorsOf(d, 'hierarchy.functional');
    expect(f.length).toBeGreaterThan(0);
    expect(f[0].where.code).toBe('20103');
    expect(f[0].expected).toBe('105');
    expect(f[0].found).toBe('100');
  });
  it('reports a rounding difference as info', () => {
    const d = doc({ tables: [expenditure({ '2010302': { '2024年预算数 / 合计': '40.01', '2024年预算数 / 项目支出': '40.00' } })] });
    const f = ofRule(d, 'hierarchy.functional');
    expect(f.length).toBe(1);
    expect(f[0].severity).toBe('info');
  });
  it('checks economic classes', () => {
    const econ = (v: string): TableSpec => ({
      title: '基本支出表',
      kind: 'basic_expenditure_by_economic_class',
      columns: ['合计', '人员经费', '公用经费'],
      rows: [
        { item: '工资福利支出', code: '301', values: { 合计: '10.00', 人员经费: '10.00' } },
        { item: '基本工资', code: '30101', values: { 合计: v, 人员经费: v } },
        { item: '津贴补贴', code: '30102', values: { 合计: '4.00', 人员经费: '4.00' } },
      ],
    });
    expect(errorsOf(doc({ tables: [econ('6.00')] }), 'hierarchy.economic')).toEqual([]);
    expect(errorsOf(doc({ tables: [econ('7.00')] }), 'hierarchy.economic').length).toBe(2);
  });
});

describe('row identities', () => {
  it('合计 = 基本支出 + 项目支出', () => {
    expect(ofRule(doc({ tables: [expenditure()] }), 'row.basic-project')).toEqual([]);
    const d = doc({ tables: [expenditure({ '2010301': { '2024年预算数 / 合计': '60.00', '2024年预算数 / 基本支出': '60.00', '2024年预算数 / 项目支出': '40.00' } })] });
    const f = errorsOf(d, 'row.basic-project');
    expect(f).toHaveLength(1);
    expect(f[0].difference).toBe('-40');
  });
  it('合计 = 人员经费 + 公用经费 and sources', () => {
    const t = (a: string): TableSpec => ({
      title: '基本支出表',
      kind: 'basic_expenditure_by_economic_class',
      columns: ['合计', '人员经费', '公用经费'],
      rows: [{ item: '合计', values: { 合计: a, 人员经费: '6.00', 公用经费: '4.00' } }],
    });
    expect(ofRule(doc({ tables: [t('10.00')] }), 'row.personnel-public')).toEqual([]);
    expect(errorsOf(doc({ tables: [t('11.00')] }), 'row.personnel-public')).toHaveLength(1);
    const s = (a: string): TableSpec => ({
      title: '收入总表',
      kind: 'income_summary',
      columns: ['本年收入 / 合计', '本年收入 / 一般公共预算', '本年收入 / 政府性基金', '上年结转'],
      rows: [{ item: '合计', values: { '本年收入 / 合计': a, '本年收入 / 一般公共预算': '6.00', '本年收入 / 政府性基金': '4.00', 上年结转: '9.00' } }],
    });
    expect(ofRule(doc({ tables: [s('10.00')] }), 'row.sources')).toEqual([]);
    expect(errorsOf(doc({ tables: [s('19.00')] }), 'row.sources')).toHaveLength(1);
  });
});

describe('totals', () => {
  const summary = (total: string, income = '100.00'): TableSpec => ({
    title: '收支总表',
    kind: 'budget_summary',
    sideBySide: true,
    columns: ['收入:预算数', '支出:合计'],
    rows: [
      { block: '收入', item: '一、一般公共预算', ordinal: '一、', values: { '收入:预算数': income } },
      { block: '收入', item: '二、政府性基金预算', ordinal: '二、', values: {} },
      { block: '收入', item: '收入总计', values: { '收入:预算数': '100.00' } },
      { block: '支出', item: '一、一般公共服务支出', ordinal: '一、', values: { '支出:合计': '100.00' } },
      { block: '支出', item: '支出总计', values: { '支出:合计': total } },
    ],
  });
  it('passes a consistent summary', () => {
    const d = doc({ tables: [summary('100.00')] });
    expect(ofRule(d, 'totals.rows')).toEqual([]);
    expect(ofRule(d, 'totals.balance')).toEqual([]);
  });
  it('fails a total row and the balance', () => {
    expect(errorsOf(doc({ tables: [summary('100.00', '90.00')] }), 'totals.rows')).toHaveLength(1);
    expect(errorsOf(doc({ tables: [summary('120.00')] }), 'totals.balance')).toHaveLength(1);
  });
  it('合计 row = Σ 类 rows in coded tables', () => {
    expect(ofRule(doc({ tables: [expenditure()] }), 'totals.rows')).toEqual([]);
    const d = doc({ tables: [expenditure({ 合计: { '2024年预算数 / 合计': '90.00', '2024年预算数 / 基本支出': '60.00', '2024年预算数 / 项目支出': '30.00' } })] });
    expect(errorsOf(d, 'totals.rows').length).toBeGreaterThan(0);
  });
});

describe('cross-table', () => {
  const econ = (p: string, g: string): TableSpec => ({
    id: 9,
    title: '一般公共预算基本支出经济分类表',
    kind: 'basic_expenditure_by_economic_class',
    unit: '元',
    columns: ['合计', '人员经费', '公用经费'],
    rows: [{ item: '合计', values: { 合计: '600000.00', 人员经费: p, 公用经费: g } }],
  });
  const general: TableSpec = { ...expenditure(), id: 5, title: '一般公共预算支出表', kind: 'general_budget_expenditure' };
  it('基本支出 = the economic total, across units', () => {
    expect(ofRule(doc({ tables: [general, econ('400000.00', '200000.00')] }), 'cross.basic-economic')).toEqual([]);
    const bad: TableSpec = { ...econ('400000.00', '200000.00') };
    bad.rows = [{ item: '合计', values: { 合计: '650000.00', 人员经费: '400000.00', 公用经费: '250000.00' } }];
    expect(errorsOf(doc({ tables: [general, bad] }), 'cross.basic-economic')).toHaveLength(1);
  });
  it('人员经费 / 公用经费 split of the summary = the economic table', () => {
    const summary = (p: string, g: string): TableSpec => ({
      id: 1,
      title: '财务收支预算总表',
      kind: 'budget_summary',
      unit: '元',
      sideBySide: true,
      columns: ['收入:预算数', '支出:预算数 / 合计', '支出:预算数 / 基本支出 / 人员经费', '支出:预算数 / 基本支出 / 公用经费', '支出:预算数 / 项目支出'],
      rows: [
        { block: '收入', item: '收入总计', values: { '收入:预算数': '1000000' } },
        { block: '支出', item: '支出总计', values: { '支出:预算数 / 合计': '1000000', '支出:预算数 / 基本支出 / 人员经费': p, '支出:预算数 / 基本支出 / 公用经费': g, '支出:预算数 / 项目支出': '400000' } },
      ],
    });
    expect(ofRule(doc({ tables: [summary('400000', '200000'), econ('400000.00', '200000.00')] }), 'cross.personnel-public')).toEqual([]);
    expect(errorsOf(doc({ tables: [summary('410000', '190000'), econ('400000.00', '200000.00')] }), 'cross.personnel-public')).toHaveLength(2);
  });
  it('绩效目标表 annual funds (元) = the project row (万元)', () => {
    const projects: TableSpec = { id: 12, title: '项目支出预算表', kind: 'project_expenditure', columns: ['合计'], rows: [{ item: '信访督查工作经费', values: { 合计: '9.00' } }] };
    const perf = (total: string) => [{ tableId: 14, name: '信访督查工作经费', fundsUnit: '元' as const, annualFunds: { total }, implementationFunds: {}, goals: {}, indicators: [] }];
    expect(ofRule(doc({ tables: [projects], projects: perf('90000') }), 'cross.project-performance')).toEqual([]);
    expect(errorsOf(doc({ tables: [projects], projects: perf('95000') }), 'cross.project-performance')).toHaveLength(1);
  });
  it('project table total = 项目支出', () => {
    const pt = (v: string): TableSpec => ({ id: 12, title: '项目支出预算表', kind: 'project_expenditure', columns: ['合计'], rows: [{ item: '甲项目', values: { 合计: '30.00' } }, { item: '乙项目', values: { 合计: v } }] });
    expect(ofRule(doc({ tables: [expenditure(), pt('10.00')] }), 'cross.project-total')).toEqual([]);
    expect(errorsOf(doc({ tables: [expenditure(), pt('20.00')] }), 'cross.project-total')).toHaveLength(1);
  });
  it('三公: 公务用车购置及运行费 = 购置 + 运行', () => {
    const t = (v: string): TableSpec => ({
      title: '“三公”经费支出预算表',
      kind: 'three_public_expenses',
      columns: ['合计'],
      rows: [
        { item: '公务用车购置及运行费', values: { 合计: v } },
        { item: '①公务用车购置费', ordinal: '①', values: { 合计: '1.00' } },
        { item: '②公务用车运行维护费', ordinal: '②', values: { 合计: '2.00' } },
      ],
    });
    expect(ofRule(doc({ tables: [t('3.00')] }), 'cross.three-public')).toEqual([]);
    expect(errorsOf(doc({ tables: [t('4.00')] }), 'cross.three-public')).toHaveLength(1);
  });
});

describe('narrative', () => {
  it('recomputes a growth rate from current and change', () => {
    expect(ofRule(doc({ narrative: ['一般公共预算当年支出694.34万元,比上年增加151.26万元,增长27.85%。'] }), 'narrative.growth')).toEqual([]);
    expect(errorsOf(doc({ narrative: ['一般公共预算当年支出694.34万元,比上年增加151.26万元,增长17.85%。'] }), 'narrative.growth')).toHaveLength(1);
  });
  it('recomputes a growth rate from the stated previous and current figures', () => {
    const ok = '2025年当年预算执行数为2149.45万元,2026年预算安排2170.39万元,比2025年预算执行数增加0.97%。';
    const bad = '2025年当年预算执行数为43269.3万元,2026年预算安排3845.49万元,比2025年预算执行数增加17.62%。';
    expect(ofRule(doc({ year: 2026, narrative: [ok] }), 'narrative.growth')).toEqual([]);
    const f = errorsOf(doc({ year: 2026, narrative: [bad] }), 'narrative.growth');
    expect(f).toHaveLength(1);
    expect(f[0].expected).toBe('-91.11%');
  });
  it('checks shares', () => {
    expect(ofRule(doc({ narrative: ['支出预算694.34万元，其中：基本支出298.21万元，占42.95%；', '项目支出396.13万元，占57.05%。'] }), 'narrative.share')).toEqual([]);
    expect(errorsOf(doc({ narrative: ['支出预算694.34万元，其中：基本支出298.21万元，占52.95%；'] }), 'narrative.share')).toHaveLength(1);
  });
  it('checks amounts against the tables and coded items against themselves', () => {
    expect(ofRule(doc({ tables: [expenditure()], narrative: ['其中：基本支出60.00万元。'] }), 'narrative.amount')).toEqual([]);
    expect(errorsOf(doc({ tables: [expenditure()], narrative: ['其中：基本支出66.00万元。'] }), 'narrative.amount')).toHaveLength(1);
    const item = (v: string) => ['1、一般公共服务支出(201类)政府办公厅(03款)行政运行(01项)60.00万元。', `2023年当年预算执行数为50万元,2024年预算安排${v}万元,比2023年预算执行数增加20.00%。`];
    expect(ofRule(doc({ tables: [expenditure()], narrative: item('60.00') }), 'narrative.item')).toEqual([]);
    expect(errorsOf(doc({ tables: [expenditure()], narrative: item('57.8') }), 'narrative.item')).toHaveLength(1);
  });
  it('flags a 类 name that differs from the tables', () => {
    expect(ofRule(doc({ tables: [expenditure()], narrative: ['1、一般公共服务支出(201类)政府办公厅(03款)行政运行(01项)60.00万元。'] }), 'narrative.class-name')).toEqual([]);
    expect(ofRule(doc({ tables: [expenditure()], narrative: ['1、一般公共服务(201类)政府办公厅(03款)行政运行(01项)60.00万元。'] }), 'narrative.class-name')).toHaveLength(1);
  });
  it('checks 决算数大于/小于预算数 against the figures', () => {
    const t = (w: string) => [`年初预算为1560.05万元，支出决算为1511.89万元。决算数${w}预算数的主要原因：人员变化。`];
    expect(ofRule(doc({ docKind: '部门决算', text: t('小于') }), 'narrative.comparison')).toEqual([]);
    expect(errorsOf(doc({ docKind: '部门决算', text: t('大于') }), 'narrative.comparison')).toHaveLength(1);
  });
});

describe('form', () => {
  const empty = (note?: string): TableSpec => ({ title: '政府性基金预算支出表', kind: 'government_fund_expenditure', columns: ['合计'], rows: [{ item: '合计', values: {} }], ...(note ? { note } : {}) });
  it('empty tables carry their note', () => {
    expect(ofRule(doc({ tables: [empty('注：本表无数据')] }), 'form.empty-note')).toEqual([]);
    expect(ofRule(doc({ tables: [empty()] }), 'form.empty-note')).toHaveLength(1);
  });
  it('title year = document year', () => {
    expect(ofRule(doc({ tables: [{ ...expenditure(), year: 2024 }] }), 'form.year')).toEqual([]);
    expect(errorsOf(doc({ tables: [{ ...expenditure(), year: 2023 }] }), 'form.year')).toHaveLength(1);
    expect(errorsOf(doc({ docKind: '部门决算', text: ['第三部分 上海市普陀区财政局2023年度部门决算情况说明'] }), 'form.year')).toHaveLength(1);
  });
  it('department name consistent, no placeholder', () => {
    expect(ofRule(doc({ tables: [{ ...expenditure(), department: '测试局' }] }), 'form.department')).toEqual([]);
    expect(errorsOf(doc({ tables: [{ ...expenditure(), department: '别的局' }] }), 'form.department')).toHaveLength(1);
    expect(errorsOf(doc({ text: ['第二部分 上海市普陀区XX局2024年度部门决算表'] }), 'form.department')).toHaveLength(1);
  });
  it('单位 wording in a 部门 document and vice versa', () => {
    expect(ofRule(doc({ docKind: '单位预算', text: ['2024年单位预算安排购置车辆0辆。'] }), 'form.caliber')).toEqual([]);
    expect(ofRule(doc({ docKind: '单位预算', text: ['2024年部门预算安排购置车辆0辆。'] }), 'form.caliber')).toHaveLength(1);
  });
  it('incomplete sentences', () => {
    expect(ofRule(doc({ text: ['与2025年预算数持平，主要原因是公务用车数量无变化。'] }), 'form.sentence')).toEqual([]);
    expect(ofRule(doc({ text: ['与2025年预算数持平，主要原因是。'] }), 'form.sentence')).toHaveLength(1);
  });
});

describe('outputs', () => {
  it('findingsCsv and summaryLine', async () => {
    const c = validateDocument(doc({ tables: [expenditure({ '2010302': { '2024年预算数 / 合计': '45.00', '2024年预算数 / 项目支出': '45.00' } })] }));
    const csv = await findingsCsv(c);
    expect(csv.split('\n')[0]).toMatch(/^document,rule,severity/);
    expect(csv).toContain('hierarchy.functional');
    expect(summaryLine(c)).toMatch(/^\d+ errors?, \d+ warnings?, \d+ info/);
  });
});
