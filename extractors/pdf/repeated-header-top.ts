/**
 * A table going on at the top of a page may print its header again there (合计 | 一般公共预算 over
 * the amounts, 单位名称 | 项目名称 over the labels), with nothing above it but running headers. Its
 * lines sit in the body's columns like rows without amounts would, but a row without amounts has
 * text in label columns only: a line with a text over an amount column and no amount of its own
 * heads the table (when it heads two of them: a value of a form may sit alone over one). Plain functions over plain data, used by the stream finder.
 */
import { isAmount, type Interval } from './aligned-grid.js';

/**
 * Texts of the line lie over two amount columns (`numeric[i]`) of the body or more, and none of
 * them is an amount (one text over one amount column may be a value of a form: 有效提升 beside ≥95%).
 */
export function headsAmountColumns(atoms: readonly (Interval & { text: string })[], strips: readonly Interval[], numeric: readonly (boolean | undefined)[], tol: number): boolean {
  if (atoms.some((a) => isAmount(a.text))) return false;
  const headed = strips.filter((q, i) => numeric[i] === true && atoms.some((a) => Math.min(q.x1, a.x1) - Math.max(q.x0, a.x0) > tol));
  return headed.length >= 2;
}

/**
 * The first line of a header repeated at the page top, from `up` (the highest line in the body's
 * columns) down to `bodyTop`: a running header over it (示例区市场监督管理局2024年部门预算, which
 * LibreOffice prints above the header: its year is an atom of its own, so its atoms lie in columns)
 * is one run of text across two columns or more (`pieces`, cut only at cell gaps), where a header
 * line has a text per column.
 */
export function repeatedHeaderTop(up: number, bodyTop: number, pieces: (k: number) => readonly Interval[], strips: readonly Interval[], tol: number): number {
  const across = (p: Interval) => strips.filter((q) => Math.min(q.x1, p.x1) - Math.max(q.x0, p.x0) > tol).length >= 2;
  let top = up;
  while (top < bodyTop && pieces(top).some(across)) top++;
  return top;
}
