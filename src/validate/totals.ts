/**
 * Totals: a 合计 / 总计 row equals the sum of the table's top-level rows (类-level codes, or the
 * 一、二、… rows, or the one-label class rows), per amount column; a later total (收入总计 after
 * 本年收入合计) equals the previous total plus the unnumbered rows between them (上年结转). In
 * side-by-side tables 收入总计 = 支出总计.
 */
import type { Document, Row, Table } from '../../schemas/document.js';
import type { Finding } from '../../schemas/findings.js';
import type { Dec } from '../core/decimal.js';
import { finding, placeEn, placeZh, whereCell } from './messages.js';
import { reconcile, show, showSigned, unitOf } from './rounding.js';
import { amountAt, blocks, codeKindOf, hasAmounts, isTotalRow, itemText, leaf, nonEmptyLabels, ordinalLevel, sumFinding, topLevel, twoSided, valueOf } from './tables.js';

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

const PERSONNEL_CLASSES = new Set(['301', '303']);

function checkBlock(table: Table, rows: Row[]): Finding[] {
  const out: Finding[] = [];
  const totals = rows.filter(isTotalRow);
  if (!totals.length) return out;
  const top = topLevel(rows, table.kind);
  if (!top || !top.rows.length) return out;
  // an unnumbered list with sub-totals or two-level labels nests rows: its top level is unknown
  if (top.kind === 'rows' && top.rows.some((r) => nonEmptyLabels(r) > 1 || /小计|其中/.test(r.item))) return out;
  if (top.kind === 'class-codes') {
    const codes = top.rows.map((r) => r.code);
    if (new Set(codes).size !== codes.length) return out; // a class code twice: schema.code-duplicate says why
    if (twoSided(table)) return out;
    const economic = top.rows.every((r) => codeKindOf(r) === 'economic');
    for (const t of totals) {
      const item = itemText(t);
      let parts = top.rows;
      let zh = `类级科目之和（${parts.map((r) => r.code).join(' + ')}）`;
      if (economic && /人员经费/.test(item)) parts = top.rows.filter((r) => PERSONNEL_CLASSES.has(r.code!));
      else if (economic && /公用经费/.test(item)) parts = top.rows.filter((r) => !PERSONNEL_CLASSES.has(r.code!));
      else if (!/^(合计|总计|本年支出合计|支出合计|本年收入合计|收入合计)$/.test(item)) continue;
      zh = `类级科目之和（${parts.map((r) => r.code).join(' + ')}）`;
      out.push(...check(table, t, parts, zh, `the sum of the 类 rows (${parts.map((r) => r.code).join(' + ')})`));
      break; // one grand total per coded block
    }
    return out;
  }
  // uncoded: walk the rows; the first total sums the top-level rows before it (or after it, when it heads the table)
  const idx = (r: Row) => rows.indexOf(r);
  let prevTotal: Row | undefined;
  for (const t of totals) {
    const at = idx(t);
    if (!prevTotal) {
      let parts = top.rows.filter((r) => idx(r) < at);
      let zhWhere = '上方';
      if (!parts.length && at === 0) {
        const next = totals.find((x) => idx(x) > at);
        parts = top.rows.filter((r) => idx(r) > at && (!next || idx(r) < idx(next)));
        zhWhere = '下方';
      }
      if (!parts.length) continue;
      if (top.kind === 'rows' && parts.some((r) => ordinalLevel(r) > 0)) parts = parts.filter((r) => ordinalLevel(r) === 0);
      const names = parts.map((r) => itemText(r)).slice(0, 6).join(' + ') + (parts.length > 6 ? ' + …' : '');
      out.push(...check(table, t, parts, `${zhWhere}一级行之和（${names}）`, `the sum of the top-level rows (${names})`));
      prevTotal = t;
      continue;
    }
    // a later total: previous total + the rows between (unnumbered ones; numbered ones when there are none)
    const between = rows.slice(idx(prevTotal) + 1, at).filter((r) => !isTotalRow(r));
    const unnumbered = between.filter((r) => ordinalLevel(r) === 0);
    const topBetween = between.filter((r) => top.rows.includes(r));
    const parts = [prevTotal, ...(unnumbered.length ? unnumbered : topBetween)];
    const names = parts.map((r) => itemText(r)).join(' + ');
    out.push(...check(table, t, parts, `${names}`, names));
    prevTotal = t;
  }
  return out;
}

function balance(table: Table): Finding[] {
  const b = blocks(table);
  const inc = (b.get('收入') ?? []).filter((r) => isTotalRow(r) && /总计$/.test(itemText(r)));
  const exp = (b.get('支出') ?? []).filter((r) => isTotalRow(r) && /总计$/.test(itemText(r)));
  if (!inc.length || !exp.length) return [];
  const i = inc[inc.length - 1];
  const e = exp[exp.length - 1];
  const ia = i.amounts[0];
  const ea = e.amounts.find((a) => /合计|小计|总计/.test(leaf(a.path))) ?? e.amounts[0];
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
