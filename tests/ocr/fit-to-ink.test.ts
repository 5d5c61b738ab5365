/**
 * A piece of a box cut at a rule, fitted to its ink (extractors/ocr/fit-to-ink.ts): regression from
 * the scanned sample's 绩效 forms (pp. 20, 30), where a small 0 beside a two-line label kept the
 * label's height once cut off it, and was read as 。 or . — its cell lost.
 */
import { describe, expect, it } from 'vitest';
import type { OcrBox } from '../../extractors/ocr/paddle.js';
import { fitToInk } from '../../extractors/ocr/fit-to-ink.js';

const W = 100;
const H = 100;
function page(blocks: [x0: number, y0: number, x1: number, y1: number][]): Uint8Array {
  const ink = new Uint8Array(W * H);
  for (const [x0, y0, x1, y1] of blocks) for (let y = y0; y < y1; y++) ink.fill(1, y * W + x0, y * W + x1);
  return ink;
}
const box: OcrBox = { x0: 20, y0: 10, x1: 60, y1: 70, score: 0.9 };

describe('fitToInk', () => {
  it('fits a piece to the small glyph it holds, with padding', () => {
    // a 0 of 20 px in a piece 60 px high
    const fitted = fitToInk(box, page([[30, 40, 40, 60]]), W);
    expect(fitted).toMatchObject({ x0: 20, x1: 60, y0: 34, y1: 66 });
  });

  it('leaves a piece its ink fills, a speck, and two lines of text as they are', () => {
    expect(fitToInk(box, page([[30, 14, 40, 66]]), W)).toBe(box);
    expect(fitToInk(box, page([[30, 40, 33, 43]]), W)).toBe(box);
    expect(fitToInk(box, page([[25, 14, 55, 36], [25, 44, 55, 66]]), W)).toBe(box);
  });

  it('is not moved by a pixel of noise above the glyph', () => {
    const ink = page([[30, 40, 40, 60]]);
    ink[12 * W + 50] = 1;
    expect(fitToInk(box, ink, W)).toMatchObject({ y0: 34, y1: 66 });
  });
});
