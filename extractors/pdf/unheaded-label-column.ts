/**
 * A label column wider than its labels (科目名称 over short names: 工资福利支出, 基本工资): its
 * header is printed centred in the column, to the right of the left-aligned labels, over no text of
 * the body, and would read as a column printed empty. Every body column has a header; a label
 * column with none over it, and a header over no column just right of it (before the next column),
 * are one column. A plain function over plain data, used by the stream finder.
 */
import type { Interval } from './aligned-grid.js';

const overlaps = (a: Interval, b: Interval) => Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0) > 0;

/** The strips with each headerless label strip (`numeric[k] === false`) widened over the lone header leaf just right of it. */
export function headerOverLabels(strips: readonly Interval[], numeric: readonly (boolean | undefined)[], leaves: readonly Interval[]): Interval[] {
  const out = strips.map((s) => ({ x0: s.x0, x1: s.x1 }));
  for (let k = 0; k < out.length; k++) {
    if (numeric[k] !== false || leaves.some((l) => overlaps(l, strips[k]))) continue;
    const next = k + 1 < strips.length ? strips[k + 1].x0 : Infinity;
    const lone = leaves.filter((l) => l.x0 >= strips[k].x1 && l.x1 < next && !strips.some((s) => overlaps(l, s)));
    if (lone.length !== 1) continue;
    out[k].x1 = lone[0].x1;
  }
  return out;
}

/**
 * A column of 款 or 项 codes (11, 02: two digits each) is printed like a label column, left-aligned
 * under a header centred in it (LibreOffice: 款 just right of 11), not right-aligned like amounts.
 */
export function codePartColumn(col: Interval, atoms: readonly (Interval & { text: string })[]): boolean {
  const inCol = atoms.filter((a) => a.x0 >= col.x0 - 0.5 && a.x1 <= col.x1 + 0.5);
  return inCol.length > 0 && inCol.every((a) => /^\d{2}$/.test(a.text));
}
