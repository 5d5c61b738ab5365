/**
 * The table-kind registry (issue 9, item 3): one closed set of kinds, and no two printed tables of
 * a document share one. Corpus documents are skipped when ../shared/corpus is absent.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TABLE_KIND_DEFS, TableKind, kindDef } from '../schemas/table-kinds.js';
import { tableKind } from '../src/interpret/table-kinds.js';
import { extract } from '../src/pipeline.js';
import { CORPUS } from './helpers.js';

describe('the registry', () => {
  it('names each kind once, every kind in the enum', () => {
    const ids = TABLE_KIND_DEFS.map((d) => d.kind);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...TableKind.options].sort()).toEqual([...ids].sort());
    expect(TableKind.safeParse('not_a_kind').success).toBe(false);
  });
  it('relations name kinds of the registry', () => {
    for (const d of TABLE_KIND_DEFS) if (d.totalOf) expect(kindDef(d.totalOf.kind).kind).toBe(d.totalOf.kind);
  });
  it('Jiangsu’s 财政拨款 and 一般公共预算 基本支出（经济科目） are two kinds', () => {
    expect(tableKind('财政拨款基本支出预算表（经济科目）')).toBe('fiscal_appropriation_basic_expenditure');
    expect(tableKind('一般公共预算基本支出预算表（经济科目）')).toBe('basic_expenditure_by_economic_class');
    expect(tableKind('2024年一般公共预算安排基本支出分经济科目表（不含上年结转）')).toBe('basic_expenditure_by_economic_class');
  });
});

describe.skipIf(!existsSync(CORPUS))('one kind per printed table', () => {
  const repeated = (kinds: string[]) => kinds.filter((k, i) => k !== 'project_performance' && k !== 'unknown' && kinds.indexOf(k) !== i);
  it('江苏省人民检察院 2019: the two 经济科目 tables', async () => {
    const doc = await extract(join(CORPUS, 'jiangsu/江苏省人民检察院_2019年度部门预算公开.pdf'));
    expect(repeated(doc.tables.map((t) => t.kind))).toEqual([]);
    expect(doc.tables.find((t) => t.label === '公开06表')?.kind).toBe('fiscal_appropriation_basic_expenditure');
    expect(doc.tables.find((t) => t.label === '公开08表')?.kind).toBe('basic_expenditure_by_economic_class');
  });
  it('江苏省政协办公厅 2017: 政府采购预算表 continued under its repeated title is one table', async () => {
    const doc = await extract(join(CORPUS, 'jiangsu/江苏省政协办公厅_2017年度部门预算公开表.pdf'));
    expect(repeated(doc.tables.map((t) => t.kind))).toEqual([]);
    const p = doc.tables.filter((t) => t.kind === 'government_procurement');
    expect(p.map((t) => t.pages)).toEqual([[12, 13]]);
    expect(p[0].rows.length).toBe(40);
  });
});
