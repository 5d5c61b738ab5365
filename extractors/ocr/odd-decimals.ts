/**
 * An amount read with another number of decimals than every other amount of its table. A table
 * prints its amounts to one precision (万元 to two places), so 17,981.68 read 17981.6 — a last digit
 * the recogniser did not see while sure of the rest (江苏省人民检察院 2017, scanned) — is a number to
 * doubt before any identity is checked: the cell is withheld as unsure (its reading kept beside and
 * reported; src/confirm reads it only if every identity holds with it, which a lost digit will not).
 * Only a reading with a decimal point is judged (a bare 0 or a count may stand in a column of
 * decimals), and only against at least MIN_PEERS other amounts with a point, in any column of the
 * grid, that all agree: a table's column can hold two figures on a continuation page (检察院 2017's
 * 支出 column: 5,533.00, 140.20 and the misread total), and a grid whose amounts disagree (a form
 * with rates beside sums) is not judged at all.
 */
import type { GridCell, GridRow } from '../../schemas/intermediate.js';
import { readCell } from '../../src/core/amount.js';

/** the other amounts of the grid, each with a decimal point and all with the same number of decimals */
const MIN_PEERS = 3;

/** Decimals of an amount printed with a point, or undefined (no amount, or no point). */
function decimalsOf(text: string): number | undefined {
  const r = readCell(text);
  if (r.kind !== 'amount') return undefined;
  const point = /\.(\d+)$/.exec(r.value);
  return point ? point[1].length : undefined;
}

/** The cells of a grid whose amount has another number of decimals than every other of the grid. */
export function oddDecimalCells(rows: readonly GridRow[]): GridCell[] {
  // each cell read once: a grid's amounts by their number of decimals
  const read = rows.flatMap((r) => r.cells).flatMap((cell) => {
    const decimals = cell.bbox && cell.text.trim() ? decimalsOf(cell.text) : undefined;
    return decimals === undefined ? [] : [{ cell, decimals }];
  });
  const byDecimals = new Map<number, GridCell[]>();
  for (const { cell, decimals } of read) byDecimals.set(decimals, [...(byDecimals.get(decimals) ?? []), cell]);
  // the others all agree only when the grid has two numbers of decimals and this one stands alone
  if (byDecimals.size !== 2) return [];
  const [a, b] = [...byDecimals.values()];
  const [lone, peers] = a.length === 1 ? [a, b] : [b, a];
  return lone.length === 1 && peers.length >= MIN_PEERS ? lone : [];
}
