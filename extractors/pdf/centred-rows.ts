/**
 * Printed rows whose cells are centred vertically (HTML's `vertical-align: middle`, a spreadsheet
 * cell centred): a cell of two or three lines (实施期资 / 金总额：) straddles the one-line amount
 * beside it (400,000), so the row is found by where the boxes sit, not by baselines alone. Plain
 * functions over the stream finder's lines, used by stream-finder.ts.
 */
import type { Interval } from './aligned-grid.js';
import type { TextLine } from './text-items.js';

/** Two lines belong to one printed row when their boxes overlap by at least `minOverlapEm` of the smaller size. */
export function overlapsVertically(a: TextLine, b: TextLine, minOverlapEm: number): boolean {
  const top = a.y0 <= b.y0 ? a : b;
  const low = top === a ? b : a;
  return top.y1 - low.y0 >= minOverlapEm * Math.min(a.size, b.size);
}

/**
 * The first body line moved up over the lines that straddle it (the upper lines of a centred
 * label cell beside the row's amounts), which would otherwise be read as a header above the body.
 * `free(k)`: line k may still join (no title, no note, not in another table).
 */
export function reachUpOverStraddling(lines: readonly { line: TextLine }[], bodyTop: number, free: (k: number) => boolean, minOverlapEm: number): number {
  let top = bodyTop;
  while (top - 1 >= 0 && free(top - 1) && overlapsVertically(lines[top - 1].line, lines[bodyTop].line, minOverlapEm)) top--;
  return top;
}

/** Every text of `these` lies under (overlaps horizontally) some text of `those`: the same cells, one line on. */
export function textsUnder(these: readonly Interval[], those: readonly Interval[]): boolean {
  return these.every((a) => those.some((b) => Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0) > 0));
}
