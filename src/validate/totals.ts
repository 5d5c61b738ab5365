/**
 * Totals: a 合计 / 总计 row equals the sum of the table's top-level rows (类-level codes, or the
 * 一、二、… rows, or the one-label class rows), per amount column; a later total (收入总计 after
 * 本年收入合计) equals the previous total plus the unnumbered rows between them (上年结转). In
 * side-by-side tables 收入总计 = 支出总计 (which cells: src/identities/balance.ts).
 */
import type { Document, Row, Table } from '../../schemas/document.js';
import type { Finding } from '../../schemas/findings.js';
import type { Dec } from '../core/decimal.js';
import { finding, placeEn, placeZh, whereCell } from './messages.js';
import { reconcile, show, showSigned, unitOf } from './rounding.js';
import { amountAt, hasAmounts, sumFinding, valueOf } from './tables.js';
import { blocks } from '../identities/code-families.js';
import { isTotalRow, totalRowFamilies } from '../identities/total-rows.js';
import { balanceCells } from '../identities/balance.js';

function columnsOf(rows: Row[]): number[] {
  const s = new Set<number>();
  for (const r of rows) for (const a of r.amounts) s.add(a.column);
  return [...s];
}

function check(table: Table, total: Row, parts: Row[], zh: string, en: string): Finding[] {
  const out: Finding[] = [];
  for (const col of columnsOf([total])) {
    // a total among the parts (本年收入合计 in 收入总计) must be printed in this column
    if (parts.some((p) => isTotalRow(p) && !amountAt(p, col))) continue;
    const vals: Dec[] = [];
    for (const p of parts) {
      const v = valueOf(amountAt(p, col));
      if (v) vals.push(v);
    }
    if (!vals.length) continue;
    const f = sumFinding({ rule: 'totals.rows', table, row: total, total: amountAt(total, col)!, parts: vals, whatZh: total.item, whatEn: total.item, partsZh: zh, partsEn: en });
    if (f) out.push(f);
  }
  return out;
}

function checkBlock(table: Table, rows: Row[]): Finding[] {
  return totalRowFamilies(table, rows).flatMap((f) => check(table, f.total, f.parts, f.zh, f.en));
}

function balance(table: Table): Finding[] {
  const b = balanceCells(table, (r) => r.amounts);
  if (!b) return [];
  const { income: i, expenditure: e, cells: [ia, ea] } = b;
  const iv = valueOf(ia);
  const ev = valueOf(ea);
  if (!iv || !ev) return [];
  const v = reconcile(iv, ev, 1, unitOf(table.unit, [iv, ev]));
  if (v.kind === 'equal') return [];
  const where = whereCell(table, i, ia);
  const u = table.unit ?? '';
  const sev = v.kind === 'rounding' ? 'info' : 'error';
  return [
    finding(
      'totals.balance',
      sev,
      where,
      `${placeZh(where)}：收入「${i.item}」${show(iv)}${u} ≠ 支出「${e.item}」${show(ev)}${u}，差额 ${showSigned(v.diff)}${u}`,
      `${placeEn(where)}: income “${i.item}” ${show(iv)} ${u} ≠ expenditure “${e.item}” ${show(ev)} ${u}, difference ${showSigned(v.diff)}`,
      { expected: show(ev), found: show(iv), difference: showSigned(v.diff) },
    ),
  ];
}

export function checkTotals(doc: Document): Finding[] {
  const out: Finding[] = [];
  for (const t of doc.tables) {
    if (t.empty || !hasAmounts(t)) continue;
    if (/project_expenditure/.test(t.kind)) continue;
    for (const rows of blocks(t).values()) out.push(...checkBlock(t, rows));
    if (t.sideBySide) out.push(...balance(t));
  }
  return out;
}
