/**
 * A table's header and first row at the foot of a page, the row's labels wrapped around its amounts
 * (一、一般公共预算财 / 政拨款 beside 2281.62, the table going on overleaf): the row's lower label
 * line, under the amount line, is part of that row, so the amount line is still the last thing on
 * the page.
 */
import { isAmount } from './aligned-grid.js';
import type { TextLine } from './text-items.js';

/**
 * Whether every line after `last` is a stop line (page furniture, a note) or, before any of those,
 * a line of labels (no amount in it) close under the line above it (less than `wrapEm` of its size
 * between their middles): the lower lines of the last row's wrapped labels.
 */
export function onlyWrapBelow(lines: readonly { line: TextLine; atoms: readonly { text: string }[] }[], last: number, tab: readonly boolean[], stop: readonly boolean[], wrapEm: number): boolean {
  let k = last + 1;
  const mid = (l: TextLine) => (l.y0 + l.y1) / 2;
  const labels = (j: number) => !tab[j] && !lines[j].atoms.some((a) => isAmount(a.text));
  while (k < lines.length && !stop[k] && labels(k) && mid(lines[k].line) - mid(lines[k - 1].line) < wrapEm * lines[k - 1].line.size) k++;
  return lines.slice(k).every((_, j) => stop[k + j]);
}
