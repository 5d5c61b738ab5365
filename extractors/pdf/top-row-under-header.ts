/**
 * The last row of a table alone at the top of the next page under its header printed again
 * (Chromium repeats a table's <thead> on every page: 单位名称 | 2025年预算数 … over 临江县统计普查中心
 * 12.51 12.51, then the next table's title): one amount line is no table run by itself, but where
 * the previous page's table left its columns, it goes on with it, its header above it.
 */
import { isAmount } from './aligned-grid.js';
import type { TableRun } from './stream-finder.js';

/**
 * The runs with such a row added: when there are `previousColumns`, the page's first amount line
 * (two amounts or more) is in no run, and above it there are only page furniture and one to
 * `maxHeaderLines` lines that are neither stopped (titles, unit lines) nor amount lines, each with
 * cells apart (a header's; prose above a numbered heading is one piece a line).
 */
export function withRowUnderTopHeader(lines: readonly { atoms: readonly { text: string }[]; pieces: readonly unknown[] }[], runs: readonly TableRun[], tab: readonly boolean[], stop: readonly boolean[], furniture: readonly boolean[], previousColumns: readonly number[] | undefined, maxHeaderLines: number): TableRun[] {
  if (!previousColumns) return [...runs];
  const first = tab.indexOf(true);
  if (first < 0 || runs.some((r) => r.top <= first && first <= r.bottom)) return [...runs];
  const above = lines.slice(0, first).map((_, k) => k).filter((k) => !furniture[k]);
  if (!above.length || above.length > maxHeaderLines || above.some((k) => stop[k] || lines[k].pieces.length < 2)) return [...runs];
  if (lines[first].atoms.filter((a) => isAmount(a.text)).length < 2) return [...runs];
  return [{ top: first, bodyTop: first, bottom: first }, ...runs];
}
