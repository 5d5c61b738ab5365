/**
 * Hierarchy: a parent subject equals the sum of its children, per amount column.
 *   functional: 类 (3 digits) = Σ 款 (5), 款 = Σ 项 (7)
 *   economic:   类 (3) = Σ 款 (5); in uncoded economic tables a one-label class row = Σ the two-label item rows under it
 *   ordinal:    a numbered row = Σ its numbered sub-list (e.g. 一、财政拨款收入 = 1、一般公共预算 + 2、政府性基金预算 + …;
 *               in 三公 tables 公务用车购置及运行费 = 购置 + 运行, reported as cross.three-public)
 */
import type { Document, Row, Table } from '../../schemas/document.js';
import type { Finding } from '../../schemas/findings.js';
import type { Dec } from '../core/decimal.js';
import { kindDef } from '../../schemas/table-kinds.js';
import { hasMarkers, rowForest, walk } from '../identities/row-tree.js';
import { hasAmounts, sumFinding, valueOf } from './tables.js';
import { blocks, codeFamilies, twoSided } from '../identities/code-families.js';
import { isTotalRow, nonEmptyLabels, runsBetweenTotals, subItemsOf } from '../identities/total-rows.js';

function amountColumns(rows: Row[]): Map<number, string> {
  const cols = new Map<number, string>();
  for (const r of rows) for (const a of r.amounts) if (!cols.has(a.column)) cols.set(a.column, a.path);
  return cols;
}

/** parent = Σ children for every amount column in which a child is printed. */
function checkFamily(rule: string, table: Table, parent: Row, children: Row[], labelZh: string, labelEn: string): Finding[] {
  const out: Finding[] = [];
  const cols = amountColumns([parent, ...children]);
  for (const [col, path] of cols) {
    const parts: Dec[] = [];
    for (const c of children) {
      const v = valueOf(c.amounts.find((a) => a.column === col));
      if (v) parts.push(v);
    }
    if (!parts.length) continue;
    const total = parent.amounts.find((a) => a.column === col);
    // a blank parent over printed children: more often a cell the extraction missed than a document error
    if (!total) continue;
    void path;
    const f = sumFinding({
      rule,
      table,
      row: parent,
      total,
      parts,
      whatZh: labelZh,
      whatEn: labelEn,
      partsZh: `下级合计（${children.map((c) => c.code ?? c.item).join(' + ')}）`,
      partsEn: `the sum of its children (${children.map((c) => c.code ?? c.item).join(' + ')})`,
    });
    if (f) out.push(f);
  }
  return out;
}

function coded(table: Table): Finding[] {
  return codeFamilies(table).flatMap((f) => checkFamily(f.rule, table, f.parent, f.children, `${f.level} ${f.parent.code}`, `${f.level} ${f.parent.code}`));
}

const ECONOMIC_KINDS = /basic_expenditure|economic/;

/** Uncoded economic tables (the seed's 基本支出分经济科目表): a one-label class row heads the two-label item rows under it. */
function labelDepth(table: Table): Finding[] {
  if (!ECONOMIC_KINDS.test(table.kind)) return [];
  const rows = table.rows.filter((r) => !isTotalRow(r));
  if (!rows.length || rows.some((r) => r.code)) return [];
  if (nonEmptyLabels(rows[0]) !== 1 || !rows.some((r) => nonEmptyLabels(r) === 2)) return [];
  const out: Finding[] = [];
  for (let i = 0; i < rows.length; i++) {
    if (nonEmptyLabels(rows[i]) !== 1) continue;
    const kids: Row[] = [];
    for (let j = i + 1; j < rows.length && nonEmptyLabels(rows[j]) === 2; j++) kids.push(rows[j]);
    if (kids.length) out.push(...checkFamily('hierarchy.economic', table, rows[i], kids, `类「${rows[i].item}」`, `class “${rows[i].item}”`));
  }
  return out;
}

/**
 * Numbered rows with the rows of their sub-list (row-tree.ts): 一、 = Σ 1、2、…, ③公务用车购置及运行费
 * = Σ its ①购置 ②运行. A sub-list is checked when it is numbered or made of the sub-items the
 * kind names; unnumbered rows under a row and 其中 lists of other items are parts, not a partition.
 */
function ordinals(table: Table): Finding[] {
  const out: Finding[] = [];
  const known = subItemsOf(table.kind);
  const threePublic = kindDef(table.kind).role === 'three_public';
  for (const rows of blocks(table).values()) {
    if (rows.some((r) => r.code) || (!hasMarkers(rows) && !known.length)) continue;
    for (const run of runsBetweenTotals(rows)) {
      for (const node of walk(rowForest(run, known))) {
        const kids = node.children;
        if (!kids.length || !node.row.amounts.length) continue;
        const named = kids.every((k) => known.some(([child, parent]) => child.test(k.marker.text) && parent.test(node.marker.text)));
        const numbered = node.marker.style !== 'none' && kids.every((k) => k.marker.style !== 'none') && !kids.some((k) => k.marker.sub);
        if (!named && !numbered) continue;
        const rule = threePublic && /公务用车购置及运行/.test(node.marker.text) ? 'cross.three-public' : 'hierarchy.ordinal';
        out.push(...checkFamily(rule, table, node.row, kids.map((k) => k.row), `「${node.row.item}」`, `“${node.row.item}”`));
      }
    }
  }
  return out;
}

export function checkHierarchy(doc: Document): Finding[] {
  const out: Finding[] = [];
  for (const t of doc.tables) {
    // forms (绩效目标表) carry no rows: their figures are in the project records
    if (t.empty || !hasAmounts(t)) continue;
    if (twoSided(t)) continue;
    out.push(...coded(t), ...labelDepth(t), ...ordinals(t));
  }
  return out;
}
