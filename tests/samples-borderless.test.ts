/**
 * The other sample families printed with no table border by their generators
 * (scripts/make-validation-samples.mjs, scripts/make-samples-misreads.mjs), by Chromium (the HTML)
 * and by LibreOffice (the tables as spreadsheet sheets): each read by the stream
 * finder alone, scored on the full key (table_no … unit) against the facts of the HTML it was
 * printed from. The floors sit just under the figures measured on 2026-11-30 (BENCHMARKS.md,
 * "Tables without rules"); the goal is 0.99, met by the four validation families in both renders
 * and by both misreads renders (BENCHMARKS.md "Tables without rules: the misreads renders").
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Fact } from '../schemas/document.js';
import { documentFacts } from '../src/export/facts.js';
import { extract } from '../src/pipeline.js';
import { ROOT } from './helpers.js';

const COLS = ['table_no', 'table_kind', 'table_title', 'block', 'row', 'code', 'item', 'column', 'value', 'unit'] as const;
const key = (f: Fact) => COLS.map((c) => f[c]).join('|');

describe.each([
  ['validation/seed.borderless.pdf', 'validation/seed.html', 1, 1],
  ['validation/seed-numbered.borderless.pdf', 'validation/seed-numbered.html', 1, 1],
  ['validation/final.borderless.pdf', 'validation/final.html', 1, 1],
  ['validation/jiangsu.borderless.pdf', 'validation/jiangsu.html', 1, 1],
  ['validation/seed.borderless-libreoffice.pdf', 'validation/seed.html', 1, 1],
  ['validation/seed-numbered.borderless-libreoffice.pdf', 'validation/seed-numbered.html', 1, 1],
  ['validation/final.borderless-libreoffice.pdf', 'validation/final.html', 1, 1],
  ['validation/jiangsu.borderless-libreoffice.pdf', 'validation/jiangsu.html', 1, 1],
  ['misreads-2024-budget.borderless.pdf', 'misreads-2024-budget.html', 1, 1],
  ['misreads-2024-budget.borderless-libreoffice.pdf', 'misreads-2024-budget.html', 1, 1],
])('borderless sample %s', (pdf, html, minRecall, minPrecision) => {
  it('reads the facts of its HTML on the full key, every table read without rules flagged', async () => {
    const [doc, source] = await Promise.all([extract(join(ROOT, 'samples', pdf)), extract(join(ROOT, 'samples', html))]);
    const want = documentFacts(source).map(key);
    const got = documentFacts(doc).map(key);
    const have = new Set(got);
    const wanted = new Set(want);
    expect(want.filter((k) => have.has(k)).length / want.length).toBeGreaterThanOrEqual(minRecall);
    expect(got.filter((k) => wanted.has(k)).length / got.length).toBeGreaterThanOrEqual(minPrecision);
    for (const t of doc.tables.filter((x) => x.quality.method === 'aligned' && x.quality.amountCells > 0)) {
      expect(t.diagnostics.map((d) => d.code)).toContain('table.no-rules');
    }
  });
});
