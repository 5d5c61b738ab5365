/**
 * Reading the document model for validation: amounts of a row by column, blocks, total rows,
 * ordinal levels, the top-level rows of a table, and the sum check that turns a comparison into a
 * finding (error, or info when within rounding).
 */
import type { Amount, Row, Table } from '../../schemas/document.js';
import type { Finding } from '../../schemas/findings.js';
import { kindDef } from '../../schemas/table-kinds.js';
import { dec, isDecimal, type Dec } from '../core/decimal.js';
import { isMoneyPath } from '../util/money-column.js';
import { codeKindOf } from '../identities/code-families.js';

export { isMoneyPath };
// defined with the identities they decide (src/identities/code-families.ts), read here by every rule family
export { blocks, codeKindOf, twoSided } from '../identities/code-families.js';
import { finding, placeEn, placeZh, whereCell } from './messages.js';
import { reconcile, show, showSigned, sumOf, unitOf } from './rounding.js';
import { hasMarkers, rowForest } from './row-tree.js';

export const leaf = (path: string): string => {
  const parts = path.split(' / ');
  return parts[parts.length - 1].replace(/\s+/g, '');
};

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

export const TOTAL_ITEM = /^(.{0,12})(合计|总计)$/;

export function itemText(r: Row): string {
  return r.item.replace(/\s+/g, '').replace(/^[一二三四五六七八九十]+、/, '');
}

/** A total row: no code, one label, worded … 合计 / … 总计. */
export function isTotalRow(r: Row): boolean {
  if (r.code) return false;
  const labels = r.labels.filter((l) => l.trim());
  if (labels.length > 1) return false;
  return r.kind === 'total' || TOTAL_ITEM.test(itemText(r));
}

/** 1 for 一、, 2 for （一）, 3 for 1、 / 1. / （1）, 4 for ①; 0 for none. */
export function ordinalLevel(r: Row): number {
  const o = (r.ordinal ?? '').replace(/\s+/g, '');
  if (!o) return 0;
  if (/^[一二三四五六七八九十百]+[、.．]?$/.test(o)) return 1;
  if (/^[（(][一二三四五六七八九十]+[)）]$/.test(o)) return 2;
  if (/^\d+[、.．]?$/.test(o) || /^[（(]\d+[)）]$/.test(o)) return 3;
  if (/^[①-⑳]$/.test(o)) return 4;
  return 5;
}

export function nonEmptyLabels(r: Row): number {
  return r.labels.filter((l) => l.trim()).length;
}

/** How the top level of a block is recognised, for messages. */
export type TopKind = 'class-codes' | 'ordinals' | 'label-depth' | 'rows';

/**
 * The top-level rows of a block, whose sum a total row must equal:
 * 3-digit codes when the rows are coded; otherwise, when rows are numbered, the roots of their
 * list hierarchy (row-tree.ts) in each run between total rows; otherwise, when class rows carry
 * one label and their items two, the one-label rows; otherwise every data row.
 */
export function topLevel(rows: Row[], kind?: string): { kind: TopKind; rows: Row[] } | undefined {
  const data = rows.filter((r) => !isTotalRow(r));
  if (!data.length) return undefined;
  const coded = data.filter((r) => r.code && /^\d+$/.test(r.code));
  if (coded.length) {
    const kinds = new Set(coded.map((r) => codeKindOf(r)));
    if (kinds.size > 1) return undefined;
    const classes = coded.filter((r) => r.code!.length === 3);
    if (new Set(classes.map((r) => r.code)).size < classes.length) return undefined; // a class code twice: codes not read completely
    return { kind: 'class-codes', rows: classes };
  }
  if (hasMarkers(data) || subItemsOf(kind).length) return { kind: 'ordinals', rows: runsBetweenTotals(rows).flatMap((run) => rowForest(run, subItemsOf(kind)).map((n) => n.row)) };
  const depths = new Set(data.map(nonEmptyLabels));
  if (depths.has(1) && depths.has(2) && nonEmptyLabels(data[0]) === 1) {
    return { kind: 'label-depth', rows: data.filter((r) => nonEmptyLabels(r) === 1) };
  }
  return { kind: 'rows', rows: data };
}

/** The runs of data rows between total rows (本年收入合计 … 上年结转 … 收入总计), in printed order. */
export function runsBetweenTotals(rows: Row[]): Row[][] {
  const runs: Row[][] = [[]];
  for (const r of rows) {
    if (isTotalRow(r)) runs.push([]);
    else runs[runs.length - 1].push(r);
  }
  return runs.filter((r) => r.length);
}

/** The sub-items a table kind prints under a named parent (公务用车购置费 under 公务用车购置及运行费). */
export function subItemsOf(kind: string | undefined): [RegExp, RegExp][] {
  return kind ? [...(kindDef(kind).subItems ?? [])] : [];
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
