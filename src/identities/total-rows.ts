/**
 * Total rows, defined once for the validator (src/validate/totals.ts) and for the confirmation of
 * unsure OCR readings (src/confirm): which rows are totals, the top level of a block (类-level
 * codes, the roots of the numbered hierarchy, one-label class rows, or every data row), and so
 * which rows each total row is the sum of, per amount column:
 *   a 合计 / 总计 row = Σ the top-level rows (before it, or after it when it heads the table);
 *   a later total (收入总计 after 本年收入合计) = the previous total + the rows between them (上年结转);
 *   in an economic table, 人员经费 = Σ 301 + 303 and 公用经费 = Σ the other classes.
 * A project table (project_expenditure) has its own sums (src/validate/project-groups.ts).
 */
import type { Row, Table } from '../../schemas/document.js';
import { kindDef } from '../../schemas/table-kinds.js';
import { blocks, codeKindOf, twoSided } from './code-families.js';
import { hasMarkers, rowForest } from './row-tree.js';

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

const PERSONNEL_CLASSES = new Set(['301', '303']);

function blockFamilies(table: Table, rows: Row[]): TotalFamily[] {
  const out: TotalFamily[] = [];
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
      out.push({ total: t, parts, zh, en: `the sum of the 类 rows (${parts.map((r) => r.code).join(' + ')})` });
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
      out.push({ total: t, parts, zh: `${zhWhere}一级行之和（${names}）`, en: `the sum of the top-level rows (${names})` });
      prevTotal = t;
      continue;
    }
    // a later total: previous total + the rows between (unnumbered ones; numbered ones when there are none)
    const between = rows.slice(idx(prevTotal) + 1, at).filter((r) => !isTotalRow(r));
    const unnumbered = between.filter((r) => ordinalLevel(r) === 0);
    const topBetween = between.filter((r) => top.rows.includes(r));
    const parts = [prevTotal, ...(unnumbered.length ? unnumbered : topBetween)];
    const names = parts.map((r) => itemText(r)).join(' + ');
    out.push({ total: t, parts, zh: names, en: names });
    prevTotal = t;
  }
  return out;
}

/** A total row and the rows it sums, with how the parts are described (zh, en) for messages. */
export interface TotalFamily {
  total: Row;
  parts: Row[];
  zh: string;
  en: string;
}

/** The total-row families of one block of rows (of `blocks(table)`), or of every block of the table. */
export function totalRowFamilies(table: Table, rows?: Row[]): TotalFamily[] {
  if (/project_expenditure/.test(table.kind)) return [];
  if (!rows) return [...blocks(table).values()].flatMap((b) => blockFamilies(table, b));
  return blockFamilies(table, rows);
}
