/**
 * Two tables printed one right under the other with the same columns in other widths (a table cut
 * at a page break and printed as two HTML tables, each laid out on its own): one run of lines, but
 * the amounts of the lower part end at none of the x the upper part's end at, and its labels start
 * elsewhere. The run is cut there, and the lower part takes the upper part's columns in order.
 */
import { isAmount, type Interval } from './aligned-grid.js';
import type { StreamLine, TableRun } from './stream-finder.js';

// printed amounts with a decimal point or a thousands comma: not codes, not column numbers (1 2 3 …)
const amountEnds = (l: StreamLine) => l.atoms.filter((a) => isAmount(a.text) && /\d[.,]\d/.test(a.text)).map((a) => a.x1);
const labelStart = (l: StreamLine) => l.atoms.find((a) => !isAmount(a.text))?.x0;

/**
 * The run cut where its tabular lines change layout: the tabular lines below share no amount right
 * edge with those above (each part with two edges or more) and start their labels at another x.
 * The lower part reaches up over the amount-less lines whose labels start where its own do.
 */
export function splitAtLayoutChange(lines: readonly StreamLine[], run: TableRun, tab: readonly boolean[], tol: number): TableRun[] {
  const rows = Array.from({ length: run.bottom - run.bodyTop + 1 }, (_, k) => run.bodyTop + k).filter((k) => tab[k]);
  const near = (a: number, b: number) => Math.abs(a - b) <= tol;
  for (let p = 1; p < rows.length; p++) {
    const above = new Set(rows.slice(0, p).flatMap((k) => amountEnds(lines[k])));
    const below = new Set(rows.slice(p).flatMap((k) => amountEnds(lines[k])));
    if (above.size < 2 || below.size < 2 || [...below].some((x) => [...above].some((y) => near(x, y)))) continue;
    const starts = rows.slice(p).map((k) => labelStart(lines[k])).filter((x): x is number => x !== undefined);
    const upperStarts = rows.slice(0, p).map((k) => labelStart(lines[k])).filter((x): x is number => x !== undefined);
    if (!starts.length || starts.some((x) => upperStarts.some((y) => near(x, y)))) continue;
    // where any label of the lower part's rows starts (本年支出合计 under 二十九、…)
    const lowerLabels = rows.slice(p).flatMap((k) => lines[k].atoms.filter((a) => !isAmount(a.text)).map((a) => a.x0));
    let first = rows[p];
    while (first - 1 > rows[p - 1] && lowerLabels.some((x) => near(x, labelStart(lines[first - 1]) ?? -Infinity))) first--;
    return [
      { ...run, bottom: first - 1 },
      { top: first, bodyTop: first, bottom: run.bottom },
    ];
  }
  return [run];
}

/**
 * Column edges for the lower part: its own columns, when their kinds (amounts or not) are those of
 * the upper part's first columns in order, then as many empty columns as the upper part has more,
 * so that the two read as one table. Undefined when the kinds differ.
 */
export function columnsInOrder(cols: readonly Interval[], numeric: readonly (boolean | undefined)[], edges: readonly number[], upperNumeric: readonly (boolean | undefined)[]): number[] | undefined {
  if (cols.length >= upperNumeric.length || numeric.some((n, k) => n !== undefined && upperNumeric[k] !== undefined && n !== upperNumeric[k])) return undefined;
  const out = [...edges];
  const last = out[out.length - 1];
  for (let k = cols.length; k < upperNumeric.length; k++) out.push(last + 0.01 * (k - cols.length + 1));
  return out;
}
