/**
 * A number read as pieces in neighbouring cells (extractors/ocr/split-number.ts), the regression
 * from the scanned 江苏省人大常委会办公厅 2019 budget (A3, small print): 2210202 提租补贴 2,548.30
 * read as 2, | 548. | 30, whose 30 was emitted as a certain amount.
 */
import { describe, expect, it } from 'vitest';
import type { Block, Diagnostic } from '../../schemas/intermediate.js';
import { applyOcr } from '../../extractors/ocr/apply-ocr.js';
import type { OcrPage } from '../../extractors/ocr/ocr-page.js';
import { splitNumberCells } from '../../extractors/ocr/split-number.js';

describe('splitNumberCells', () => {
  it('finds every piece of a number read across cells', () => {
    expect(splitNumberCells(['2210202', '提租补贴', '2,', '548.', '30'])).toEqual([2, 3, 4]);
    expect(splitNumberCells(['提租补贴', '2,548', '.30'])).toEqual([1, 2]);
  });

  it('leaves whole numbers, codes beside them, ordinals and lone pieces', () => {
    expect(splitNumberCells(['2210202', '提租补贴', '2,548.30', '1,000.00'])).toEqual([]);
    expect(splitNumberCells(['1.', '项目支出', '30'])).toEqual([]);
    // a piece with no number-like neighbour is not an amount anyone would emit
    expect(splitNumberCells(['提租补贴', '2,', '', '30'])).toEqual([]);
  });
});

describe('applyOcr on a row with a split number', () => {
  it('withholds every piece and reports each', () => {
    const ocr: OcrPage = { frags: [], rules: [], texts: [], skew: 0, unskew: (x, y) => [x, y] };
    const cell = (text: string, x0: number) => ({ text, bbox: { x0, y0: 500, x1: x0 + 60, y1: 512 } });
    const blocks: Block[] = [{ type: 'grid', method: 'ruled', confidence: 1, rows: [{ cells: [cell('2210202', 40), cell('提租补贴', 100), cell('2,', 160), cell('548.', 220), cell('30', 280)] }] }];
    const diagnostics: Diagnostic[] = [];
    applyOcr(blocks, diagnostics, ocr, 7, 0.8);
    expect(blocks[0].type === 'grid' && blocks[0].rows[0].cells.map((c) => c.text)).toEqual(['2210202', '提租补贴', '', '', '']);
    expect(diagnostics.map((d) => [d.code, d.severity])).toEqual(Array(3).fill(['ocr.uncertain', 'warning']));
    expect(diagnostics[2].message).toContain('2, | 548. | 30');
  });
});
