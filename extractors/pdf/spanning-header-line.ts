/**
 * A spanning header cell printed far above the rest of the header (“三公”经费 in a spreadsheet's
 * tall merged row, three em over 公务用车购置及运行费 | 单位编码 …): further up than a header line
 * is looked for, but plainly the header's top level, since each of its texts heads several texts
 * under it.
 */
import { isAmount, type Interval } from './aligned-grid.js';

const overlaps = (a: Interval, b: Interval) => Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0) > 0;

/** Whether every text of a line lies over two texts or more of the header lines under it, and none is an amount. */
export function spansHeaderBelow(line: readonly (Interval & { text: string })[], below: readonly Interval[]): boolean {
  return line.length > 0 && line.every((a) => !isAmount(a.text) && below.filter((b) => overlaps(a, b)).length >= 2);
}

/**
 * How many header lines deep a run of lines is, counting lines that overlap the line above
 * (wrapped header cells centred in a tall spreadsheet row, each a little lower than the one beside
 * it: 因公出国 / （境）费 beside 公务用车 / 运行维护 / 费) as one: the depth a header is limited to.
 */
export function headerDepth(lines: readonly { y0: number; y1: number }[]): number {
  return lines.filter((l, k) => k === 0 || l.y0 >= lines[k - 1].y1).length;
}
