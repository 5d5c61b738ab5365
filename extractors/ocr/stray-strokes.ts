/**
 * Ink runs long enough to pass for rules inside large text: the horizontal strokes of a bold
 * title's characters (基, 本, 支 at 18 pt bold), bridged by noise across the few pixels between
 * characters, run 85–100 pixels at 200 dpi, past `ruleMinInch`. Taken for rules they are painted
 * out, and the title is read with strokes missing (江苏省人大办公厅 2018: 一般公共预算基本支出预算表
 * read 基个支出 at 0.47, so the table lost its title). A table's short rule always meets a rule
 * of the other direction: it closes a cell, or a line under a spanning head ends on the cell walls
 * or crosses them. A short run that meets no rule across is a stroke, not a rule. Long runs are
 * kept whatever they meet (the rules of a table drawn with horizontal lines only).
 */
import type { RasterRule } from './raster.js';
import { isVertical } from '../pdf/rulings.js';

const length = (r: RasterRule) => Math.abs(r.x1 - r.x0) + Math.abs(r.y1 - r.y0);

/** Whether two rules of different directions touch or cross, within `tol` pixels of each other. */
function meet(a: RasterRule, b: RasterRule, tol: number): boolean {
  const [v, h] = isVertical(a) ? [a, b] : [b, a];
  const [hx0, hx1] = [Math.min(h.x0, h.x1), Math.max(h.x0, h.x1)];
  const [vy0, vy1] = [Math.min(v.y0, v.y1), Math.max(v.y0, v.y1)];
  return v.x0 >= hx0 - tol - v.thick && v.x0 <= hx1 + tol + v.thick && h.y0 >= vy0 - tol - h.thick && h.y0 <= vy1 + tol + h.thick;
}

/** The rules without the short ones (below `shortLen` pixels) that meet no rule across them. */
export function dropStrayStrokes(rules: readonly RasterRule[], shortLen: number, tol = 4): RasterRule[] {
  return rules.filter((r) => length(r) >= shortLen || rules.some((o) => isVertical(o) !== isVertical(r) && meet(r, o, tol)));
}
