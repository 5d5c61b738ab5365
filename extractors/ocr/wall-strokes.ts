/**
 * A short vertical run that reaches from one horizontal rule to the next is a cell's wall
 * (cell-walls.ts) — unless a stroke crosses it. The older Jiangsu templates print some labels over
 * the rule below their row (合计 sitting on it, 江苏省政协办公厅 2017): the upright of 计 then runs from
 * rule to rule, and painted out as a wall it cut 合计 in two (合 | a sliver read ·). A wall has ink
 * beside it only at its ends, where the rules meet it; a character's upright is met by its other
 * strokes (十's bar) along its length. Plain geometry over the binarised page.
 */
import type { RasterRule } from './raster.js';

/** a run of ink this many pixels long beside the upright, away from its ends, is a stroke meeting it */
const STROKE_RUN = 3;

/**
 * Whether a stroke meets the vertical run `v` between its ends (`margin` pixels from each left out:
 * the rules there), where no horizontal rule of `rules` meets it (a wall a rule joins halfway down
 * is still a wall).
 */
export function crossedByStroke(v: RasterRule, ink: Uint8Array, width: number, margin: number, rules: readonly RasterRule[] = []): boolean {
  const left = Math.floor(v.x0 - (v.thick - 1) / 2) - 2;
  const right = Math.ceil(v.x0 + (v.thick - 1) / 2) + 2;
  if (left - STROKE_RUN < 0 || right + STROKE_RUN > width) return false;
  const [top, bottom] = [Math.min(v.y0, v.y1), Math.max(v.y0, v.y1)];
  const run = (row: number, from: number, dir: 1 | -1) => {
    for (let k = 0; k < STROKE_RUN; k++) if (!ink[row + from + dir * k]) return false;
    return true;
  };
  const joins = rules.filter((h) => h.y0 === h.y1 && v.x0 >= Math.min(h.x0, h.x1) - margin && v.x0 <= Math.max(h.x0, h.x1) + margin);
  for (let y = Math.ceil(top + margin); y <= Math.floor(bottom - margin); y++) {
    if (joins.some((h) => Math.abs(h.y0 - y) <= h.thick / 2 + margin)) continue;
    const row = y * width;
    if (run(row, left, -1) || run(row, right, 1)) return true;
  }
  return false;
}
