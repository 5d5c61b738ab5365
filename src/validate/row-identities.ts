/**
 * Row identities: within one row, a 合计 / 小计 / 总计 column equals the sum of its sibling columns
 * (which columns: src/identities/row-sums.ts, where they are defined once).
 */
import type { Document } from '../../schemas/document.js';
import type { Finding } from '../../schemas/findings.js';
import type { Dec } from '../core/decimal.js';
import { rowIdentities, rowIn } from '../identities/row-sums.js';
import { amountAt, hasAmounts, sumFinding, valueOf } from './tables.js';

export function checkRowIdentities(doc: Document): Finding[] {
  const out: Finding[] = [];
  for (const table of doc.tables) {
    if (table.empty || !hasAmounts(table)) continue;
    const ids = rowIdentities(table);
    for (const id of ids) {
      for (const row of table.rows) {
        if (!rowIn(id, row)) continue;
        const total = amountAt(row, id.total.index);
        if (!total) continue;
        const parts: Dec[] = [];
        const named: string[] = [];
        for (const s of id.summands) {
          for (const c of s.columns) {
            const v = valueOf(amountAt(row, c.index));
            if (v) parts.push(v);
          }
          named.push(s.name);
        }
        if (!parts.length) continue;
        const f = sumFinding({
          rule: id.rule,
          table,
          row,
          total,
          parts,
          whatZh: id.total.path.join(' / '),
          whatEn: id.total.path.join(' / '),
          partsZh: named.join(' + '),
          partsEn: named.join(' + '),
        });
        if (f) out.push(f);
      }
    }
  }
  return out;
}
