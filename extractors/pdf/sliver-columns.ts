/**
 * Slivers between double rules. A table drawn with a pair of vertical rules a few points apart
 * (a double line between column groups, ICDAR 2013 eu-004) gets a column a few points wide that
 * holds nothing in any row: no printed column, and every count of the table's columns is off by
 * one per pair. A column no wider than `maxWidth` points, empty in every row and never the start
 * of a cell that spans on, is taken out; cells spanning over it lose it from their span.
 */
import type { GridBlock, GridRow } from '../../schemas/intermediate.js';

/** Per row, the column each cell starts in. */
function starts(rows: readonly GridRow[]): number[][] {
  const taken: boolean[][] = rows.map(() => []);
  return rows.map((row, r) => {
    let c = 0;
    return row.cells.map((cell) => {
      while (taken[r][c]) c++;
      const at = c;
      for (let rr = r; rr < Math.min(rows.length, r + (cell.rowSpan ?? 1)); rr++) for (let k = c; k < c + (cell.colSpan ?? 1); k++) taken[rr][k] = true;
      c += cell.colSpan ?? 1;
      return at;
    });
  });
}

/** The grid without its empty sliver columns (the same grid when it has none). */
export function dropSliverColumns(g: GridBlock, maxWidth: number): GridBlock {
  const edges = g.columnEdges;
  // only drawn rules make slivers: an unruled table's narrow empty column is one the text left empty
  if (g.method !== 'ruled' || !edges || edges.length < 4) return g;
  const at = starts(g.rows);
  const sliver = (k: number) =>
    edges[k + 1] - edges[k] <= maxWidth &&
    g.rows.every((row, r) => row.cells.every((cell, i) => at[r][i] !== k || (!cell.text.trim() && (cell.colSpan ?? 1) === 1 && (cell.rowSpan ?? 1) === 1)));
  const drop = new Set(Array.from({ length: edges.length - 1 }, (_, k) => k).filter(sliver));
  if (!drop.size || drop.size === edges.length - 1) return g;
  const rows = g.rows.map((row, r) => ({
    ...row,
    cells: row.cells
      .map((cell, i) => {
        const span = cell.colSpan ?? 1;
        const lost = Array.from({ length: span }, (_, k) => at[r][i] + k).filter((k) => drop.has(k)).length;
        return lost === span ? undefined : lost ? { ...cell, colSpan: span - lost } : cell;
      })
      .filter((c) => c !== undefined),
  }));
  // a dropped sliver's width goes to the column on its right
  const columnEdges = edges.filter((_, k) => !drop.has(k - 1) || k === edges.length - 1);
  return { ...g, rows, columnEdges };
}
