/**
 * Export of what the viewer shows, as CSV (fast-csv, like every CSV of yusuan) or XLSX (exceljs):
 * the documents list, search results, one table as printed, a document's findings. Amounts stay
 * text, exactly as printed: a spreadsheet must not turn 8.40 into 8.4.
 */
import ExcelJS from 'exceljs';
import type { Table } from '../../schemas/document.js';
import type { Finding } from '../../schemas/findings.js';
import { toCsv } from '../export/csv.js';
import type { DocSummary, SearchHit } from './catalog.js';

export interface Sheet {
  name: string;
  header: string[];
  rows: (string | number | undefined | null)[][];
}

export function documentsSheet(docs: DocSummary[]): Sheet {
  return {
    name: 'documents',
    header: ['org', 'year', 'kind', 'status', 'errors', 'warnings', 'info', 'tables', 'facts', 'name', 'folder'],
    rows: docs.map((d) => [d.org, d.year, d.kind, d.status, d.findings.error, d.findings.warning, d.findings.info, d.tables, d.facts, d.name, d.id]),
  };
}

export function searchSheet(hits: SearchHit[]): Sheet {
  return {
    name: 'search',
    header: ['match', 'org', 'year', 'kind', 'name', 'table', 'page', 'code', 'item', 'column', 'value', 'unit', 'rule', 'severity', 'message'],
    rows: hits.map((h) => [h.match, h.org, h.year, h.kind, h.name, h.tableTitle, h.page, h.code, h.item, h.column, h.value, h.unit, h.rule, h.severity, h.message]),
  };
}

/** A table as printed: its grid, header rows included, preceded by what identifies it. */
export function tableSheet(t: Table): Sheet {
  const width = Math.max(0, ...t.printed.map((r) => r.length));
  return {
    name: `table ${t.id}`,
    header: Array.from({ length: width }, (_, i) => `c${i + 1}`),
    rows: [
      [t.label ?? '', t.title],
      [t.unit ? `单位：${t.unit}` : '', `page ${t.pages.join(',')}`],
      ...t.printed.map((r) => r.map((c) => c.text)),
    ],
  };
}

export function findingsSheet(findings: readonly Finding[]): Sheet {
  return {
    name: 'findings',
    header: ['rule', 'severity', 'message_zh', 'table', 'page', 'row', 'code', 'item', 'column', 'sentence', 'expected', 'found', 'difference'],
    rows: findings.map((f) => [
      f.rule, f.severity, f.message.zh, f.where.table, f.where.page, f.where.row, f.where.code, f.where.item, f.where.column,
      f.where.sentence, f.expected, f.found, f.difference,
    ]),
  };
}

const cell = (v: string | number | undefined | null) => (v === undefined || v === null ? '' : v);

export async function sheetCsv(s: Sheet): Promise<string> {
  return toCsv(s.header, s.rows.map((r) => r.map((v) => String(cell(v)))));
}

export async function sheetXlsx(s: Sheet): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'yusuan';
  // sheet names may not hold []:*?/\ and are at most 31 characters
  const ws = wb.addWorksheet(s.name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31));
  ws.addRow(s.header);
  ws.getRow(1).font = { bold: true };
  // every value is written as text (numbers of counts stay numbers): the printed amounts keep their digits
  for (const r of s.rows) ws.addRow(r.map((v) => (typeof v === 'number' ? v : String(cell(v)))));
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
