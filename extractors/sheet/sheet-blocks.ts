/**
 * One sheet (rows of cells, merged cells as spans) to blocks, as the sheet is printed: the label,
 * title, 部门名称 and 单位 rows above a table become lines of text, the table a grid, the note
 * below it a line again. A sheet may hold one table or several, one under another.
 *
 * A row with two or more filled cells is a grid row, except a row of `key：value` cells only
 * (部门名称：… | 单位：万元) before a table starts. Inside a table, a row with one filled cell
 * stays in the grid (三公 table: 因公出国（境）费 alone on its row), unless that cell is merged
 * across (nearly) the whole table: that is the title of the next table. A blank row ends a table.
 */
import type { Block, GridBlock, GridCell, TextBlock } from '../../schemas/intermediate.js';

export interface SheetCell {
  /** the text as the cell shows it (numbers through their number format) */
  text: string;
  /** `公开05表!C7` */
  ref: string;
  colSpan?: number;
  rowSpan?: number;
}

/** A sheet as a dense matrix: `covered` marks positions under a merged cell, with its origin. */
export interface SheetGrid {
  rows: (SheetCell | { covered: { row: number; col: number } } | undefined)[][];
}

const isCell = (x: SheetGrid['rows'][number][number]): x is SheetCell => !!x && 'text' in x;
const filled = (row: SheetGrid['rows'][number]) => row.filter((c): c is SheetCell => isCell(c) && c.text.trim() !== '');
const KEY_VALUE = /^[^:：]{1,12}[:：]/;
/** a cell's text as one line: wrapped lines (Alt+Enter) joined by a space, as text renderings print them */
const oneLine = (s: string) => s.replace(/\s*[\r\n]+\s*/g, ' ').trim();

function textBlock(cells: SheetCell[]): TextBlock {
  return { type: 'text', text: cells.map((c) => oneLine(c.text)).join('  '), cell: cells[0].ref };
}

/** The grid of rows [r0, r1): columns from the leftmost to the rightmost filled or merged position. */
function gridOf(sheet: SheetGrid, r0: number, r1: number): GridBlock {
  let c0 = Infinity;
  let c1 = 0;
  for (let r = r0; r < r1; r++) {
    sheet.rows[r].forEach((x, c) => {
      if (isCell(x) && x.text.trim()) {
        c0 = Math.min(c0, c);
        c1 = Math.max(c1, c + (x.colSpan ?? 1));
      }
    });
  }
  const rows: GridBlock['rows'] = [];
  for (let r = r0; r < r1; r++) {
    const cells: GridCell[] = [];
    for (let c = c0; c < c1; c++) {
      const x = sheet.rows[r][c];
      if (x && 'covered' in x) {
        // under a merged cell of this table: the span stands for it; of a row above the table: blank
        if (x.covered.row >= r0 && x.covered.col >= c0) continue;
        cells.push({ text: '' });
        continue;
      }
      if (!isCell(x)) {
        cells.push({ text: '' });
        continue;
      }
      const colSpan = Math.min(x.colSpan ?? 1, c1 - c);
      const rowSpan = Math.min(x.rowSpan ?? 1, r1 - r);
      cells.push({ text: oneLine(x.text), cell: x.ref, ...(colSpan > 1 ? { colSpan } : {}), ...(rowSpan > 1 ? { rowSpan } : {}) });
    }
    rows.push({ cells });
  }
  return { type: 'grid', rows, method: 'sheet', confidence: 1 };
}

export function sheetBlocks(sheet: SheetGrid): Block[] {
  const blocks: Block[] = [];
  let start = -1; // first row of the table being read
  let width = 0; // its columns, from its first row
  const endGrid = (r: number) => {
    if (start >= 0) blocks.push(gridOf(sheet, start, r));
    start = -1;
  };
  sheet.rows.forEach((row, r) => {
    const cells = filled(row);
    const coveredFromAbove = start >= 0 && row.some((x) => x && 'covered' in x && x.covered.row >= start && x.covered.row < r);
    if (!cells.length) {
      if (!coveredFromAbove) endGrid(r);
      return;
    }
    if (start < 0) {
      if (cells.length === 1 || cells.every((c) => KEY_VALUE.test(c.text.trim()))) {
        blocks.push(textBlock(cells));
        return;
      }
      start = r;
      const last = row.reduce((m, x, c) => (isCell(x) && x.text.trim() ? Math.max(m, c + (x.colSpan ?? 1)) : m), 0);
      const first = row.findIndex((x) => isCell(x) && x.text.trim() !== '');
      width = last - first;
      return;
    }
    if (cells.length === 1 && !coveredFromAbove && (cells[0].colSpan ?? 1) >= Math.max(3, Math.ceil(width * 0.8))) {
      endGrid(r);
      blocks.push(textBlock(cells));
    }
  });
  endGrid(sheet.rows.length);
  return blocks;
}
