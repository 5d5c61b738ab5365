/**
 * A table's caption and notes printed inside its frame (or on its aligned lines) are no rows of it.
 *
 * Reports box a whole exhibit: `Exhibit 19 Percentage of Schools …` across the top, the table,
 * then `Source: …` or `Note: …` across the foot, all inside one ruled frame; an unruled table's
 * last aligned lines can be its NOTE and SOURCE paragraphs. Read as rows they add rows the table
 * does not have and put prose among its cells. Here they are lifted out of the grid into text
 * blocks (nothing is lost) and the grid's bbox shrinks to the rows that stay.
 *
 * Only rows that are one cell of text qualify: a caption is the first row and starts like a caption
 * (`Table 4`, `Exhibit B.4`); the notes start at a one-cell row near the foot that starts like a
 * note (`Source:`, `NOTE:`) and run to the end through rows of at most `noteRowMaxCells` filled
 * cells (a wrapped note, a page number). Both patterns live in the settings (StructureSettings).
 */
import type { GridBlock, GridRow, TextBlock } from '../../schemas/intermediate.js';
import type { StructureSettings } from '../../src/core/layout-settings.js';

export interface LiftedGrid {
  grid: GridBlock;
  /** the caption and note rows, one text block per filled cell, top to bottom */
  lifted: TextBlock[];
}

const filled = (row: GridRow) => row.cells.filter((c) => c.text.trim() !== '');

/** A row whose only text is one cell, none of its cells reaching into another row. */
function oneCellRow(row: GridRow): string | undefined {
  const f = filled(row);
  if (f.length !== 1 || row.cells.some((c) => (c.rowSpan ?? 1) > 1)) return undefined;
  return f[0].text.trim();
}

/** Whether any cell of rows[from..] spans up into a row before `from`. */
function spannedInto(rows: readonly GridRow[], from: number): boolean {
  return rows.slice(0, from).some((row, r) => row.cells.some((c) => r + (c.rowSpan ?? 1) > from));
}

export function liftCaptionRows(grid: GridBlock, s: StructureSettings): LiftedGrid {
  const rows = grid.rows;
  // a caption or notes only around at least two rows of table
  if (rows.length < 3) return { grid, lifted: [] };
  const caption = new RegExp(s.captionStart, 'i');
  const note = new RegExp(s.noteStart, 'i');
  const head = oneCellRow(rows[0]);
  const top = head !== undefined && caption.test(head) && !spannedInto(rows, 1) ? 1 : 0;
  let foot = rows.length;
  for (let r = rows.length - 1; r >= top + 2; r--) {
    if (filled(rows[r]).length > s.noteRowMaxCells) break;
    const t = oneCellRow(rows[r]);
    if (t !== undefined && note.test(t)) foot = r;
  }
  if (foot < rows.length && spannedInto(rows, foot)) foot = rows.length;
  if (top === 0 && foot === rows.length) return { grid, lifted: [] };
  const kept = rows.slice(top, foot);
  const toText = (row: GridRow): TextBlock[] =>
    filled(row).map((c) => ({ type: 'text', text: c.text.trim(), ...(c.page !== undefined ? { page: c.page } : {}), ...(c.bbox ? { bbox: c.bbox } : {}) }));
  const boxes = kept.flatMap((r) => r.cells.map((c) => c.bbox)).filter((b) => b !== undefined);
  const bbox = grid.bbox && boxes.length ? { x0: grid.bbox.x0, x1: grid.bbox.x1, y0: Math.min(...boxes.map((b) => b.y0)), y1: Math.max(...boxes.map((b) => b.y1)) } : grid.bbox;
  return {
    grid: { ...grid, rows: kept, ...(bbox ? { bbox } : {}) },
    lifted: [...rows.slice(0, top), ...rows.slice(foot)].flatMap(toText),
  };
}
