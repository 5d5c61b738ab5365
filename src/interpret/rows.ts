/**
 * Body rows to typed rows: subject code (concatenated or from 类/款/项 columns), level and parent,
 * ordinal, labels, total/subtotal, and the exact amounts with provenance. A cell of an amount
 * column that is not a number is reported, not read.
 */
import { provenanceOf } from './provenance.js';
import type { Column, Row, Amount } from '../../schemas/document.js';
import type { Diagnostic } from '../../schemas/intermediate.js';
import { isMoneyPath } from '../util/money-column.js';
import { cleanText } from '../core/text.js';
import { readCell, toYuan, type Unit } from '../core/amount.js';
import type { HeaderLayout } from './header.js';
import { codeKind, codeLevel, isCode, parentCode, splitLeadingCode, splitOrdinal, totalKind } from './labels.js';
import type { Matrix } from './matrix.js';
import { withheldReading } from './withheld.js';

export interface RowsResult {
  rows: Row[];
  unreadCells: number;
  diagnostics: Diagnostic[];
}

export function interpretRows(m: Matrix, h: HeaderLayout, columns: Column[], unit: Unit | undefined, tableName: string): RowsResult {
  const rows: Row[] = [];
  const diagnostics: Diagnostic[] = [];
  let unreadCells = 0;
  // one pass per block: the halves of a side-by-side table, three for 收入 | 功能分类 | 支出用途
  const blockParts: (number | undefined)[] = h.split === undefined ? [undefined] : [...new Set(columns.map((c) => c.part))];
  const peelCodes = codesInLabels(m, h, columns);
  // split codes print 类 once and leave it blank below: carry the last seen parts down
  const carried = new Map<number | undefined, { 类?: string; 款?: string }>();
  let index = 0;
  for (let r = 0; r < m.rows.length; r++) {
    if (h.skipRows.has(r)) continue;
    const cells = m.rows[r];
    if (cells.every((c) => !c.text.trim())) continue;
    index++;
    for (const part of blockParts) {
      const cols = columns.filter((c) => c.part === part);
      const block = cols[0]?.block;
      const labels: string[] = [];
      let code: string | undefined;
      const parts: Partial<Record<'类' | '款' | '项', string>> = {};
      const padded: string[] = [];
      const misprinted: string[] = [];
      for (const col of cols) {
        const t = col.role === 'label' ? labelText(m, h, r, col, cols) : cleanText(cells[col.index].text);
        if (!t) continue;
        if (col.role === 'code' && isCode(t)) code = t.replace(/\s+/g, '');
        else if (col.role === 'code-part' && /^\d{2,3}$/.test(t)) parts[col.codePart!] = t;
        else if (col.role === 'code-part' && col.codePart !== '类' && /^\d$/.test(t)) {
          // a 款/项 printed with one digit (301 | 2 | 津贴补贴) is the two-digit part without its 0
          parts[col.codePart!] = `0${t}`;
          padded.push(`${col.codePart} "${t}"`);
        }
        else if (col.role === 'code-part' && /^(类|款|项)$/.test(t)) continue; // a header cell sharing the row
        // digits that are no 类/款/项 (普陀区社会福利院 2024 prints 类 210 as `7`): a misprinted code, not a label
        else if (col.role === 'code-part' && /^\d+$/.test(t)) misprinted.push(`${col.codePart} "${t}"`);
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
          ...provenanceOf(cell),
        });
      }
      if (misprinted.length) {
        const cell = cells[cols.find((c) => c.role === 'code-part')?.index ?? 0];
        diagnostics.push({
          severity: 'warning',
          code: 'code.misprinted',
          message: `${tableName}: row ${index}: ${misprinted.join(', ')} is not a subject code part${code ? `; code read as ${code} from the rows above` : '; no code read'}`,
          ...(cell?.page ? { page: cell.page } : {}),
          ...(cell?.bbox ? { bbox: cell.bbox } : {}),
        });
      }
      if (!code && labels.length && peelCodes) {
        const lead = splitLeadingCode(labels[0]);
        if (lead.code) {
          code = lead.code;
          labels[0] = lead.rest;
        }
      }
      const amounts: Amount[] = [];
      const withheld: NonNullable<Row['withheld']> = [];
      for (const col of cols) {
        if (col.role !== 'amount') continue;
        const cell = cells[col.index];
        if (cell.coveredBy) continue;
        const reading = readCell(cell.text);
        const path = col.path.join(' / ');
        const unsure = col.path.length ? withheldReading(cell) : undefined;
        if (unsure) withheld.push({ column: col.index, path, ...unsure });
        if (reading.kind === 'blank') continue;
        if (!col.path.length && h.headerRows.length) {
          // a number beyond the header's columns: a ragged row; its column is unknown, so no fact
          unreadCells++;
          diagnostics.push({
            severity: 'warning',
            code: 'cell.outside-header',
            message: `${tableName}: row ${index}: "${cell.text.trim()}" stands in a column with no header (ragged row); not emitted`,
            ...provenanceOf(cell),
          });
          continue;
        }
        if (reading.kind === 'text') {
          unreadCells++;
          diagnostics.push({
            severity: 'warning',
            code: 'cell.unreadable',
            message: `${tableName}: row ${index}, column "${path}": "${reading.text}" is not an amount; not emitted`,
            ...provenanceOf(cell),
          });
          continue;
        }
        // a column that is not money (增减%, 人数) has no 元 value
        const yuan = isMoneyPath(path) ? toYuan(reading.value, unit) : undefined;
        amounts.push({
          column: col.index,
          path,
          raw: cell.text.trim(),
          value: reading.value,
          ...(yuan !== undefined ? { yuan } : {}),
          ...provenanceOf(cell),
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
        ...(withheld.length ? { withheld } : {}),
        ...provenanceOf(first),
      });
    }
  }
  return { rows, unreadCells, diagnostics };
}

/**
 * A label column's text on row r. A position covered by a merged cell shows that cell's text when
 * the cell is a group label above (一般公共预算资金 over 小计 | 公共财政拨款（补助）资金) or a label
 * that runs in from another block's label column (当年支出小计 over 功能分类 and 支出用途); a merge
 * within the block's own label columns was read at its origin.
 */
function labelText(m: Matrix, h: HeaderLayout, r: number, col: Column, cols: Column[]): string {
  const cell = m.rows[r][col.index];
  const at = cell.coveredBy;
  if (!at) return cleanText(cell.text);
  if (h.skipRows.has(at.row)) return '';
  if (at.row === r && cols.some((c) => c.index === at.col)) return '';
  if (at.row < r && at.col !== col.index) return ''; // read at the group's own first column
  return cleanText(m.rows[at.row][at.col].text);
}

/**
 * Codes are peeled off the front of a label (2013101 行政运行) only in a table that has a code
 * column or whose label column prints codes that way on most rows: a project named after a
 * number (12315投诉举报处置经费) is a name, not code 12315.
 */
function codesInLabels(m: Matrix, h: HeaderLayout, columns: Column[]): boolean {
  if (columns.some((c) => c.role === 'code' || c.role === 'code-part')) return true;
  let led = 0;
  let all = 0;
  for (const col of columns.filter((c) => c.role === 'label')) {
    for (let r = 0; r < m.rows.length; r++) {
      if (h.skipRows.has(r)) continue;
      const t = cleanText(m.rows[r][col.index].text);
      if (!t || totalKind(t)) continue;
      all++;
      if (splitLeadingCode(t).code) led++;
    }
  }
  return all > 0 && led * 2 >= all;
}
