/**
 * A detected box widened over the ink its line continues into (extractors/ocr/paddle.ts):
 * regression from the 江苏省政协 2018 预算 scan, whose large title 收支预算总表 was detected from
 * 支 on, so the recogniser never saw 收 and the table's facts had the key 支预算总表.
 */
import { describe, expect, it } from 'vitest';
import type { OcrBox } from '../../extractors/ocr/paddle.js';
import { dropPieces, isPieceOf, widenToInk } from '../../extractors/ocr/widen-box.js';

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

  // 江苏省委办公厅 2017 (A3 landscape): the bold title 收支预算总表 was detected as 支预算总 (62 px high)
  // with a box 16 px high over a stroke of 收 and one 18 px high over a stroke of 表; the widening
  // stopped at them, and they read nothing, so the table's title was lost. 一般公共预算支出预算表 was
  // detected as 般公共预算支出预算表 and a box of its own round the 一 (22 px of a 70 px line), read 一
  // at 0.55: the line, made 一般 by the 般 rule, was joined to it as 一一般公共预算支出预算表.
  it('widens over a piece of its own first or last character that the detector boxed apart, and drops the piece', () => {
    const ink = line([[100, 130], [135, 165], [170, 200], [205, 235]]);
    const title = boxOf(135, 200);
    const first = { x0: 98, y0: 44, x1: 128, y1: 56, score: 0.7 };
    const last = { x0: 207, y0: 42, x1: 237, y1: 58, score: 0.7 };
    expect(isPieceOf(first, title)).toBe(true);
    const wide = widenToInk(title, ink, W, [first, title, last]);
    expect([wide.x0, wide.x1]).toEqual([90, 245]);
    expect(dropPieces([first, title, last], [first, wide, last])).toEqual([wide]);
  });

  // 江苏省政协办公厅 2017 p. 6: 合计 detected as 合 (77 × 52 px) and a box 26 px wide touching it over the
  // left half of 计, read · at 0.33 and left out as a speck: the row's item was 合
  it('takes in a sliver of a character boxed apart beside the line', () => {
    const ink = line([[100, 130], [135, 165]]);
    const he = boxOf(100, 130);
    const sliver = { x0: 142, y0: 25, x1: 158, y1: 75, score: 0.6 };
    expect(isPieceOf(sliver, he)).toBe(true);
    const wide = widenToInk(he, ink, W, [he, sliver]);
    expect(wide.x1).toBe(175);
    expect(dropPieces([he, sliver], [wide, sliver])).toEqual([wide]);
  });

  it('keeps a short box across a vertical rule, or as tall as a line, as a line of its own', () => {
    const ink = line([[100, 130], [135, 165], [170, 200]]);
    const box = boxOf(135, 200);
    const zero = { x0: 98, y0: 44, x1: 128, y1: 56, score: 0.7 };
    const rule = { x0: 132, y0: 0, x1: 132, y1: 100, thick: 2 };
    expect(isPieceOf(zero, box, [rule])).toBe(false);
    expect(widenToInk(box, ink, W, [zero, box], [rule]).x0).toBe(box.x0);
    expect(dropPieces([zero, box], [zero, box], [rule])).toEqual([zero, box]);
    // a neighbour of the line's own height is no piece
    const left = boxOf(100, 130);
    expect(isPieceOf(left, box)).toBe(false);
  });

  // 江苏省委办公厅 2018 p. 11 (政府采购): the detector gave one box (74 px high) to the two-line cell
  // 省委办公厅承办的会议 | 费 and the start of the next cell, and one of its own (32 px) to the second
  // line's 费. That box lay inside the two-line box's band, 0.43 of its height: taken for a stroke and
  // dropped, the item lost its 费 (cut at the rule and fitted to its first line) — a wrong key, unflagged.
  it("keeps a box inside a line's box as a line of its own (a wrapped cell's second line)", () => {
    const cell = { x0: 1067, y0: 2088, x1: 1441, y1: 2163, score: 0.8 };
    const fei = { x0: 1079, y0: 2131, x1: 1111, y1: 2162, score: 0.8 };
    expect(isPieceOf(fei, cell)).toBe(false);
    expect(dropPieces([cell, fei], [cell, fei])).toEqual([cell, fei]);
    // a piece reaching out of the line's box stays one: 江苏省政协办公厅 2017 p. 10, the “ of the title
    // “三公”经费、会议费… boxed apart over the start of the line's box (its middle inside it)
    const title = { x0: 258, y0: 261, x1: 2102.9, y1: 334.2, score: 0.9 };
    const quote = { x0: 234.1, y0: 270, x1: 286.7, y1: 306.6, score: 0.6 };
    expect(isPieceOf(quote, title)).toBe(true);
  });
});
