/**
 * A table cut at a page break and printed on as two tables, the second laid out on its own (the
 * seed 收支总表 in the Chromium render without borders: 二十五、… 二十七、… at the top of the page in
 * the first table's columns, then, after a table's margin, 二十八、… 本年支出合计 694.34 … in other
 * widths). Where the page goes on with the previous page's columns, the lines below such a cut
 * would be read in columns that are not theirs (本年支出合计's amounts under 当年预算安排 and
 * 上年结转安排); they are placed on columns of their own, taken in order (layout-split.ts).
 */
import { isAmount } from './aligned-grid.js';
import type { TextLine } from './text-items.js';

interface Line {
  line: TextLine;
  atoms: readonly { text: string; x0: number }[];
}

const labelStarts = (ls: readonly Line[]) => ls.flatMap((l) => l.atoms.filter((a) => !isAmount(a.text)).map((a) => a.x0));

/**
 * Index of the first line of the second table, or undefined: a gap between two lines wider than
 * `gapRatio` times the lines' usual gap (the two tables' margins), with lines above and lines with
 * amounts below, where no label below starts at an x (within `tol`) where one above does.
 */
export function shiftedPartCut(lines: readonly Line[], tol: number, gapRatio: number): number | undefined {
  const gaps = lines.slice(1).map((l, k) => l.line.y0 - lines[k].line.y1);
  const usual = [...gaps].sort((a, b) => a - b)[Math.floor(gaps.length / 2)];
  if (usual === undefined || usual <= 0) return undefined;
  for (let c = 1; c < lines.length; c++) {
    if (gaps[c - 1] < gapRatio * usual) continue;
    const above = labelStarts(lines.slice(0, c));
    const below = labelStarts(lines.slice(c));
    if (!above.length || !below.length || !lines.slice(c).some((l) => l.atoms.some((a) => isAmount(a.text)))) continue;
    if (below.some((x) => above.some((y) => Math.abs(x - y) <= tol))) continue;
    return c;
  }
  return undefined;
}
