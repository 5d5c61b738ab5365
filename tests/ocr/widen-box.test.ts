/**
 * A detected box widened over the ink its line continues into (extractors/ocr/paddle.ts):
 * regression from the 江苏省政协 2018 预算 scan, whose large title 收支预算总表 was detected from
 * 支 on, so the recogniser never saw 收 and the table's facts had the key 支预算总表.
 */
import { describe, expect, it } from 'vitest';
import type { OcrBox } from '../../extractors/ocr/paddle.js';
import { widenToInk } from '../../extractors/ocr/widen-box.js';

const W = 400;
const H = 100;
/** a binarised line: solid blocks of ink ("characters") 30 px high from y = 35 */
function line(blocks: [number, number][]): Uint8Array {
  const ink = new Uint8Array(W * H);
  for (const [x0, x1] of blocks) for (let y = 35; y < 65; y++) ink.fill(1, y * W + x0, y * W + x1);
  return ink;
}
/** the box the detector gives the characters from x0 to x1: 10 px of padding around the ink */
const boxOf = (x0: number, x1: number): OcrBox => ({ x0: x0 - 10, y0: 25, x1: x1 + 10, y1: 75, score: 0.9 });

describe('widenToInk', () => {
  it('takes in a first character the detector left out (收 of 收支预算总表)', () => {
    const ink = line([[100, 130], [135, 165], [170, 200], [205, 235]]);
    const box = boxOf(135, 235);
    const wide = widenToInk(box, ink, W, [box]);
    expect(wide.x0).toBe(90);
    expect(wide.x1).toBe(box.x1);
  });

  it('takes in a last character the same way', () => {
    const ink = line([[100, 130], [135, 165], [170, 200]]);
    const box = boxOf(100, 165);
    expect(widenToInk(box, ink, W, [box]).x1).toBe(210);
  });

  it('leaves a box alone when the ink beyond it is a speck, or a word gap away', () => {
    const speck = line([[120, 124], [135, 165], [170, 200]]);
    // a pixel of noise in every column is not ink
    for (let x = 0; x < 125; x++) speck[(40 + (x % 20)) * W + x] = 1;
    const box = boxOf(135, 200);
    expect(widenToInk(box, speck, W, [box])).toBe(box);
    // 45 px of blank between the ink and the next word: more than 0.3 of the 50 px box height
    const far = line([[60, 90], [135, 165], [170, 200]]);
    expect(widenToInk(box, far, W, [box])).toBe(box);
  });

  it('never reaches into another box on the same line', () => {
    const ink = line([[100, 130], [135, 165], [170, 200]]);
    const left = boxOf(100, 130);
    const box = boxOf(135, 200);
    // the neighbour's box ends at 140: the ink left of it belongs to the neighbour
    expect(widenToInk(box, ink, W, [left, box]).x0).toBe(box.x0);
  });
});
