/**
 * 绩效目标表 funds: in each period the 资金总额 equals the sum of its sources (the identity is
 * defined in src/identities/project-funds.ts, which the confirmation of OCR readings reads too).
 */
import type { Document } from '../../schemas/document.js';
import type { Finding } from '../../schemas/findings.js';
import { dec, isDecimal } from '../core/decimal.js';
import { projectFundIdentities } from '../identities/project-funds.js';
import { finding, placeEn, placeZh, type Where } from './messages.js';
import { reconcile, show, showSigned, sumOf, unitOf } from './rounding.js';

export function checkProjectFunds(doc: Document): Finding[] {
  const out: Finding[] = [];
  for (const p of doc.projects) {
    const table = doc.tables.find((t) => t.id === p.tableId);
    for (const id of projectFundIdentities(p.fundCells)) {
      if (![id.total, ...id.parts].every((c) => isDecimal(c.value))) continue;
      const found = dec(id.total.value);
      const parts = id.parts.map((c) => dec(c.value));
      const expected = sumOf(parts);
      const v = reconcile(found, expected, parts.length, unitOf(p.fundsUnit, [found, ...parts]));
      if (v.kind === 'equal') continue;
      const where: Where = {
        tableId: p.tableId,
        table: table?.title ?? '项目支出绩效目标表',
        ...(id.total.page ? { page: id.total.page } : {}),
        item: `${p.name} / ${id.total.label}`,
        column: `${id.period}资金`,
        ...(id.total.bbox ? { bbox: id.total.bbox } : {}),
      };
      const names = id.parts.map((c) => c.label.replace(/^其中[:：]/, '')).join(' + ');
      const u = p.fundsUnit ?? '';
      out.push(
        finding(
          id.rule,
          v.kind === 'rounding' ? 'info' : 'error',
          where,
          `${placeZh(where)}：${id.total.label} ${show(found)}${u} ≠ ${names} ${show(expected)}${u}，差额 ${showSigned(v.diff)}${u}`,
          `${placeEn(where)}: ${id.total.label} ${show(found)} ${u} ≠ ${names} ${show(expected)} ${u}, difference ${showSigned(v.diff)}`,
          { expected: show(expected), found: show(found), difference: showSigned(v.diff) },
        ),
      );
    }
  }
  return out;
}
