/**
 * A merged label cell cut by a page break (src/interpret/cut-merged-cells.ts): the part printed
 * empty on one page shows the text of the part on the other, so that its rows are read under their
 * unit (the LibreOffice misreads render's 项目支出, ruled and not).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { documentFacts } from '../../src/export/facts.js';
import { extract } from '../../src/pipeline.js';
import { ROOT } from '../helpers.js';
import type { GridBlock } from '../../schemas/intermediate.js';
import { joinCutMergedCells } from '../../src/interpret/cut-merged-cells.js';
import { buildMatrix, shownText } from '../../src/interpret/matrix.js';

const c = (text: string, rowSpan = 1) => ({ text, colSpan: 1, rowSpan });
const grid = (...rows: ReturnType<typeof c>[][]): GridBlock => ({ type: 'grid', method: 'ruled', confidence: 0.95, rows: rows.map((cells) => ({ cells })) });
const header = [c('单位名称'), c('项目名称'), c('合计')];

describe('a merged label cell cut by a page break', () => {
  it('the empty part at the foot takes the text of the part at the top of the next page, and the other way round', () => {
    const m = buildMatrix([
      grid(header, [c('本级'), c('抽检经费'), c('1.00')], [c('', 2), c('执法一'), c('2.00')], [c('执法二'), c('3.00')]),
      grid(header, [c('执法大队', 2), c('执法三'), c('4.00')], [c('执法四'), c('5.00')], [c('检验所', 2), c('检验一'), c('6.00')], [c('检验二'), c('7.00')]),
      grid(header, [c('', 2), c('检验三'), c('8.00')], [c('检验四'), c('9.00')]),
    ]);
    const out = joinCutMergedCells(m, new Set([0, 4, 9]));
    expect([2, 3, 5, 6, 7, 8, 10, 11].map((r) => shownText(out, r, 0))).toEqual(['执法大队', '执法大队', '执法大队', '执法大队', '检验所', '检验所', '检验所', '检验所']);
    // the matrix it was given is left as it was
    expect(shownText(m, 2, 0)).toBe('');
  });

  it('a single blank cell, a one-row cell or an amount is not joined', () => {
    const m = buildMatrix([grid(header, [c(''), c('执法一'), c('2.00')]), grid(header, [c('执法大队', 2), c('执法三'), c('4.00')], [c('执法四'), c('5.00')])]);
    expect(shownText(joinCutMergedCells(m, new Set([0, 2])), 1, 0)).toBe('');
    const n = buildMatrix([grid(header, [c('', 2), c('执法一'), c('')], [c('执法二'), c('')]), grid(header, [c('执法大队'), c('执法三'), c('4.00')])]);
    expect(shownText(joinCutMergedCells(n, new Set([0, 3])), 1, 0)).toBe('');
  });
});

describe('the LibreOffice misreads render, ruled (its unit cells cut at pages 5–6 and 6–7)', () => {
  it('reads every project under its unit: the facts of its HTML on the full key', async () => {
    const [doc, html] = await Promise.all(['libreoffice.pdf', 'html'].map((ext) => extract(join(ROOT, 'samples', `misreads-2024-budget.${ext}`))));
    const key = (f: ReturnType<typeof documentFacts>[number]) => [f.table_no, f.table_kind, f.table_title, f.block, f.row, f.code, f.item, f.column, f.value, f.unit].join('|');
    const want = new Set(documentFacts(html).map(key));
    const got = documentFacts(doc).map(key);
    expect(got.filter((k) => !want.has(k))).toEqual([]);
    expect(got).toHaveLength(want.size);
  });
});
