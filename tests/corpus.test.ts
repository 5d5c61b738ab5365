/**
 * Regression tests on real disclosures, one per document class, with a few rows checked against
 * the printed page. Skipped when ../shared/corpus is absent.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Document, Fact } from '../schemas/document.js';
import { documentFacts } from '../src/export/facts.js';
import { extract } from '../src/pipeline.js';
import { CORPUS } from './helpers.js';

const cache = new Map<string, Promise<Document>>();
const load = (rel: string) => {
  if (!cache.has(rel)) cache.set(rel, extract(join(CORPUS, rel)));
  return cache.get(rel)!;
};
const pick = (facts: Fact[], f: Partial<Fact>) => facts.filter((x) => Object.entries(f).every(([k, v]) => x[k as keyof Fact] === v));
const values = (facts: Fact[], f: Partial<Fact>) => pick(facts, f).map((x) => `${x.column}=${x.value}`);

describe.skipIf(!existsSync(CORPUS))('corpus document classes', () => {
  it('Jiangsu 2019: codes concatenated in one column, 万元, labels 公开NN表', async () => {
    const doc = await load('jiangsu/江苏省人民检察院_2019年度部门预算公开.pdf');
    const facts = documentFacts(doc);
    const t = doc.tables.find((x) => x.label === '公开05表')!;
    expect(t).toMatchObject({ kind: 'fiscal_appropriation_expenditure', unit: '万元', department: '江苏省人民检察院' });
    expect(t.rows.find((r) => r.code === '2040401')).toMatchObject({ level: '项', parentCode: '20404', item: '行政运行' });
    expect(values(facts, { table_no: '公开05表', code: '2040401' })).toEqual(['金额=12268.62']);
    expect(values(facts, { table_no: '公开03表', row: '1' })).toEqual(['合计=24169.74', '基本支出=15844.04', '项目支出=4335.30', '单位预留机动经费=3990.4']);
    expect(pick(facts, { table_no: '公开05表', code: '2040401' })[0].page).toBe('16');
  });

  it('Shanghai: 类/款/项 in separate columns, 元 with separators, continued over pages without a title', async () => {
    const doc = await load('shanghai/普陀区万里街道办事处_2025_部门预算.pdf');
    const facts = documentFacts(doc);
    const t = doc.tables.find((x) => x.kind === 'general_budget_expenditure')!;
    expect(t.unit).toBe('元');
    expect(t.pages.length).toBeGreaterThanOrEqual(3);
    const k = { table_kind: 'general_budget_expenditure' };
    expect(values(facts, { ...k, code: '201' })).toEqual(['一般公共预算支出 / 合计=3296600', '一般公共预算支出 / 基本支出=0', '一般公共预算支出 / 项目支出=3296600']);
    expect(values(facts, { ...k, code: '2082501' })).toEqual(['一般公共预算支出 / 合计=300000', '一般公共预算支出 / 基本支出=0', '一般公共预算支出 / 项目支出=300000']);
    expect(values(facts, { ...k, code: '20899' })).toEqual(['一般公共预算支出 / 合计=7574422', '一般公共预算支出 / 基本支出=6166222', '一般公共预算支出 / 项目支出=1408200']);
    const rows = pick(facts, { ...k, code: '20899' });
    expect(rows[0]).toMatchObject({ page: '22', row: '41' });
    // row numbers run on over the continuation pages
    expect(t.rows.map((r) => r.index)).toEqual([...new Set(t.rows.map((r) => r.index))].sort((a, b) => a - b));
  });

  it('决算: side-by-side 收入支出决算总表 and the functional table', async () => {
    const doc = await load('shanghai/普陀区规划和自然资源局_2024_部门决算.pdf');
    const facts = documentFacts(doc);
    expect(values(facts, { table_kind: 'final_income_expenditure_summary', block: '收入', item: '一、一般公共预算财政拨款收入' })).toEqual(['决算数=9746.50']);
    expect(values(facts, { table_kind: 'final_income_expenditure_summary', block: '支出', item: '十一、城乡社区支出' })).toEqual(['决算数=3845.25']);
    expect(values(facts, { table_kind: 'final_expenditure', code: '220' })).toEqual(['本年支出合计=4461.67', '基本支出=2339.58', '项目支出=2122.09']);
  });

  it('ONLYOFFICE 决算 with its text stream out of visual order: cells from geometry', async () => {
    const doc = await load('shanghai/普陀区财政局_2024_部门决算.pdf');
    const facts = documentFacts(doc);
    const k = { table_kind: 'final_expenditure' };
    expect(values(facts, { ...k, item: '合计' })).toEqual(['本年支出合计=2940.05', '基本支出=2336.91', '项目支出=603.14']);
    expect(values(facts, { ...k, code: '20106' })).toEqual(['本年支出合计=2106.66', '基本支出=1503.52', '项目支出=603.14']);
    expect(values(facts, { ...k, code: '2010601' })).toEqual(['本年支出合计=1511.89', '基本支出=1503.52', '项目支出=8.37']);
    expect(pick(facts, { ...k, code: '2010601' })[0]).toMatchObject({ item: '行政运行', page: '10' });
  });

  it('the blank 决算 template gives its tables, empty', async () => {
    const doc = await load('shanghai/上海市_2024_部门决算_空白模板.pdf');
    expect(doc.tables.length).toBeGreaterThanOrEqual(8);
    expect(doc.tables.every((t) => t.empty)).toBe(true);
    expect(documentFacts(doc)).toEqual([]);
  });
});
