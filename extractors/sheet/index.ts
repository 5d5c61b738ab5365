/**
 * Spreadsheets (.xlsx, .xls, .ods) and CSV to the intermediate form, read with SheetJS
 * (@e965/xlsx: the maintained SheetJS 0.20 line, which reads the old binary .xls too).
 *
 * Every cell is taken as it shows: a number through its number format (8.4 formatted `0.00` is
 * `8.40`, as printed), a formula by its cached value. A formula without a cached value cannot be
 * shown: it is left blank and reported. Provenance is the sheet and cell (`公开05表!C7`); CSV cells
 * are named without a sheet (`C7`). Hidden sheets are not read (nobody sees them printed).
 */
import * as XLSX from '@e965/xlsx';
import type { Block, Diagnostic, SourceDocument } from '../../schemas/intermediate.js';
import { ExtractionError } from '../../src/core/errors.js';
import { normalizeChars } from '../../src/core/text.js';
import type { SourceInput } from '../source-input.js';
import { decodeText } from '../text/decode.js';
import { sheetBlocks, type SheetGrid } from './sheet-blocks.js';

export type SheetFormat = 'xlsx' | 'xls' | 'ods' | 'csv';

/** Sheet names as Excel quotes them in a reference: `'Sheet 1'!A1` when the name needs it. */
function refPrefix(name: string): string {
  return /^[\p{L}\p{N}_.]+$/u.test(name) ? `${name}!` : `'${name.replace(/'/g, "''")}'!`;
}

function cellText(cell: XLSX.CellObject): string | undefined {
  // a stub: an empty cell, or a formula saved without its value (sheetStubs keeps those)
  if (cell.t === 'z') return cell.f ? undefined : '';
  if (cell.w !== undefined) return cell.w;
  if (cell.v === undefined) return cell.f ? undefined : '';
  if (cell.t === 'n') return XLSX.SSF.format((cell.z as string | undefined) ?? 'General', cell.v as number);
  return String(cell.v);
}

function readSheet(ws: XLSX.WorkSheet, prefix: string, diagnostics: Diagnostic[]): SheetGrid {
  const ref = ws['!ref'];
  if (!ref) return { rows: [] };
  const range = XLSX.utils.decode_range(ref);
  const rows: SheetGrid['rows'] = [];
  for (let r = range.s.r; r <= range.e.r; r++) rows.push(new Array(range.e.c - range.s.c + 1).fill(undefined));
  const dense = (ws as { '!data'?: XLSX.CellObject[][] })['!data'];
  for (let r = range.s.r; r <= range.e.r; r++) {
    for (let c = range.s.c; c <= range.e.c; c++) {
      const addr = XLSX.utils.encode_cell({ r, c });
      const cell = dense ? dense[r]?.[c] : (ws[addr] as XLSX.CellObject | undefined);
      if (!cell) continue;
      const text = cellText(cell);
      if (text === undefined) {
        diagnostics.push({
          severity: 'warning',
          code: 'sheet.formula-without-value',
          message: `${prefix}${addr}: a formula (=${cell.f}) saved without its value: shown blank, not read (open and save the file in Excel, WPS or LibreOffice to store the values)`,
        });
      }
      rows[r - range.s.r][c - range.s.c] = { text: normalizeChars(text ?? ''), ref: `${prefix}${addr}` };
    }
  }
  for (const m of ws['!merges'] ?? []) {
    const r0 = m.s.r - range.s.r;
    const c0 = m.s.c - range.s.c;
    const origin = rows[r0]?.[c0];
    const colSpan = m.e.c - m.s.c + 1;
    const rowSpan = m.e.r - m.s.r + 1;
    rows[r0][c0] = { ...(origin && 'text' in origin ? origin : { text: '', ref: `${prefix}${XLSX.utils.encode_cell(m.s)}` }), colSpan, rowSpan };
    for (let r = r0; r < r0 + rowSpan; r++) {
      for (let c = c0; c < c0 + colSpan; c++) if ((r !== r0 || c !== c0) && rows[r]) rows[r][c] = { covered: { row: r0, col: c0 } };
    }
  }
  return { rows };
}

function workbookOf(input: SourceInput, format: SheetFormat): XLSX.WorkBook {
  try {
    if (format === 'csv') {
      // raw: every field stays the string it is (a code 2010101 or an amount 0.50 is not re-typed)
      return XLSX.read(decodeText(input.path, input.bytes).text.replace(/^\uFEFF/, ''), { type: 'string', raw: true, cellFormula: false, cellHTML: false });
    }
    return XLSX.read(input.bytes, { type: 'array', cellFormula: true, cellHTML: false, cellNF: true, cellStyles: false, sheetStubs: true });
  } catch (e) {
    if (e instanceof ExtractionError) throw e;
    throw new ExtractionError(input.path, 'corrupt', `cannot read the ${format} workbook: ${(e as Error).message}`, { cause: e });
  }
}

export function extractSpreadsheet(input: SourceInput, format: SheetFormat): SourceDocument {
  const wb = workbookOf(input, format);
  const diagnostics: Diagnostic[] = [];
  const blocks: Block[] = [];
  wb.SheetNames.forEach((name, i) => {
    if (wb.Workbook?.Sheets?.[i]?.Hidden) return;
    const sheet = readSheet(wb.Sheets[name], format === 'csv' ? '' : refPrefix(name), diagnostics);
    const own = sheetBlocks(sheet);
    if (!own.length) return;
    if (blocks.length) blocks.push({ type: 'pagebreak' });
    blocks.push(...own);
  });
  if (!blocks.some((b) => b.type !== 'pagebreak')) throw new ExtractionError(input.path, 'empty', `the ${format === 'csv' ? 'CSV file' : 'workbook'} has no filled cell`);
  return {
    source: { path: input.path, name: input.name, format, sha256: input.sha256, bytes: input.bytes.length },
    blocks,
    diagnostics,
  };
}
