/**
 * An amount column wider than its amounts (决算数比预算数增减（%） over -41.60): the amounts are
 * right-aligned at the column's right edge and its header is centred in the column, left of them,
 * over no text of the body; it would read as a column printed empty beside a column with no header.
 * An amount column with no header over it, and a header over no column just left of it (after the
 * previous column), are one column: the mirror of a label column wider than its labels
 * (unheaded-label-column.ts). A plain function over plain data, used by the stream finder.
 */
import type { Interval } from './aligned-grid.js';

const overlaps = (a: Interval, b: Interval) => Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0) > 0;

/** The strips with each headerless amount strip (`numeric[k] === true`) widened over the lone header leaf just left of it. */
export function headerOverAmounts(strips: readonly Interval[], numeric: readonly (boolean | undefined)[], leaves: readonly Interval[]): Interval[] {
  const out = strips.map((s) => ({ x0: s.x0, x1: s.x1 }));
  for (let k = 0; k < out.length; k++) {
    if (numeric[k] !== true || leaves.some((l) => overlaps(l, strips[k]))) continue;
    const prev = k > 0 ? strips[k - 1].x1 : -Infinity;
    const lone = leaves.filter((l) => l.x1 <= strips[k].x0 && l.x0 > prev && !strips.some((s) => overlaps(l, s)));
    if (lone.length !== 1) continue;
    out[k].x0 = lone[0].x0;
  }
  return out;
}
