/**
 * 合计 printed left-aligned in a code column whose codes are right-aligned (合计@38–58 above
 * 301@90–108): the two never overlap, so the strips of the body make 合计 a column of its own. A
 * strip holding one text only, next to a strip of subject codes that its line leaves empty, is
 * part of that code column.
 */
import type { Interval } from './aligned-grid.js';
import type { Atom } from './stream-finder.js';

const CODE = /^\d{3,}$/;

export function joinTotalIntoCodes(strips: readonly Interval[], lines: readonly { atoms: readonly Atom[] }[]): Interval[] {
  const inside = (a: Interval, st: Interval) => Math.min(a.x1, st.x1) - Math.max(a.x0, st.x0) > 0;
  const atomsIn = (st: Interval) => lines.flatMap((l) => l.atoms.filter((a) => inside(a, st)));
  const out = strips.map((st) => ({ ...st }));
  for (let k = 0; k + 1 < out.length; k++) {
    const mine = atomsIn(out[k]);
    const codes = atomsIn(out[k + 1]);
    if (mine.length !== 1 || CODE.test(mine[0].text) || codes.length < 2 || !codes.every((a) => CODE.test(a.text))) continue;
    const line = lines.find((l) => l.atoms.includes(mine[0]))!;
    if (line.atoms.some((a) => inside(a, out[k + 1]))) continue;
    out.splice(k, 2, { x0: out[k].x0, x1: Math.max(out[k].x1, out[k + 1].x1) });
  }
  return out;
}
