/**
 * Body rows to typed rows: subject code (concatenated or from 类/款/项 columns), level and parent,
 * ordinal, labels, total/subtotal, and the exact amounts with provenance. A cell of an amount
 * column that is not a number is reported, not read.
 */
import type { Column, Row, Amount } from '../../schemas/document.js';
import type { Diagnostic } from '../../schemas/intermediate.js';
import { cleanText } from '../util/text.js';
import { readCell, toYuan, type Unit } from './amount.js';
import type { HeaderLayout } from './header.js';
import { codeKind, codeLevel, isCode, parentCode, splitLeadingCode, splitOrdinal, totalKind } from './labels.js';
import type { Matrix } from './matrix.js';

export interface RowsResult {
  rows: Row[];
  unreadCells: number;
  diagnostics: Diagnostic[];
}

export function interpretRows(m: Matrix, h: HeaderLayout, columns: Column[], unit: Unit | undefined, tableName: string): RowsResult {
  const rows: Row[] = [];
  const diagnostics: Diagnostic[] = [];
  let unreadCells = 0;
  const parts: (number | undefined)[] = h.split === undefined ? [undefined] : [0, 1];
  // split codes print 类 once and leave it blank below: carry the last seen parts down
  const carried = new Map<number | undefined, { 类?: string; 款?: string }>();
  let index = 0;
  for (let r = 0; r < m.rows.length; r++) {
    if (h.skipRows.has(r)) continue;
    const cells = m.rows[r];
    if (cells.every((c) => !c.text.trim())) continue;
    index++;
    for (const part of parts) {
      const cols = columns.filter((c) => c.part === part);
      const block = cols[0]?.block;
      const labels: string[] = [];
      let code: string | undefined;
      const parts: Partial<Record<'类' | '款' | '项', string>> = {};
      const padded: string[] = [];
      for (const col of cols) {
        const t = cleanText(cells[col.index].text);
        if (!t) continue;
        if (col.role === 'code' && isCode(t)) code = t.replace(/\s+/g, '');
        else if (col.role === 'code-part' && /^\d{2,3}$/.test(t)) parts[col.codePart!] = t;
        else if (col.role === 'code-part' && col.codePart !== '类' && /^\d$/.test(t)) {
          // a 款/项 printed with one digit (301 | 2 | 津贴补贴) is the two-digit part without its 0
          parts[col.codePart!] = `0${t}`;
          padded.push(`${col.codePart} "${t}"`);
        }
        else if (col.role === 'code-part' && /^(类|款|项)$/.test(t)) continue; // a header cell sharing the row
        else if (col.role === 'label' || col.role === 'code' || col.role === 'code-part') {
          labels.push(t);
        }
      }
      if (parts.类 || parts.款 || parts.项) {
        const carry = { ...(carried.get(part) ?? {}) };
        if (parts.类) {
          carry.类 = parts.类;
          carry.款 = undefined;
        }
        if (parts.款) carry.款 = parts.款;
        carried.set(part, carry);
        const kuan = parts.款 ?? (parts.项 ? carry.款 : undefined);
        const joined = `${carry.类 ?? ''}${kuan ?? ''}${parts.项 ?? ''}`;
        code = isCode(joined) ? joined : undefined;
      }
      if (padded.length && code) {
        const cell = cells[cols.find((c) => c.role === 'code-part')?.index ?? 0];
        diagnostics.push({
          severity: 'info',
          code: 'code.padded',
          message: `${tableName}: row ${index}: ${padded.join(', ')} printed with one digit, read as ${code}`,
          ...(cell?.page ? { page: cell.page } : {}),
          ...(cell?.bbox ? { bbox: cell.bbox } : {}),
        });
      }
      if (!code && labels.length) {
        const lead = splitLeadingCode(labels[0]);
        if (lead.code) {
          code = lead.code;
          labels[0] = lead.rest;
        }
      }
      const amounts: Amount[] = [];
      for (const col of cols) {
        if (col.role !== 'amount') continue;
        const cell = cells[col.index];
        if (cell.coveredBy) continue;
        const reading = readCell(cell.text);
        if (reading.kind === 'blank') continue;
        const path = col.path.join(' / ');
        if (!col.path.length && h.headerRows.length) {
          // a number beyond the header's columns: a ragged row; its column is unknown, so no fact
          unreadCells++;
          diagnostics.push({
            severity: 'warning',
            code: 'cell.outside-header',
            message: `${tableName}: row ${index}: "${cell.text.trim()}" stands in a column with no header (ragged row); not emitted`,
            ...(cell.page ? { page: cell.page } : {}),
            ...(cell.bbox ? { bbox: cell.bbox } : {}),
          });
          continue;
        }
        if (reading.kind === 'text') {
          unreadCells++;
          diagnostics.push({
            severity: 'warning',
            code: 'cell.unreadable',
            message: `${tableName}: row ${index}, column "${path}": "${reading.text}" is not an amount; not emitted`,
            ...(cell.page ? { page: cell.page } : {}),
            ...(cell.bbox ? { bbox: cell.bbox } : {}),
          });
          continue;
        }
        const yuan = toYuan(reading.value, unit);
        amounts.push({
          column: col.index,
          path,
          raw: cell.text.trim(),
          value: reading.value,
          ...(yuan !== undefined ? { yuan } : {}),
          ...(cell.page ? { page: cell.page } : {}),
          ...(cell.bbox ? { bbox: cell.bbox } : {}),
          ...(cell.ocr !== undefined ? { ocr: cell.ocr } : {}),
        });
      }
      if (!labels.length && !code && !amounts.length) continue;
      const { ordinal } = labels.length ? splitOrdinal(labels[0]) : {};
      const kind = labels.map(totalKind).find(Boolean) ?? 'data';
      const first = cols.map((c) => cells[c.index]).find((c) => c.text.trim());
      rows.push({
        index,
        ...(block ? { block } : {}),
        ...(part !== undefined ? { part } : {}),
        kind,
        ...(code ? { code, codeKind: codeKind(code), ...(codeLevel(code) ? { level: codeLevel(code) } : {}) } : {}),
        ...(code && parentCode(code) ? { parentCode: parentCode(code) } : {}),
        ...(ordinal ? { ordinal } : {}),
        labels,
        item: labels.join(' / '),
        amounts,
        ...(first?.page ? { page: first.page } : {}),
        ...(first?.bbox ? { bbox: first.bbox } : {}),
      });
    }
  }
  return { rows, unreadCells, diagnostics };
}
