/**
 * A merged label cell cut by a page break (a unit name merged down its projects, some of them at the
 * foot of one page, the rest overleaf): each piece of the table prints its part of the cell as a
 * merged cell of its own, with the text on one page only (LibreOffice, ruled or not: `<r6>` empty at
 * the foot, 示例区市场监管综合执法大队 `<r14>` at the top of the next page). The empty part is the
 * same cell: it shows the other part's text, so that its rows are read under their unit.
 */
import { isAmountText } from '../core/amount.js';
import type { Matrix } from './matrix.js';

/**
 * The matrix with each empty merged cell (two rows or more) that ends a piece of the table, or
 * starts one, given the text of the merged cell (two rows or more, the same columns) just over the
 * page break in its column; `skip`: rows that are no body rows (a header repeated on each page).
 * Amounts are never copied.
 */
export function joinCutMergedCells(m: Matrix, skip: ReadonlySet<number>): Matrix {
  const rows = m.rows.map((r) => [...r]);
  const origin = (r: number, c: number) => rows[r][c].coveredBy ?? { row: r, col: c };
  const bodyRow = (r: number, step: number) => {
    while (r >= 0 && r < rows.length && skip.has(r)) r += step;
    return r >= 0 && r < rows.length ? r : undefined;
  };
  const breaks = m.gridStarts.slice(1);
  // forward, then back: a cell over three pages whose text is on the first or on the last
  for (const s of [...breaks, ...[...breaks].reverse()]) {
    const [above, below] = [bodyRow(s - 1, -1), bodyRow(s, 1)];
    if (above === undefined || below === undefined) continue;
    for (let c = 0; c < m.width; c++) {
      const [a, b] = [origin(above, c), origin(below, c)];
      const [ca, cb] = [rows[a.row][a.col], rows[b.row][b.col]];
      if (a.col !== c || b.col !== c || ca.colSpan !== cb.colSpan || ca.rowSpan < 2 || cb.rowSpan < 2) continue;
      const [ta, tb] = [ca.text.trim(), cb.text.trim()];
      if (!ta && tb && !isAmountText(tb)) rows[a.row][a.col] = { ...ca, text: cb.text };
      else if (ta && !tb && !isAmountText(ta)) rows[b.row][b.col] = { ...cb, text: ca.text };
    }
  }
  return { ...m, rows };
}
