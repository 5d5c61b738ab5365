/**
 * Rules decide what they compare from the table's structure (issue 17): one regression test per
 * false error reported on consistent documents.
 */
import { describe, expect, it } from 'vitest';
import { validateDocument } from '../../src/validate/index.js';
import { markerOf, rowForest } from '../../src/identities/row-tree.js';
import { projectGroups } from '../../src/validate/project-groups.js';
import { subItemsOf } from '../../src/identities/total-rows.js';
import type { Document } from '../../schemas/document.js';
import { doc, table, type TableSpec } from './builder.js';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { extract } from '../../src/pipeline.js';
import { documentFacts } from '../../src/export/facts.js';

const errors = (d: Document) => validateDocument(d).findings.filter((f) => f.severity === 'error');
const threePublic = (labels: [string, string][], kind = 'three_public_expenses'): TableSpec => ({
  title: '2025年财政拨款安排“三公”经费支出预算表',
  kind,
  columns: ['2025年预算数 / 合计'],
  rows: labels.map(([item, v]) => ({ item, values: (v ? { '2025年预算数 / 合计': v } : {}) as Record<string, string> })),
});

describe('row hierarchy', () => {
  it('reads list styles, numbers and 其中', () => {
    expect(markerOf('（二）公务接待费')).toMatchObject({ style: 'pcn', n: 2, text: '公务接待费' });
    expect(markerOf('其中：（1）公务用车购置费')).toMatchObject({ style: 'pnum', n: 1, sub: true, text: '公务用车购置费' });
    expect(markerOf('③公务用车购置及运行费')).toMatchObject({ style: 'circ', n: 3 });
    expect(markerOf('十二、住房保障支出')).toMatchObject({ style: 'cn', n: 12 });
  });

  it('a ① that restarts under ③ numbers a sub-list', () => {
    const t = table(threePublic([['①因公出国（境）费', '1.00'], ['②公务接待费', '1.30'], ['③公务用车购置及运行费', '1.30'], ['①公务用车购置费', ''], ['②公务用车运行维护费', '1.30']]));
    const roots = rowForest(t.rows, subItemsOf(t.kind));
    expect(roots.map((n) => n.row.item)).toEqual(['①因公出国（境）费', '②公务接待费', '③公务用车购置及运行费']);
    expect(roots[2].children.map((n) => n.row.item)).toEqual(['①公务用车购置费', '②公务用车运行维护费']);
  });

  it('三公 合计 = Σ ①②③, not Σ the sub-items (the seed family’s false error)', () => {
    const rows: [string, string][] = [['①因公出国（境）费', '1.00'], ['②公务接待费', '1.30'], ['③公务用车购置及运行费', '1.30'], ['①公务用车购置费', ''], ['②公务用车运行维护费', '1.30'], ['合计', '3.60']];
    expect(errors(doc({ tables: [threePublic(rows)] }))).toEqual([]);
    const wrong = rows.map(([l, v]): [string, string] => [l, l === '合计' ? '3.70' : v]);
    expect(errors(doc({ tables: [threePublic(wrong)] })).map((f) => [f.rule, f.where.item])).toEqual([['totals.rows', '合计']]);
  });

  it('unnumbered rows with ①② under 公务用车, which stands in the middle', () => {
    const rows: [string, string][] = [['因公出国（境）费', '1.00'], ['公务用车购置及运行费', '1.30'], ['①公务用车购置费', ''], ['②公务用车运行维护费', '1.30'], ['公务接待费', '1.30'], ['合计', '3.60']];
    expect(errors(doc({ tables: [threePublic(rows)] }))).toEqual([]);
    const wrong = rows.map(([l, v]): [string, string] => [l, l === '②公务用车运行维护费' ? '1.20' : v]);
    // the roots still add up: only the 公务用车 row and its parts disagree
    expect(errors(doc({ tables: [threePublic(wrong)] })).map((f) => [f.rule, f.where.item])).toEqual([['cross.three-public', '公务用车购置及运行费']]);
  });

  it('indented sub-items without a marker are known by name', () => {
    const rows: [string, string][] = [['①因公出国（境）费', '1.00'], ['②公务接待费', '1.30'], ['③公务用车购置及运行费', '1.30'], ['公务用车购置费', ''], ['公务用车运行维护费', '1.30'], ['合计', '3.60']];
    expect(errors(doc({ tables: [threePublic(rows)] }))).toEqual([]);
  });

  it('决算 1、2、3、 with 其中：（1）（2）', () => {
    const rows: [string, string][] = [['合计', '29.20'], ['1、因公出国（境）费', '0'], ['2、公务用车购置及运行费', '22.80'], ['其中：（1）公务用车购置费', '0'], ['（2）公务用车运行维护费', '22.80'], ['3、公务接待费', '6.40']];
    expect(errors(doc({ tables: [threePublic(rows, 'final_three_public_expenses')] }))).toEqual([]);
  });

  it('其中 lists of other items are parts, not a partition', () => {
    const t: TableSpec = { title: '收入总表', kind: 'unknown', columns: ['金额'], rows: [{ item: '一、财政拨款收入', values: { 金额: '100.00' } }, { item: '其中：一般公共预算', values: { 金额: '60.00' } }, { item: '二、事业收入', values: { 金额: '10.00' } }, { item: '合计', values: { 金额: '110.00' } }] };
    expect(errors(doc({ tables: [t] }))).toEqual([]);
  });
});

describe('columns that are not money', () => {
  it('增减% is never summed', () => {
    const t: TableSpec = {
      title: '财政拨款“三公”经费支出决算表',
      kind: 'final_three_public_expenses',
      columns: ['预算数', '决算数', '决算数比预算数增减（%）'],
      rows: [
        { item: '合计', values: { 预算数: '50.00', 决算数: '29.20', '决算数比预算数增减（%）': '-41.60' } },
        { item: '1、因公出国（境）费', values: { 预算数: '12.00', 决算数: '0.00', '决算数比预算数增减（%）': '-100.00' } },
        { item: '2、公务接待费', values: { 预算数: '38.00', 决算数: '29.20', '决算数比预算数增减（%）': '-23.16' } },
      ],
    };
    expect(errors(doc({ tables: [t] }))).toEqual([]);
  });

  it('an 增减% column carries no 元 value and no money unit', async () => {
    const d = await extract(join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'samples', 'validation', 'final.md'));
    const t = d.tables.find((x) => x.kind === 'final_three_public_expenses')!;
    const pct = t.rows.flatMap((r) => r.amounts).filter((a) => /%/.test(a.path));
    expect(pct.length).toBeGreaterThan(0);
    expect(pct.every((a) => a.yuan === undefined)).toBe(true);
    const facts = documentFacts(d).filter((f) => f.table_kind === 'final_three_public_expenses');
    expect(new Set(facts.filter((f) => /%/.test(f.column)).map((f) => f.unit))).toEqual(new Set(['']));
    expect(new Set(facts.filter((f) => !/%/.test(f.column)).map((f) => f.unit))).toEqual(new Set(['万元']));
  });
});

describe('groups in a 项目支出预算表', () => {
  const pt = (unitTwo: string): TableSpec => ({
    title: '2025年项目支出预算表（本年预算）',
    kind: 'project_expenditure',
    columns: ['合计'],
    rows: [
      { item: '临江县统计局', values: { 合计: '128.50' } },
      { item: '临江县统计局', values: { 合计: '83.00' } },
      { item: '统计执法检查经费', values: { 合计: '20.00' } },
      { item: '统计信息化运维费', values: { 合计: '33.00' } },
      { item: '统计数据质量核查经费', values: { 合计: '30.00' } },
      { item: '临江县统计普查中心', values: { 合计: unitTwo } },
      { item: '经济普查经费', values: { 合计: '30.50' } },
      { item: '人口抽样调查经费', values: { 合计: '15.00' } },
    ],
  });
  it('unit rows followed by their projects', () => {
    const g = projectGroups(table(pt('45.50')), '临江县统计局');
    expect(g.total?.item).toBe('临江县统计局');
    expect(g.units.map((u) => [u.row.item, u.projects.length])).toEqual([['临江县统计局', 3], ['临江县统计普查中心', 2]]);
  });
  it('the next unit’s projects are not summed into the first (临江县统计局 121.3 ≠ 166.8)', () => {
    expect(errors(doc({ department: '临江县统计局', tables: [pt('45.50')] }))).toEqual([]);
    const e = errors(doc({ department: '临江县统计局', tables: [pt('46.50')] }));
    expect(e.map((f) => [f.rule, f.where.item])).toEqual([['cross.project-total', '临江县统计普查中心'], ['cross.project-total', '临江县统计局']]);
  });
});

describe('totals compared at the same source scope', () => {
  const fiscal: TableSpec = {
    title: '财政拨款收入支出决算总表',
    kind: 'final_fiscal_appropriation_summary',
    sideBySide: true,
    columns: ['收入:决算数', '支出:小计', '支出:一般公共预算财政拨款', '支出:政府性基金预算财政拨款'],
    rows: [
      { item: '一、一般公共预算财政拨款', block: '收入', values: { 决算数: '2281.62' } },
      { item: '二、政府性基金预算财政拨款', block: '收入', values: { 决算数: '35.00' } },
      { item: '本年收入合计', block: '收入', values: { 决算数: '2316.62' } },
      { item: '一、一般公共服务支出', block: '支出', values: { 小计: '2316.62', 一般公共预算财政拨款: '2281.62', 政府性基金预算财政拨款: '35.00' } },
      { item: '本年支出合计', block: '支出', values: { 小计: '2316.62', 一般公共预算财政拨款: '2281.62', 政府性基金预算财政拨款: '35.00' } },
    ],
  };
  const gb = (v: string): TableSpec => ({ title: '一般公共预算财政拨款支出决算表', kind: 'final_general_budget_expenditure', columns: ['本年支出 / 小计'], rows: [{ item: '合计', values: { '本年支出 / 小计': v } }] });
  it('一般公共预算 total = the 一般公共预算 column, not 小计 with 政府性基金', () => {
    expect(errors(doc({ tables: [fiscal, gb('2281.62')] }))).toEqual([]);
    expect(errors(doc({ tables: [fiscal, gb('2291.62')] })).map((f) => f.rule)).toEqual(['cross.totals']);
  });
});

describe('template differences are not defects', () => {
  it('a Jiangsu one-column 一般公共预算支出预算表 is info', () => {
    const t: TableSpec = { title: '2019年一般公共预算支出预算表', kind: 'general_budget_expenditure', columns: ['金额'], rows: [{ item: '合计', values: { 金额: '10.00' } }, { item: '一般公共服务支出', code: '201', values: { 金额: '10.00' } }] };
    const f = validateDocument(doc({ tables: [t] })).findings.filter((x) => x.rule === 'schema.columns');
    expect(f.map((x) => x.severity)).toEqual(['info']);
  });
});
