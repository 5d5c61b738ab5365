/**
 * Hierarchy: a parent subject equals the sum of its children, per amount column (which rows:
 * src/identities/code-families.ts and numbered-rows.ts, where they are defined once).
 *   functional: 类 (3 digits) = Σ 款 (5), 款 = Σ 项 (7)
 *   economic:   类 (3) = Σ 款 (5); in uncoded economic tables a one-label class row = Σ the two-label item rows under it
 *   ordinal:    a numbered row = Σ its numbered sub-list (e.g. 一、财政拨款收入 = 1、一般公共预算 + 2、政府性基金预算 + …;
 *               in 三公 tables 公务用车购置及运行费 = 购置 + 运行, reported as cross.three-public)
 */
import type { Document, Row, Table } from '../../schemas/document.js';
import type { Finding } from '../../schemas/findings.js';
import type { Dec } from '../core/decimal.js';
import { hasAmounts, sumFinding, valueOf } from './tables.js';
import { codeFamilies, twoSided } from '../identities/code-families.js';
import { labelDepthFamilies, numberedFamilies } from '../identities/numbered-rows.js';

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

function rowFamilies(table: Table): Finding[] {
  return [...labelDepthFamilies(table), ...numberedFamilies(table)].flatMap((f) => checkFamily(f.rule, table, f.parent, f.children, f.zh, f.en));
}

export function checkHierarchy(doc: Document): Finding[] {
  const out: Finding[] = [];
  for (const t of doc.tables) {
    // forms (绩效目标表) carry no rows: their figures are in the project records
    if (t.empty || !hasAmounts(t)) continue;
    if (twoSided(t)) continue;
    out.push(...coded(t), ...rowFamilies(t));
  }
  return out;
}
