/**
 * The last row of a table alone at the top of the next page (市级信访接待场所规范化建设 / 经费 beside
 * its two amounts): one amount line is no table run by itself, but where the previous page's table
 * left its columns, a lone amount row before anything else on the page goes on with it.
 */
import { isAmount } from './aligned-grid.js';
import type { TableRun } from './stream-finder.js';
import type { TextLine } from './text-items.js';

/**
 * The runs with such a row added: when there are `previousColumns`, the page's first amount line
 * is in no run, and every line above it is page furniture or a line without an amount no further
 * than `nearEm` (middle to middle) above it (the upper lines of its label), it is a run of its own.
 */
export function withTopRow(lines: readonly { line: TextLine; atoms: readonly { text: string }[] }[], runs: readonly TableRun[], tab: readonly boolean[], stop: readonly boolean[], furniture: readonly boolean[], previousColumns: readonly number[] | undefined, nearEm: number): TableRun[] {
  if (!previousColumns) return [...runs];
  const first = tab.indexOf(true);
  if (first < 0 || runs.some((r) => r.bodyTop <= first && first <= r.bottom)) return [...runs];
  if (tab.slice(0, first).some(Boolean) || stop.slice(0, first).some((s, k) => s && !furniture[k])) return [...runs];
  // the lines above are its label's, close to it (middle to middle), not rows of a form going on
  const mid = (l: TextLine) => (l.y0 + l.y1) / 2;
  const row = lines[first].line;
  // a row of amounts (two or more), not a numbered heading (6.2 Consumer Demand (Table 6.4))
  if (lines[first].atoms.filter((a) => isAmount(a.text)).length < 2) return [...runs];
  if (lines.slice(0, first).some((l, k) => !furniture[k] && mid(row) - mid(l.line) > nearEm * row.size)) return [...runs];
  return [{ top: first, bodyTop: first, bottom: first }, ...runs];
}
