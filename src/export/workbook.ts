/**
 * document.xlsx: the document as a workbook for people who live in Excel or WPS (exceljs writes it).
 *
 *   目录        one row per table: its sheet, label, title, kind, unit, where it was printed
 *   one sheet per table, laid out as printed: label, title, then 部门 / 单位 / 页 above the grid;
 *               merged cells merged again; header rows bold and frozen; amounts as numbers with
 *               the decimals they were printed with (0.00, #,##0.00 when printed with separators)
 *   主要数字    the headline figures, when the document has them (doc.headlines)
 *   绩效目标    the 项目支出绩效目标表 records, one row per indicator (projects.csv)
 *   审核发现    the validation findings (findings.csv)
 *
 * exceljs is loaded on first use, from its single-file build: the package's main entry pulls in
 * its streaming reader and writer and ~200 modules (1.1 s to import in a fresh worker, measured;
 * its bare single-file build 0.2 s), which a worker would pay on its first document.
 *
 * Amounts are Excel numbers (doubles): exact for every amount a budget prints, but the exact
 * decimal strings stay in document.json and the CSVs.
 */
import { createRequire } from 'node:module';
import type ExcelJSTypes from 'exceljs';
import type { Document, Table } from '../../schemas/document.js';
import type { Checks } from '../../schemas/findings.js';
import { readCell } from '../core/amount.js';
import { FINDINGS_COLUMNS, findingRows } from './findings-csv.js';
import { HEADLINE_COLUMNS, headlineRows } from './headlines.js';
import { PROJECT_COLUMNS, projectRows } from './projects.js';

/** The fields of a headline figure (doc.headlines), in sheet order. */

/** Excel sheet names: at most 31 characters, none of []:*?/\, unique (case-insensitive). */
function sheetNamer() {
  const used = new Set<string>();
  return (wanted: string): string => {
    const base = wanted.replace(/[[\]:*?/\\]/g, '_').replace(/^'|'$/g, '').slice(0, 31) || 'Sheet';
    let name = base;
    for (let i = 2; used.has(name.toLowerCase()); i++) name = `${base.slice(0, 31 - String(i).length - 1)}~${i}`;
    used.add(name.toLowerCase());
    return name;
  };
}

function numberFormat(raw: string): string {
  const decimals = /\.(\d+)/.exec(raw)?.[1].length ?? 0;
  const frac = decimals ? `.${'0'.repeat(decimals)}` : '';
  return raw.includes(',') ? `#,##0${frac}` : `0${frac}`;
}

function where(t: Table): string {
  if (t.pages.length) return t.pages.length > 1 ? `第${t.pages[0]}–${t.pages[t.pages.length - 1]}页` : `第${t.pages[0]}页`;
  return t.cell ? `源：${t.cell}` : '';
}

function tableSheet(wb: ExcelJSTypes.Workbook, name: string, t: Table): void {
  const width = Math.max(1, ...t.printed.map((r) => r.length));
  const ws = wb.addWorksheet(name);
  const above: string[][] = [];
  if (t.label) above.push([t.label]);
  above.push([t.title || '(无标题)']);
  above.push([t.department ? `部门：${t.department}` : '', t.unit ? `单位：${t.unit}` : '', where(t)]);
  for (const [i, cells] of above.entries()) {
    const row = ws.getRow(i + 1);
    cells.forEach((text, c) => (row.getCell(c + 1).value = text));
  }
  const titleRow = t.label ? 2 : 1;
  if (width > 1) ws.mergeCells(titleRow, 1, titleRow, width);
  ws.getCell(titleRow, 1).font = { bold: true, size: 14 };
  ws.getCell(titleRow, 1).alignment = { horizontal: 'center' };

  const top = above.length + 1;
  const headerRows = t.quality.headerRows;
  const amountCols = new Set(t.columns.filter((c) => c.role === 'amount').map((c) => c.index));
  const border: Partial<ExcelJSTypes.Borders> = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };
  t.printed.forEach((cells, r) => {
    const row = ws.getRow(top + r);
    for (let c = 0; c < width; c++) {
      const cell = row.getCell(c + 1);
      cell.border = border;
      const p = cells[c];
      if (!p?.text) continue;
      const reading = r >= headerRows && amountCols.has(c) ? readCell(p.text) : undefined;
      if (reading?.kind === 'amount') {
        cell.value = Number(reading.value);
        cell.numFmt = numberFormat(p.text.trim());
      } else cell.value = p.text;
      if (r < headerRows) {
        cell.font = { bold: true };
        cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      }
    }
  });
  t.printed.forEach((cells, r) => {
    cells.forEach((p, c) => {
      const rows = Math.min(p.rowSpan ?? 1, t.printed.length - r);
      const cols = Math.min(p.colSpan ?? 1, width - c);
      if (rows > 1 || cols > 1) ws.mergeCells(top + r, c + 1, top + r + rows - 1, c + cols);
    });
  });
  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: top - 1 + headerRows }];
  for (let c = 1; c <= width; c++) ws.getColumn(c).width = amountCols.has(c - 1) ? 14 : c === 1 ? 28 : 18;
}

function recordSheet(wb: ExcelJSTypes.Workbook, name: string, columns: readonly string[], rows: unknown[][]): void {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.addRow([...columns]).font = { bold: true };
  for (const r of rows) ws.addRow(r.map((v) => (v === undefined || v === null ? '' : typeof v === 'object' ? JSON.stringify(v) : v)));
  columns.forEach((_, i) => (ws.getColumn(i + 1).width = 16));
}

type ExcelJS = typeof ExcelJSTypes;
let excel: ExcelJS | undefined;
function loadExcel(): ExcelJS {
  excel ??= createRequire(import.meta.url)('exceljs/dist/exceljs.bare.min.js') as ExcelJS;
  return excel;
}


export async function documentWorkbook(doc: Document, checks: Checks): Promise<Uint8Array> {
  const wb = new (loadExcel().Workbook)();
  wb.creator = 'yusuan';
  const name = sheetNamer();
  const index = wb.addWorksheet(name('目录'), { views: [{ state: 'frozen', ySplit: 1 }] });
  index.addRow(['sheet', 'table_no', 'table_title', 'table_kind', 'unit', 'where', 'rows']).font = { bold: true };
  for (const t of doc.tables) {
    const sheet = name(t.label || `表${t.id}`);
    index.addRow([sheet, t.label ?? '', t.title, t.kind, t.unit ?? '', where(t), t.rows.length]);
    tableSheet(wb, sheet, t);
  }
  [10, 14, 40, 24, 8, 16, 8].forEach((w, i) => (index.getColumn(i + 1).width = w));
  const headlines = headlineRows(doc);
  if (headlines.length) recordSheet(wb, name('主要数字'), [...HEADLINE_COLUMNS], headlines.map((h) => HEADLINE_COLUMNS.map((k) => h[k])));
  const projects = projectRows(doc);
  if (projects.length) recordSheet(wb, name('绩效目标'), PROJECT_COLUMNS, projects.map((p) => PROJECT_COLUMNS.map((k) => p[k])));
  recordSheet(wb, name('审核发现'), FINDINGS_COLUMNS, findingRows(checks));
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
