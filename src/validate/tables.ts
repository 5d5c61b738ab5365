/**
 * Reading the document model for validation: amounts of a row by column, blocks, total rows,
 * ordinal levels, the top-level rows of a table, and the sum check that turns a comparison into a
 * finding (error, or info when within rounding).
 */
import type { Amount, Row, Table } from '../../schemas/document.js';
import type { Finding } from '../../schemas/findings.js';
import { dec, isDecimal, type Dec } from '../core/decimal.js';
import { isMoneyPath } from '../util/money-column.js';

export { isMoneyPath };
import { finding, placeEn, placeZh, whereCell } from './messages.js';
import { reconcile, show, showSigned, sumOf, unitOf } from './rounding.js';
import { leaf } from '../util/column-path.js';

export function valueOf(a: Amount | undefined): Dec | undefined {
  if (!a || !isDecimal(a.value)) return undefined;
  return dec(a.value);
}

export function amountAt(row: Row, column: number): Amount | undefined {
  return row.amounts.find((a) => a.column === column);
}

/** The first amount of a row whose column leaf matches. */
export function amountByLeaf(row: Row, re: RegExp): Amount | undefined {
  return row.amounts.find((a) => re.test(leaf(a.path)));
}

export function hasAmounts(t: Table): boolean {
  return t.rows.some((r) => r.amounts.length > 0);
}

export interface SumCheck {
  rule: string;
  table: Table;
  row: Row;
  /** the printed figure that should be the sum */
  total: Amount;
  /** the printed parts (blank parts already left out) */
  parts: Dec[];
  /** how the parts are described, e.g. "Σ 下级科目 (20101 + 20102)" */
  partsZh: string;
  partsEn: string;
  /** what the total is, e.g. "类 201" */
  whatZh?: string;
  whatEn?: string;
}

/** Compare a printed total with the sum of its printed parts; a finding, or undefined when equal. */
export function sumFinding(c: SumCheck): Finding | undefined {
  const found = valueOf(c.total);
  if (!found || !isMoneyPath(c.total.path)) return undefined;
  const expected = sumOf(c.parts);
  const unit = unitOf(c.table.unit, [found, ...c.parts]);
  const v = reconcile(found, expected, c.parts.length, unit);
  if (v.kind === 'equal') return undefined;
  const where = whereCell(c.table, c.row, c.total);
  const severity = v.kind === 'rounding' ? 'info' : 'error';
  const u = c.table.unit ?? '';
  const within = v.kind === 'rounding';
  const zh = `${placeZh(where)}：${c.whatZh ?? '合计'} ${show(found)}${u} ≠ ${c.partsZh} ${show(expected)}${u}，差额 ${showSigned(v.diff)}${u}${
    within ? `（在印刷精度允许的舍入误差 ±${show(v.tolerance)} 之内）` : ''
  }`;
  const en = `${placeEn(where)}: ${c.whatEn ?? 'total'} ${show(found)} ${u} ≠ ${c.partsEn} ${show(expected)} ${u}, difference ${showSigned(v.diff)}${
    within ? ` (within the rounding the printed precision allows, ±${show(v.tolerance)})` : ''
  }`;
  return finding(c.rule, severity, where, zh, en, { expected: show(expected), found: show(found), difference: showSigned(v.diff) });
}

export const sameText = (a: string, b: string): boolean => norm(a) === norm(b);
export function norm(s: string): string {
  return s
    .replace(/<\/?b>/g, '')
    .replace(/[\s“”"'‘’「」『』()（）\-—_·.。,，、:：;；]/g, '')
    .replace(/[Ａ-Ｚａ-ｚ０-９]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
}
