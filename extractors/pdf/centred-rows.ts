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

/** The last body line moved down over the lines that straddle it (the lower lines of a centred cell: 单位自 / 筹). */
export function reachDownOverStraddling(lines: readonly { line: TextLine }[], bottom: number, free: (k: number) => boolean, minOverlapEm: number): number {
  let end = bottom;
  while (end + 1 < lines.length && free(end + 1) && overlapsVertically(lines[end + 1].line, lines[bottom].line, minOverlapEm)) end++;
  return end;
}

/**
 * Columns whose text never shares a line with an amount: a label cell centred beside several
 * printed lines (项目资 / 金(元) beside 实施期 / 资金总 / 额:). Texts of the body's other lines that
 * overlap none of the strips (two characters or more), stacked into strips of their own when `minLines` lines or more hold one.
 */
export function labelOnlyStrips(strips: readonly Interval[], atoms: readonly (Interval & { text: string })[], minLines: number, tol: number): Interval[] {
  // a lone character is the spaced-out end of a wrapped text (工作 / 经), not a cell
  const loose = atoms.filter((a) => Array.from(a.text).length >= 2 && !strips.some((st) => Math.min(st.x1, a.x1) - Math.max(st.x0, a.x0) > -tol));
  const extra: (Interval & { n: number })[] = [];
  for (const a of [...loose].sort((p, q) => p.x0 - q.x0)) {
    const last = extra[extra.length - 1];
    if (last && a.x0 <= last.x1 + tol) {
      last.x1 = Math.max(last.x1, a.x1);
      last.n++;
    } else extra.push({ x0: a.x0, x1: a.x1, n: 1 });
  }
  const added = extra.filter((e) => e.n >= minLines).map(({ x0, x1 }) => ({ x0, x1 }));
  return added.length ? [...strips, ...added].sort((p, q) => p.x0 - q.x0) : [...strips];
}
