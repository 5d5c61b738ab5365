/**
 * A head printed right over several column heads (`Projected—Continued` over `2016–17  2017–18
 * 2018–19`, ICDAR 2013 us-018) sits as close above them as the lines of one wrapped head do, so
 * stacking header atoms by overlap alone melts the spanning head and all its columns' heads into
 * one cell. The lines of a wrapped head lie over one another one to one; a text that lies over two
 * or more texts of the line right under (or above) it spans them and is a cell of its own, when they head different columns of the body.
 */
import type { Interval } from './aligned-grid.js';

interface Placed extends Interval {
  y0: number;
  y1: number;
  text: string;
}

const HAN = /\p{Script=Han}/u;

const overlap = (p: Interval, q: Interval) => Math.min(p.x1, q.x1) - Math.max(p.x0, q.x0) > 0;

/**
 * Whether `p` and `q` (stacked, overlapping) are a spanning head and one of the heads under it,
 * among `all` the header's atoms: one of them lies over texts of the other's line that head two or
 * more of the body's column `strips` (two words of one wrapped head set wide apart head one).
 */
export function spansSeveral(p: Placed, q: Placed, all: readonly Placed[], strips: readonly Interval[]): boolean {
  // Chinese heads are left as they were read: their levels are rebuilt from the cells' positions
  // (claimBottomLeaves, headerRows), which a head cut loose from the lines it was stacked with upsets
  if (HAN.test(p.text) || HAN.test(q.text)) return false;
  const sameLine = (a: Placed, b: Placed) => Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0) > 0.5 * Math.min(a.y1 - a.y0, b.y1 - b.y0);
  const under = (a: Placed, line: Placed) => {
    const heads = all.filter((o) => sameLine(o, line) && overlap(o, a));
    return strips.filter((st) => heads.some((o) => overlap(o, st))).length;
  };
  return under(p, q) >= 2 || under(q, p) >= 2;
}
