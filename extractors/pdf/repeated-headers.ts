/**
 * Tables read as one grid that are several: the same header row printed again.
 *
 * - Stacked: a later row repeats the first row's heads (`Age Group | Proportion` over one list,
 *   a paragraph, then `Age Group | Proportion` over the next). The grid is cut before the repeat;
 *   rows between the first table's body and the repeat that hold no amount (the paragraph) are
 *   lifted out as text.
 * - Side by side: the first row is one block of heads repeated across the width
 *   (`Age | Total population | Age | Total population | Age | Total population`), a long list
 *   wrapped into column groups. Only from `minSideBySide` repeats on: two blocks side by side are
 *   also how a 收支总表 prints its income and expenditure halves, which is one table.
 *
 * No cut where a cell spans across it.
 */
import type { BBox, GridBlock, GridRow, TextBlock } from '../../schemas/intermediate.js';
import type { StructureSettings } from '../../src/core/layout-settings.js';
import { isAmount } from './aligned-grid.js';

export interface SplitGrids {
  grids: GridBlock[];
  /** rows between stacked tables, one text block per filled cell */
  lifted: TextBlock[];
}

const norm = (s: string) => s.replace(/\s+/g, ' ').trim();
const heads = (row: GridRow) => row.cells.map((c) => norm(c.text)).filter(Boolean);
const sameHeads = (a: GridRow, b: GridRow) => {
  const [x, y] = [heads(a), heads(b)];
  return x.length >= 2 && x.length === y.length && x.every((t, k) => t === y[k]);
};

/** The column where each cell starts, and its span, row by row (cells spanning down take their slots in the rows below). */
function layoutOf(rows: readonly GridRow[]): { c: number; span: number }[][] {
  const taken = rows.map(() => new Set<number>());
  return rows.map((row, r) => {
    let c = 0;
    return row.cells.map((cell) => {
      while (taken[r].has(c)) c++;
      const span = cell.colSpan ?? 1;
      for (let rr = r; rr < Math.min(rows.length, r + (cell.rowSpan ?? 1)); rr++) for (let k = c; k < c + span; k++) taken[rr].add(k);
      const at = { c, span };
      c += span;
      return at;
    });
  });
}

function boxOf(rows: readonly GridRow[], fallback: BBox | undefined): BBox | undefined {
  const boxes = rows.flatMap((r) => r.cells.map((c) => c.bbox)).filter((b) => b !== undefined);
  if (!boxes.length) return fallback;
  return { x0: Math.min(...boxes.map((b) => b.x0)), y0: Math.min(...boxes.map((b) => b.y0)), x1: Math.max(...boxes.map((b) => b.x1)), y1: Math.max(...boxes.map((b) => b.y1)) };
}

const toText = (rows: readonly GridRow[]): TextBlock[] =>
  rows.flatMap((row) => row.cells.filter((c) => norm(c.text)).map((c): TextBlock => ({ type: 'text', text: norm(c.text), ...(c.page !== undefined ? { page: c.page } : {}), ...(c.bbox ? { bbox: c.bbox } : {}) })));

const spansRows = (rows: readonly GridRow[]) => rows.some((r) => r.cells.some((c) => (c.rowSpan ?? 1) > 1));

/** Stacked tables: cut before each row that repeats the first row's heads. */
export function splitStacked(grid: GridBlock): SplitGrids {
  const rows = grid.rows;
  const at = rows.findIndex((r, k) => k >= 2 && sameHeads(rows[0], r));
  if (at < 0 || spansRows(rows)) return { grids: [grid], lifted: [] };
  // the first table's body ends at its last row with an amount; what follows up to the repeat is prose
  let end = at;
  while (end > 1 && !rows[end - 1].cells.some((c) => isAmount(norm(c.text)))) end--;
  if (end < 2) return { grids: [grid], lifted: [] };
  const first: GridBlock = { ...grid, rows: rows.slice(0, end), bbox: boxOf(rows.slice(0, end), grid.bbox) };
  const rest = splitStacked({ ...grid, rows: rows.slice(at), bbox: boxOf(rows.slice(at), grid.bbox) });
  return { grids: [first, ...rest.grids], lifted: [...toText(rows.slice(end, at)), ...rest.lifted] };
}

/** Side-by-side tables: the first row one block of heads repeated across the width, at least `minSideBySide` times. */
export function splitSideBySide(grid: GridBlock, s: StructureSettings): GridBlock[] {
  const rows = grid.rows;
  if (rows.length < 2) return [grid];
  const layout = layoutOf(rows);
  const width = Math.max(...layout.map((l) => l.reduce((n, x) => n + x.span, 0)));
  const head = rows[0].cells.map((c) => norm(c.text));
  if (head.length !== width) return [grid];
  for (let n = Math.floor(width / 2); n >= s.minSideBySide; n--) {
    if (width % n) continue;
    const w = width / n;
    const block = head.slice(0, w);
    if (block.some((t) => !t) || !Array.from({ length: n }, (_, j) => head.slice(j * w, j * w + w)).every((b) => b.every((t, k) => t === block[k]))) continue;
    // every cell within one block
    if (layout.some((l) => l.some((x) => Math.floor(x.c / w) !== Math.floor((x.c + x.span - 1) / w)))) continue;
    return Array.from({ length: n }, (_, j) => {
      const part = rows.map((r, i) => ({ cells: r.cells.filter((_, k) => Math.floor(layout[i][k].c / w) === j) }));
      // a shorter last column group ends in empty rows
      while (part.length > 1 && !heads(part[part.length - 1]).length) part.pop();
      const out: GridBlock = { ...grid, rows: part, bbox: boxOf(part, grid.bbox) };
      if (grid.columnEdges?.length === width + 1) out.columnEdges = grid.columnEdges.slice(j * w, j * w + w + 1);
      else delete out.columnEdges;
      return out;
    });
  }
  return [grid];
}
