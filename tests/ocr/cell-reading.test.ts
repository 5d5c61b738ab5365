/**
 * A cell printed in two lines, read against the vocabulary as one text (extractors/ocr/cell-reading.ts).
 * Regression: the scanned 江苏省政协办公厅 2019 budget, p.12 (政府采购预算表): 车辆及其他运输机械租赁服务 in a
 * narrow cell read 车辆及具他运输机械租赁 | 服冬, with 其 and 务 the recogniser's runners-up at its unsure places.
 */
import { describe, expect, it } from 'vitest';
import type { Block, Diagnostic } from '../../schemas/intermediate.js';
import { applyOcr } from '../../extractors/ocr/apply-ocr.js';
import type { OcrPage, OcrText } from '../../extractors/ocr/ocr-page.js';
import { readCellLines } from '../../extractors/ocr/cell-reading.js';
import type { Reading } from '../../extractors/ocr/ocr-correct.js';
import { reading as line } from './readings.js';

const first = line('车辆及具他运输机械租赁', [
  [0, 0.51, [{ ch: '牛', p: 0.45 }]],
  [3, 0.58, [{ ch: '其', p: 0.41 }]],
]);
const second = line('服冬', [[1, 0.66, [{ ch: '务', p: 0.18 }, { ch: '多', p: 0.06 }]]]);

describe('readCellLines', () => {
  it('reads a word wrapped across two lines into the runners-up that make it', () => {
    expect(readCellLines([first, second])?.text).toBe('车辆及其他运输机械租赁服务');
  });

  it('changes nothing the runners-up do not make a word of, nor a cell of one line', () => {
    expect(readCellLines([line('便携式计算机（20方以', [[9, 0.45, [{ ch: '万', p: 0.38 }]]]), line('下）')])).toBeUndefined();
    expect(readCellLines([first])).toBeUndefined();
  });
});

describe('applyOcr on a two-line item cell', () => {
  it('reads the cell as the word, records it, and reports nothing', () => {
    const text = (r: Reading, x0: number, y0: number): OcrText => ({ text: r.text, x0, x1: x0 + 10 * Array.from(r.text).length, y0, y1: y0 + 12, probs: r.probs, alts: r.alts });
    const ocr: OcrPage = { frags: [], rules: [], texts: [text(first, 412, 432), text(second, 412, 446)], skew: 0, unskew: (x, y) => [x, y] };
    const blocks: Block[] = [{ type: 'grid', method: 'ruled', confidence: 1, rows: [{ cells: [{ text: '车辆及具他运输机械租赁服冬', bbox: { x0: 410, y0: 429, x1: 540, y1: 460 } }] }] }];
    const diagnostics: Diagnostic[] = [];
    applyOcr(blocks, diagnostics, ocr, 12, 0.8);
    expect(blocks[0].type === 'grid' && blocks[0].rows[0].cells[0].text).toBe('车辆及其他运输机械租赁服务');
    expect(diagnostics.map((d) => [d.code, d.severity])).toEqual([['ocr.corrected', 'info']]);
  });
});
