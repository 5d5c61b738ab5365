/**
 * A table's total and the summary block that prints the same figure, defined once for the
 * validator (src/validate/cross-table.ts, cross.totals) and for the confirmation of unsure OCR
 * readings (src/confirm): a table whose kind names a summary (schemas/table-kinds.ts `totalOf`:
 * 收入总表 → 收支总表 收入; 一般公共预算支出表 → the 一般公共预算 column of 财政拨款收支总表) prints as
 * its grand total what the summary prints in its block's total rows, at the table's scope.
 *
 * Which cells are read is the caller's (`cellsOf`): the validator reads a row's amounts, the
 * confirmation its amounts and its withheld readings.
 */
import type { Document, Row, Table } from '../../schemas/document.js';
import { kindDef, TABLE_KIND_DEFS, type Scope, type TableRole } from '../../schemas/table-kinds.js';
import { isDecimal } from '../core/decimal.js';
import { isMoneyPath } from '../util/money-column.js';
import { leaf } from '../util/column-path.js';
import { blocks } from './code-families.js';
import { isTotalRow, itemText } from './total-rows.js';

/** A cell of a row as the caller reads it: its header path and value. */
export interface CellLike {
  path: string;
  value: string;
}

export type CellsOf<C extends CellLike> = (row: Row) => readonly C[];

export interface TotalCell<C extends CellLike> {
  table: Table;
  row: Row;
  cell: C;
}

/** the column of a total row that carries the figure compared with another table's */
export const ANY_TOTAL = /合计|总计|小计|^金额$|预算数$|决算数$/;
/** the column of a table's grand total compared with its summary */
export const GRAND = /^(合计|总计|小计|金额|本年收入合计|本年支出合计)$|预算数$|决算数$/;

/** The column of a single source, by header. */
export const SOURCE_COLUMN: Partial<Record<Scope, RegExp>> = { general_budget: /一般公共预算/, government_fund: /政府性基金/, state_capital: /国有资本经营/ };

const figure = (c: CellLike | undefined) => !!c && isDecimal(c.value);
const nonZero = (c: CellLike) => isDecimal(c.value) && /[1-9]/.test(c.value);

/**
 * The sources the document prints figures for (一般公共预算 always): 政府性基金 / 国有资本经营 when a
 * non-zero amount is printed on a row or in a column of that name in a summary or a fund table.
 * Read on the sure amounts only: which sources a document has is not decided by an unsure reading.
 */
export function sourcesPresent(doc: Document): Set<Scope> {
  const present = new Set<Scope>(['general_budget']);
  const roles = new Set<TableRole>(['summary', 'fiscal_summary', 'income', 'fund', 'state_capital']);
  for (const t of doc.tables) {
    const role = kindDef(t.kind).role;
    if (!roles.has(role)) continue;
    for (const r of t.rows) {
      for (const a of r.amounts) {
        if (!nonZero(a)) continue;
        for (const s of ['government_fund', 'state_capital'] as const) {
          if (SOURCE_COLUMN[s]!.test(a.path) || SOURCE_COLUMN[s]!.test(r.item) || (role === 'fund' && s === 'government_fund') || (role === 'state_capital' && s === 'state_capital')) present.add(s);
        }
      }
    }
  }
  return present;
}

/** The tables of a kind that print figures (not empty, some row with a cell). */
export function tablesWith<C extends CellLike>(doc: Document, kind: RegExp, cellsOf: CellsOf<C>): Table[] {
  return doc.tables.filter((t) => kind.test(t.kind) && !t.empty && t.rows.some((r) => cellsOf(r).length));
}

/** Every total row of a block, with the first cell whose leaf matches (any cell for ANY_TOTAL). */
export function blockTotalCells<C extends CellLike>(table: Table, block: string, column: RegExp, cellsOf: CellsOf<C>): TotalCell<C>[] {
  const out: TotalCell<C>[] = [];
  for (const row of (blocks(table).get(block) ?? []).filter(isTotalRow)) {
    const cells = cellsOf(row);
    const cell = cells.find((x) => column.test(leaf(x.path))) ?? (column === ANY_TOTAL ? cells[0] : undefined);
    if (cell && figure(cell)) out.push({ table, row, cell });
  }
  return out;
}

/**
 * The totals of a summary's block at the scope of the table compared with it: the same scope's
 * total, or the column of the one source it covers (一般公共预算 in a 财政拨款 summary); the
 * summary's total stands for one source only when no other source has figures.
 */
export function scopedTotalCells<C extends CellLike>(doc: Document, summary: Table, block: string, scope: Scope, cellsOf: CellsOf<C>): TotalCell<C>[] {
  const own = kindDef(summary.kind).scope;
  if (own === scope || scope === 'all' || scope === 'fiscal') return blockTotalCells(summary, block, ANY_TOTAL, cellsOf);
  const col = SOURCE_COLUMN[scope];
  const bySource = col ? blockTotalCells(summary, block, col, cellsOf) : [];
  if (bySource.length) return bySource;
  const others = [...sourcesPresent(doc)].filter((s) => s !== scope);
  return others.length ? [] : blockTotalCells(summary, block, ANY_TOTAL, cellsOf);
}

/** The row that holds a table's grand total: the last 总计, else the first 合计, else the first total row. */
export function grandTotalRow(rows: readonly Row[], item?: RegExp): Row | undefined {
  const totals = rows.filter(isTotalRow).filter((r) => !item || item.test(itemText(r)));
  if (item) return totals[0];
  return totals.filter((r) => /总计$/.test(itemText(r))).pop() ?? totals.find((r) => /^(合计|.{0,4}合计)$/.test(itemText(r))) ?? totals[0];
}

/** The cell of a grand total row in the column whose leaf matches (a money column). */
export function grandTotalCell<C extends CellLike>(row: Row, column: RegExp, cellsOf: CellsOf<C>): C | undefined {
  return cellsOf(row).find((x) => column.test(leaf(x.path)) && isMoneyPath(x.path));
}

const exactly = (kind: string) => new RegExp(`^${kind}$`);

/** A table whose total its summary prints, and the summary's figures it must equal (one of them). */
export interface CrossTotal<C extends CellLike> {
  table: Table;
  refs: TotalCell<C>[];
}

/** Every table a summary prints the total of, with the summary's total cells at its scope. */
export function crossTotals<C extends CellLike>(doc: Document, cellsOf: CellsOf<C>): CrossTotal<C>[] {
  const out: CrossTotal<C>[] = [];
  for (const def of TABLE_KIND_DEFS) {
    if (!def.totalOf) continue;
    const summaries = tablesWith(doc, exactly(def.totalOf.kind), cellsOf);
    const refs = summaries.flatMap((s) => scopedTotalCells(doc, s, def.totalOf!.block, def.scope, cellsOf));
    if (!refs.length) continue;
    for (const table of tablesWith(doc, exactly(def.kind), cellsOf)) out.push({ table, refs });
  }
  return out;
}
