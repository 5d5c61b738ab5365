/**
 * Vertical rules shorter than a rule is taken to be (`ruleMinInch`) that close one cell: a header
 * row whose next row spans the columns (功能科目编码 | 功能科目名称 above a 合计 across both) has
 * its wall only as high as the header, shorter than half an inch, and without it the two header
 * cells are read as one (江苏省高级人民法院 2019, every 功能科目 table: the code column lost its
 * header, so the codes became part of the item). A short run is a wall only when it reaches from a
 * horizontal rule to another across its whole height: a character's stroke does not.
 */
import type { RasterRule } from './raster.js';
import { isVertical } from '../pdf/rulings.js';

/** the horizontal rule that a vertical run's end at `y`, `x` meets, within `tol` pixels */
const meets = (hs: readonly RasterRule[], x: number, y: number, tol: number) =>
  hs.some((h) => Math.abs(h.y0 - y) <= h.thick / 2 + tol && x >= Math.min(h.x0, h.x1) - tol && x <= Math.max(h.x0, h.x1) + tol);

/**
 * The walls among `shortVerticals` (vertical rules found at a length shorter than a rule's,
 * raster.ts findRulesAndShortVerticals), given the page's `rules`.
 */
export function cellWalls(shortVerticals: readonly RasterRule[], rules: readonly RasterRule[], maxThick: number, gap = 3): RasterRule[] {
  const hs = rules.filter((r) => !isVertical(r));
  const long = rules.filter(isVertical);
  const tol = gap + 2;
  return shortVerticals.filter((v) => {
    const [top, bottom] = [Math.min(v.y0, v.y1), Math.max(v.y0, v.y1)];
    // a piece of a rule already found is not a wall of its own
    if (long.some((l) => Math.abs(l.x0 - v.x0) <= maxThick && Math.min(l.y0, l.y1) <= bottom && Math.max(l.y0, l.y1) >= top)) return false;
    return meets(hs, v.x0, top, tol) && meets(hs, v.x0, bottom, tol);
  });
}
