/**
 * The misreads sample (scripts/make-samples-misreads.mjs): one 部门预算 holding each printed-table
 * case of issue 16, as HTML and printed by Chromium (<thead> repeated), by LibreOffice (header rows
 * repeated) and by Chromium in a Type 3 CJK font. Every rendering must give the HTML's facts.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Document, Fact } from '../schemas/document.js';
import { documentFacts } from '../src/export/facts.js';
import { extract } from '../src/pipeline.js';
import { ROOT } from './helpers.js';

const BASE = 'misreads-2024-budget';
const load = (ext: string) => extract(join(ROOT, 'samples', `${BASE}.${ext}`));
// LibreOffice prints a unit name merged down the rows only on the page where its cell is centred,
// so the rows above it on that page show no unit: compare the row's own label
const key = (f: Fact) => [f.table_kind, f.table_title, f.unit, f.block, f.code, f.item.split(' / ').at(-1), f.column, f.value].join('|');

describe.each(['chromium.pdf', 'libreoffice.pdf', 'type3.pdf'])('misreads sample %s', (ext) => {
  let doc: Document;
  let html: Document;
  it('gives the facts of the HTML it was printed from', async () => {
    [doc, html] = await Promise.all([load(ext), load('html')]);
    const got = documentFacts(doc).map(key).sort();
    const want = documentFacts(html).map(key).sort();
    expect({ missing: want.filter((k) => !got.includes(k)), extra: got.filter((k) => !want.includes(k)) }).toEqual({ missing: [], extra: [] });
    expect(got.length).toBe(189);
  });

  it('reads the project table over three pages under its title, kind and unit', () => {
    expect(doc.tables.map((t) => t.kind)).toEqual(['budget_summary', 'income_summary', 'income_summary', 'expenditure_summary', 'project_expenditure']);
    const project = doc.tables[4];
    expect([project.title, project.unit, project.pages]).toEqual(['2024年项目支出预算表', '元', [5, 6, 7]]);
    expect(project.rows.filter((r) => r.kind === 'data')).toHaveLength(60);
    expect(doc.diagnostics.map((d) => d.code)).not.toContain('table.no-unit');
  });

  it('recognises 财政专户管理资金 whatever the font maps 户 to', () => {
    const facts = documentFacts(doc);
    expect(facts.some((f) => /[戶⼾]/.test(f.item + f.column))).toBe(false);
    expect(facts.filter((f) => f.table_kind === 'income_summary' && f.column === '财政专户管理资金').map((f) => f.value)).toEqual(['450.00', '450.00', '450.00']);
    expect(facts.find((f) => f.table_kind === 'budget_summary' && f.item === '四、财政专户管理资金')?.value).toBe('450.00');
  });

  it('keeps digit-led project names whole, group labels, and no misprinted digit as a label', () => {
    const facts = documentFacts(doc);
    const hotline = facts.filter((f) => f.item.includes('投诉举报'));
    expect(hotline).toHaveLength(6);
    expect(hotline.every((f) => f.code === '' && /12315投诉举报处置/.test(f.item))).toBe(true);
    expect(facts.filter((f) => f.table_title === '2024年收入预算总表').map((f) => f.item)).toContain('一般公共预算资金 / 公共财政拨款（补助）资金');
    const misprint = facts.filter((f) => f.code === '2101102').map((f) => f.item);
    expect(misprint).toEqual(['事业单位医疗', '事业单位医疗']);
    expect(doc.diagnostics.map((d) => d.code)).toContain('code.misprinted');
  });
});
