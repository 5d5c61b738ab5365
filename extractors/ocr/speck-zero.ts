/**
 * A zero the recogniser read so unsure that it took it for a speck. A lone 0 is one small glyph,
 * and on a noisy scan the recogniser can give it less than NOISE (ocr-correct.ts): the box is then
 * left out like a speck of dirt, and the cell reads blank — a 0 printed in a 绩效目标表's 年度
 * 中央财政资金 became no figure at all, so no identity could confirm it (the scanned sample, p. 30).
 * Where such a box is the only thing read in a blank cell of a column that holds amounts, it is
 * what was printed there, read unsure: the cell gets it as an unsure reading (withheld and reported,
 * src/confirm may confirm it). A speck anywhere else (a label cell, a cell of a column without
 * amounts, a digit other than 0) stays a speck.
 */
import type { BBox, GridCell, GridRow } from '../../schemas/intermediate.js';
import { readCell } from '../../src/core/amount.js';
import type { OcrText } from './ocr-page.js';

/** what a lone 0 can be read as (ocr-correct.ts reads O-like glyphs as 0 only inside numbers) */
const ZERO = /^[0０Oo〇]$/;

/** At least this many cells of the column (other rows, the same left and right walls) read as amounts, and more than read otherwise. */
const MIN_AMOUNTS = 2;
/** walls this close (pt) are the same column's: a cell spanning columns (a 其他资金 label, a paragraph of a form) is not of it */
const SAME_WALL = 4;

export interface SpeckZero {
  cell: GridCell;
  speck: OcrText;
}

const sameColumn = (a: BBox, b: BBox) => Math.abs(a.x0 - b.x0) <= SAME_WALL && Math.abs(a.x1 - b.x1) <= SAME_WALL;

/** Whether the cells of other rows between the cell's walls are amounts, mostly. */
function amountColumn(rows: readonly GridRow[], cell: GridCell): boolean {
  let amounts = 0;
  let other = 0;
  for (const row of rows) {
    for (const c of row.cells) {
      if (c === cell || !c.bbox || !sameColumn(c.bbox, cell.bbox!) || !c.text.trim()) continue;
      if (readCell(c.text).kind === 'amount') amounts++;
      else other++;
    }
  }
  return amounts >= MIN_AMOUNTS && amounts > other;
}

/**
 * The blank cells of a grid whose only box is a speck read as 0, in a column of amounts.
 * `inside` says whether a recognised box lies in a cell's box (as the cell's text is gathered).
 */
export function speckZeros(rows: readonly GridRow[], texts: readonly OcrText[], inside: (t: OcrText, b: BBox) => boolean): SpeckZero[] {
  const out: SpeckZero[] = [];
  for (const row of rows) {
    for (const cell of row.cells) {
      if (!cell.bbox || cell.text.trim() || cell.unsure) continue;
      const boxes = texts.filter((t) => inside(t, cell.bbox!));
      if (boxes.length !== 1 || !boxes[0].noise || !ZERO.test(boxes[0].text.trim())) continue;
      if (amountColumn(rows, cell)) out.push({ cell, speck: boxes[0] });
    }
  }
  return out;
}
