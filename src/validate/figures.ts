/**
 * Table figures addressed by meaning (the 合计 of a table's total row, the 项目支出 of 支出总表, …),
 * in 元, and the comparison of two such figures across tables or against the narrative.
 */
import type { Amount, Document, Row, Table, Unit } from '../../schemas/document.js';
import type { Finding } from '../../schemas/findings.js';
import { kindDef, kindsOf, type Scope, type TableRole } from '../../schemas/table-kinds.js';
import type { Dec } from '../core/decimal.js';
import { abs, cmp, sub } from '../core/decimal.js';
import { finding, placeEn, placeZh, whereCell, type Where } from './messages.js';
import { show, showSigned, sumOf, toYuan, unitInYuan } from './rounding.js';
import { valueOf } from './tables.js';
import { blocks } from '../identities/code-families.js';
import { topLevel } from '../identities/total-rows.js';
import { grandTotalCell, grandTotalRow } from '../identities/cross-totals.js';
import { leaf } from '../util/column-path.js';

export interface Fig {
  /** printed value in the table's unit */
  printed: Dec;
  unit?: Unit;
  /** the same in 元, exactly */
  yuan: Dec;
  where: Where;
  /** e.g. 「2024年预算支出总表」合计行「基本支出」 */
  label: string;
}

export function figOf(table: Table, row: Row | undefined, amount: Amount | undefined, value: Dec, label: string): Fig {
  return { printed: value, unit: table.unit, yuan: toYuan(value, table.unit), where: whereCell(table, row, amount), label };
}

/** The kinds of a role in the registry (every economic-class table, 预算 and 决算), as a pattern for tablesOf. */
export function roleKinds(role: TableRole, scopes?: Scope[]): RegExp {
  return new RegExp(`^(${kindsOf(role).filter((k) => !scopes || scopes.includes(kindDef(k).scope)).join('|')})$`);
}

export function tablesOf(doc: Document, kind: RegExp): Table[] {
  return doc.tables.filter((t) => kind.test(t.kind) && !t.empty && t.rows.some((r) => r.amounts.length));
}

/**
 * The grand total of a table in the column whose leaf matches: the total row (the last 总计, else
 * the first 合计) or, without one, the sum of the top-level rows.
 */
export function grandTotal(table: Table, column: RegExp, opts: { block?: string; item?: RegExp } = {}): Fig | undefined {
  const rows = opts.block !== undefined ? (blocks(table).get(opts.block) ?? []) : table.rows;
  const pick = grandTotalRow(rows, opts.item);
  if (pick) {
    const a = grandTotalCell(pick, column, (r) => r.amounts);
    const v = valueOf(a);
    if (a && v) return figOf(table, pick, a, v, `「${table.title}」「${pick.item}」行「${a.path}」`);
    return undefined;
  }
  if (opts.item) return undefined;
  const top = topLevel(rows);
  if (!top || top.kind !== 'class-codes' || !top.rows.length) return undefined;
  const vals: Dec[] = [];
  let path = '';
  for (const r of top.rows) {
    const a = r.amounts.find((x) => column.test(leaf(x.path)));
    const v = valueOf(a);
    if (v) {
      vals.push(v);
      path = a!.path;
    }
  }
  if (!vals.length) return undefined;
  return figOf(table, undefined, undefined, sumOf(vals), `「${table.title}」类级科目之和「${path}」`);
}

export type Compared = { kind: 'equal' | 'rounding' | 'mismatch'; diff: Dec; tolerance: Dec };

/** Compare two figures in 元, allowing one unit of the coarser printed precision. */
export function compareFigs(a: Fig, b: Fig): Compared {
  const diff = sub(a.yuan, b.yuan);
  const ta = unitInYuan(a.printed, a.unit);
  const tb = unitInYuan(b.printed, b.unit);
  const tolerance = cmp(ta, tb) >= 0 ? ta : tb;
  if (diff.units === 0n) return { kind: 'equal', diff, tolerance };
  return { kind: cmp(abs(diff), tolerance) <= 0 ? 'rounding' : 'mismatch', diff, tolerance };
}

const inUnit = (f: Fig) => `${show(f.printed)}${f.unit ?? ''}`;

/**
 * Figure `a` must equal one of `bs` (the first is the one named when none matches). A finding at
 * `a`, or undefined when it agrees.
 */
export function agreeFinding(rule: string, a: Fig, bs: Fig[], zh: string, en: string, severity: 'error' | 'warning' | 'info' = 'error'): Finding | undefined {
  if (!bs.length) return undefined;
  const results = bs.map((b) => ({ b, c: compareFigs(a, b) }));
  if (results.some((r) => r.c.kind === 'equal')) return undefined;
  const round = results.find((r) => r.c.kind === 'rounding');
  const { b, c } = round ?? results.sort((x, y) => cmp(abs(x.c.diff), abs(y.c.diff)))[0];
  const sev = c.kind === 'rounding' ? 'info' : severity;
  const diffYuan = `${showSigned(c.diff)}元`;
  const rest = bs.filter((x) => x !== b && cmp(x.yuan, b.yuan) !== 0);
  const others = rest.length ? `（亦不等于 ${rest.map((x) => `${x.label} ${inUnit(x)}`).join('、')}）` : '';
  const othersEn = rest.length ? ` (nor ${rest.map((x) => `${x.label} ${inUnit(x)}`).join(', ')})` : '';
  const within = c.kind === 'rounding' ? `，在印刷精度允许的舍入误差 ±${show(c.tolerance)}元 之内` : '';
  const withinEn = c.kind === 'rounding' ? `, within the rounding the printed precision allows (±${show(c.tolerance)} 元)` : '';
  return finding(
    rule,
    sev,
    a.where,
    `${placeZh(a.where)}：${zh}：${a.label} ${inUnit(a)} ≠ ${b.label} ${inUnit(b)}，差额 ${diffYuan}${others}${within}`,
    `${placeEn(a.where)}: ${en}: ${a.label} ${inUnit(a)} ≠ ${b.label} ${inUnit(b)}, difference ${show(c.diff)} 元${othersEn}${withinEn}`,
    { expected: inUnit(b), found: inUnit(a), difference: diffYuan },
  );
}
