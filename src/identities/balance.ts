/**
 * A side-by-side summary's balance, defined once for the validator (src/validate/totals.ts,
 * totals.balance) and for the confirmation of unsure OCR readings (src/confirm): the 收入 block's
 * last 总计 equals the 支出 block's last 总计 — the income figure (the row's first cell) against the
 * expenditure's 合计 / 小计 / 总计 column (else its first cell).
 *
 * Which cells are read is the caller's (`cellsOf`), as in cross-totals.ts.
 */
import type { Row, Table } from '../../schemas/document.js';
import { blocks } from './code-families.js';
import { type CellLike, type CellsOf } from './cross-totals.js';
import { leaf } from '../util/column-path.js';
import { isTotalRow, itemText } from './total-rows.js';

/** The 收入总计 and 支出总计 rows of a side-by-side table, when it prints both. */
function balanceRows(table: Table): { income: Row; expenditure: Row } | undefined {
  if (!table.sideBySide) return undefined;
  const b = blocks(table);
  const last = (block: string) => (b.get(block) ?? []).filter((r) => isTotalRow(r) && /总计$/.test(itemText(r))).pop();
  const income = last('收入');
  const expenditure = last('支出');
  return income && expenditure ? { income, expenditure } : undefined;
}

/** The two rows, and their two cells that must be equal: [income, expenditure]. */
export function balanceCells<C extends CellLike>(table: Table, cellsOf: CellsOf<C>): { income: Row; expenditure: Row; cells: [C, C] } | undefined {
  const rows = balanceRows(table);
  if (!rows) return undefined;
  const inc = cellsOf(rows.income);
  const exp = cellsOf(rows.expenditure);
  const ea = exp.find((a) => /合计|小计|总计/.test(leaf(a.path))) ?? exp[0];
  return inc[0] && ea ? { ...rows, cells: [inc[0], ea] } : undefined;
}
