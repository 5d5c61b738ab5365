/**
 * Grids to a rectangular matrix: merged cells expanded so that every row has one entry per
 * column. A position covered by a merged cell keeps an empty text and points at the cell that
 * covers it, so headers can inherit the merged text while amounts are never duplicated.
 */
import type { BBox, GridBlock } from '../../schemas/intermediate.js';

export interface MCell {
  text: string;
  page?: number;
  bbox?: BBox;
  /** spreadsheets: `公开05表!C7` */
  cell?: string;
  bold?: boolean;
  /** OCR confidence of the cell (schemas/intermediate.ts GridCell.ocr) */
  ocr?: number;
  /** OCR: a numeric reading withheld as unsure (GridCell.unsure); not the cell's text */
  unsure?: { text: string; ocr: number };
  /** set on positions covered by a merged cell: the matrix position of that cell */
  coveredBy?: { row: number; col: number };
  colSpan: number;
  rowSpan: number;
}

export interface Matrix {
  rows: MCell[][];
  width: number;
  /** index in `rows` where each source grid starts (continuation pages) */
  gridStarts: number[];
}

export function gridToRows(grid: GridBlock, rowOffset: number): MCell[][] {
  const out: MCell[][] = [];
  // occupied[r][c]: covered by a rowspan from an earlier row
  const occupied = new Map<number, Map<number, { row: number; col: number }>>();
  grid.rows.forEach((gr, r) => {
    const row: MCell[] = [];
    const occ = occupied.get(r);
    let c = 0;
    const skipOccupied = () => {
      while (occ?.has(c)) {
        row[c] = { text: '', coveredBy: occ.get(c), colSpan: 1, rowSpan: 1 };
        c++;
      }
    };
    for (const cell of gr.cells) {
      skipOccupied();
      const colSpan = cell.colSpan ?? 1;
      const rowSpan = cell.rowSpan ?? 1;
      const origin = { row: rowOffset + r, col: c };
      row[c] = {
        text: cell.text,
        colSpan,
        rowSpan,
        ...(cell.page !== undefined ? { page: cell.page } : grid.page !== undefined ? { page: grid.page } : {}),
        ...(cell.bbox ? { bbox: cell.bbox } : {}),
        ...(cell.cell ? { cell: cell.cell } : {}),
        ...(cell.bold ? { bold: true } : {}),
        ...(cell.ocr !== undefined ? { ocr: cell.ocr } : {}),
        ...(cell.unsure ? { unsure: cell.unsure } : {}),
      };
      for (let dc = 1; dc < colSpan; dc++) row[c + dc] = { text: '', coveredBy: origin, colSpan: 1, rowSpan: 1 };
      for (let dr = 1; dr < rowSpan; dr++) {
        const m = occupied.get(r + dr) ?? new Map();
        for (let dc = 0; dc < colSpan; dc++) m.set(c + dc, origin);
        occupied.set(r + dr, m);
      }
      c += colSpan;
    }
    skipOccupied();
    for (let i = 0; i < row.length; i++) row[i] ??= { text: '', colSpan: 1, rowSpan: 1 };
    out.push(row);
  });
  return out;
}

export function buildMatrix(grids: GridBlock[]): Matrix {
  const rows: MCell[][] = [];
  const gridStarts: number[] = [];
  for (const g of grids) {
    gridStarts.push(rows.length);
    rows.push(...gridToRows(g, rows.length));
  }
  // trailing empty cells carry no information: width is the last column with text anywhere
  let width = 0;
  for (const row of rows) {
    for (let c = row.length - 1; c >= width; c--) {
      if (row[c].text.trim() || row[c].coveredBy) {
        width = c + 1;
        break;
      }
    }
  }
  for (const row of rows) {
    while (row.length < width) row.push({ text: '', colSpan: 1, rowSpan: 1 });
    row.length = width;
  }
  return { rows, width, gridStarts };
}

/** The text a position shows: its own, or the merged cell's that covers it. */
export function shownText(m: Matrix, r: number, c: number): string {
  const cell = m.rows[r][c];
  if (cell.coveredBy) return m.rows[cell.coveredBy.row]?.[cell.coveredBy.col]?.text ?? '';
  return cell.text;
}
