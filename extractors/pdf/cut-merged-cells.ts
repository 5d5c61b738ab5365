/**
 * Label cells merged down a table printed without rules and cut by a page break (a unit name beside
 * its twenty projects, six of them at the foot of one page and fourteen at the top of the next):
 * LibreOffice prints the name once, centred over the whole cell, so on one page it stands off the
 * middle of the rows it covers there, and the other page's rows are blank in its column. Read page
 * by page, the rows beyond the page edge are counted as rows at the table's pitch (the previous
 * page's blank rows above, as many as needed below), and the blank rows at either end become an
 * empty merged cell, which interpretation joins with the text one over the page break
 * (src/interpret/cut-merged-cells.ts). Plain functions over plain data, used by the stream finder.
 */
import type { GridBlock } from '../../schemas/intermediate.js';
import { mergedDownRanges, rowPitch, type Band } from './merged-down.js';

/** How a grid's column ends at its last row: what the next page's rows in that column go on from. */
export interface ColumnFoot {
  /** rows at the foot blank in the column (an empty merged cell's rows count) */
  blank: number;
  /** the last row lies in a merged cell with text (rowSpan two or more): a cell that may go on overleaf */
  merged: boolean;
}

/** Each column's foot of a grid (columns as its columnEdges count them, merged cells expanded). */
export function columnFeet(grid: GridBlock): ColumnFoot[] {
  const nc = Math.max(0, (grid.columnEdges?.length ?? 1) - 1);
  // the cell (text, rowSpan) over each position
  const at: ({ text: string; rowSpan: number } | undefined)[][] = grid.rows.map(() => []);
  grid.rows.forEach((row, r) => {
    let c = 0;
    for (const cell of row.cells) {
      while (at[r][c]) c++;
      const span = { text: cell.text.trim(), rowSpan: cell.rowSpan ?? 1 };
      for (let dr = 0; dr < span.rowSpan && r + dr < at.length; dr++) for (let dc = 0; dc < (cell.colSpan ?? 1); dc++) at[r + dr][c + dc] = span;
      c += cell.colSpan ?? 1;
    }
  });
  return Array.from({ length: nc }, (_, c) => {
    let blank = 0;
    while (blank < at.length && !at[at.length - 1 - blank][c]?.text) blank++;
    const last = at[at.length - 1]?.[c];
    return { blank, merged: !!last?.text && last.rowSpan >= 2 };
  });
}

/**
 * Merged-down ranges (mergedDownRanges) over the rows of the page and `above` blank rows of the
 * previous page before them, and as many rows after them as a cell centred near the foot needs:
 * the ranges clipped to the page's rows. For a column the page alone leaves undecided (blank rows
 * no text on the page is centred on).
 */
export function openMergedDownRanges(rows: readonly Band[], texts: readonly (Band | null | undefined)[], tolShare: number, above: number): [number, number][] | undefined {
  const n = rows.length;
  const pitch = rowPitch(rows);
  if (n < 3 || !(pitch > 0)) return undefined;
  const shifted = (r: Band, k: number) => ({ y0: r.y0 + k * pitch, y1: r.y1 + k * pitch });
  const before = Array.from({ length: above }, (_, k) => shifted(rows[0], k - above));
  const after = Array.from({ length: n }, (_, k) => shifted(rows[n - 1], k + 1));
  const ranges = mergedDownRanges([...before, ...rows, ...after], [...before.map(() => undefined), ...texts, ...after.map(() => undefined)], tolShare);
  return ranges?.map(([a, z]) => [Math.max(0, a - above), Math.min(n - 1, z - above)]);
}

/**
 * The ranges with the blank rows at the page's ends added as empty merged cells (two rows or more):
 * after the last range (the cell's text printed overleaf), and before the first when the previous
 * page's column ended in a merged cell with text (`foot.merged`). Undefined when nothing is merged.
 */
export function withCutEnds(ranges: readonly [number, number][] | undefined, texts: readonly (Band | null | undefined)[], foot: ColumnFoot | undefined): [number, number][] | undefined {
  const n = texts.length;
  const out = [...(ranges ?? [])];
  const blankTo = (a: number, z: number) => texts.slice(a, z + 1).every((t) => t === undefined);
  const first = out.length ? out[0][0] : n;
  if (foot?.merged && first >= 2 && blankTo(0, first - 1)) out.unshift([0, first - 1]);
  const last = ranges?.length ? ranges[ranges.length - 1][1] : n - 1;
  if (n - 1 - last >= 2 && blankTo(last + 1, n - 1)) out.push([last + 1, n - 1]);
  return out.length ? out : undefined;
}
