/**
 * The identities of uncoded rows, defined once for the validator (src/validate/hierarchy.ts) and
 * for the confirmation of unsure OCR readings (src/confirm), per amount column:
 *   numbered:    a numbered row = Σ its numbered sub-list (一、财政拨款收入 = 1、一般公共预算 + 2、政府性基金预算 + …;
 *                in 三公 tables ③公务用车购置及运行费 = ①购置 + ②运行, the kind's named sub-items: cross.three-public)
 *   label depth: in an uncoded economic table a one-label class row = Σ the two-label item rows under it
 * A sub-list is a partition only when it is numbered or made of the sub-items the kind names;
 * unnumbered rows under a row and 其中 lists are parts, not a partition.
 */
import type { Row, Table } from '../../schemas/document.js';
import { kindDef } from '../../schemas/table-kinds.js';
import { blocks, twoSided } from './code-families.js';
import { hasMarkers, rowForest, walk } from './row-tree.js';
import { isTotalRow, nonEmptyLabels, runsBetweenTotals, subItemsOf } from './total-rows.js';

export interface RowFamily {
  rule: 'hierarchy.ordinal' | 'hierarchy.economic' | 'cross.three-public';
  parent: Row;
  children: Row[];
  /** what the parent is called in messages */
  zh: string;
  en: string;
}

/** Numbered rows with the rows of their sub-list (row-tree.ts). */
export function numberedFamilies(table: Table): RowFamily[] {
  if (twoSided(table)) return [];
  const out: RowFamily[] = [];
  const known = subItemsOf(table.kind);
  const threePublic = kindDef(table.kind).role === 'three_public';
  for (const rows of blocks(table).values()) {
    if (rows.some((r) => r.code) || (!hasMarkers(rows) && !known.length)) continue;
    for (const run of runsBetweenTotals(rows)) {
      for (const node of walk(rowForest(run, known))) {
        const kids = node.children;
        if (!kids.length) continue;
        const named = kids.every((k) => known.some(([child, parent]) => child.test(k.marker.text) && parent.test(node.marker.text)));
        const numbered = node.marker.style !== 'none' && kids.every((k) => k.marker.style !== 'none') && !kids.some((k) => k.marker.sub);
        if (!named && !numbered) continue;
        const rule = threePublic && /公务用车购置及运行/.test(node.marker.text) ? 'cross.three-public' : 'hierarchy.ordinal';
        out.push({ rule, parent: node.row, children: kids.map((k) => k.row), zh: `「${node.row.item}」`, en: `“${node.row.item}”` });
      }
    }
  }
  return out;
}

const ECONOMIC_KINDS = /basic_expenditure|economic/;

/** Uncoded economic tables (the seed's 基本支出分经济科目表): a one-label class row heads the two-label item rows under it. */
export function labelDepthFamilies(table: Table): RowFamily[] {
  if (!ECONOMIC_KINDS.test(table.kind) || twoSided(table)) return [];
  const rows = table.rows.filter((r) => !isTotalRow(r));
  if (!rows.length || rows.some((r) => r.code)) return [];
  if (nonEmptyLabels(rows[0]) !== 1 || !rows.some((r) => nonEmptyLabels(r) === 2)) return [];
  const out: RowFamily[] = [];
  for (let i = 0; i < rows.length; i++) {
    if (nonEmptyLabels(rows[i]) !== 1) continue;
    const kids: Row[] = [];
    for (let j = i + 1; j < rows.length && nonEmptyLabels(rows[j]) === 2; j++) kids.push(rows[j]);
    if (kids.length) out.push({ rule: 'hierarchy.economic', parent: rows[i], children: kids, zh: `类「${rows[i].item}」`, en: `class “${rows[i].item}”` });
  }
  return out;
}
