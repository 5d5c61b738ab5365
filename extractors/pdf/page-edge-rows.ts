/**
 * A table row printed in a page's top or bottom margin band looks like a running header or footer
 * by place and length (二十五、其他支出 at the foot of a page, 其他巩固脱贫攻坚 at the top of the
 * next): it is a row when it lies in the table's columns and no further from the table's edge line
 * than its rows are from each other. A page number never is.
 */
import type { TextLine } from './text-items.js';
import { isPageNumberAtEdge } from '../../src/core/page-number.js';

/** Middle gap between consecutive lines (y1 to the next y0): the table's usual spacing. */
export function usualLineGap(lines: readonly TextLine[]): number {
  const gaps = lines
    .slice(1)
    .map((l, k) => l.y0 - lines[k].y1)
    .sort((a, b) => a - b);
  return gaps.length ? gaps[Math.floor(gaps.length / 2)] : 0;
}

/**
 * Whether `line`, in the page's margin band, is a row of the table whose edge line is `edge`:
 * not a page number, its texts in the table's columns (`inColumns`), and at most `slack` times the
 * table's usual line gap (`gap`, at least half a line) away from it.
 */
export function isEdgeRow(line: TextLine, text: string, edge: TextLine, gap: number, inColumns: boolean, slack: number): boolean {
  if (!inColumns || isPageNumberAtEdge(text)) return false;
  const apart = line.y0 >= edge.y1 ? line.y0 - edge.y1 : edge.y0 - line.y1;
  return apart <= slack * Math.max(gap, 0.5 * edge.size);
}
