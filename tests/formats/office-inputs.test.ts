/**
 * Spreadsheet, CSV and Word inputs (issue 12): the office samples give the facts of the PDF of the
 * same document (tests/samples.test.ts checks them fact by fact; here score.py scores them against
 * the truth when ../shared is there), cells are named as Excel names them, number formats decide
 * the printed decimals, formulas are read by their cached values, and a legacy .doc is refused
 * with the fix.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import * as XLSX from '@e965/xlsx';
import { afterAll, describe, expect, it } from 'vitest';
import { FACT_COLUMNS } from '../../schemas/document.js';
import { recordsToCsv } from '../../src/export/csv.js';
import { documentFacts } from '../../src/export/facts.js';
import { ExtractionError } from '../../src/core/errors.js';
import { extract } from '../../src/pipeline.js';
import { hasShared, ROOT, TRUTH } from '../helpers.js';

const SAMPLE = (ext: string) => join(ROOT, 'samples', `xinzhou-xinfang-2024-budget.${ext}`);
const tmp = mkdtempSync(join(tmpdir(), 'yusuan-office-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const hasPython = spawnSync('python3', ['--version']).status === 0;

describe.skipIf(!hasShared || !hasPython)('office samples scored against the truth', () => {
  it.each(['xlsx', 'xls', 'stacked.xlsx', 'csv', 'docx'])('%s: recall and precision ≥ 0.995 (score.py)', async (ext) => {
    const doc = await extract(SAMPLE(ext));
    const file = join(tmp, `${ext}.facts.csv`);
    writeFileSync(file, await recordsToCsv(FACT_COLUMNS, documentFacts(doc)));
    const r = spawnSync('python3', [join(ROOT, '../shared/tools/score.py'), TRUTH, file, '--min-recall=0.995', '--min-precision=0.995'], { encoding: 'utf8' });
    expect(r.status, r.stdout + r.stderr).toBe(0);
  });
});

describe('spreadsheet inputs', () => {
  it('names every amount by its sheet and cell, and the cell holds what was read', async () => {
    const doc = await extract(SAMPLE('xlsx'));
    expect(doc.source.format).toBe('xlsx');
    const wb = XLSX.read(new Uint8Array(spawnSync('cat', [SAMPLE('xlsx')]).stdout), { type: 'array' });
    const amounts = doc.tables.flatMap((t) => t.rows.flatMap((r) => r.amounts));
    expect(amounts.length).toBeGreaterThan(250);
    for (const a of amounts) {
      expect(a.page).toBeUndefined();
      const m = /^(.+)!([A-Z]+\d+)$/.exec(a.cell ?? '');
      expect(m, a.cell).not.toBeNull();
      expect(wb.Sheets[m![1]][m![2]].w?.trim()).toBe(a.raw);
    }
    expect(doc.tables[0].cell).toMatch(/^表1!A\d$/);
  });

  it('reads numbers as their format shows them, formulas by cached values, merged cells as spans, two tables on one sheet', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('公开05表');
    const rows: (string | number | null)[][] = [
      ['公开05表'],
      ['2024年“三公”经费支出预算表'],
      ['部门名称：测试局', null, null, '单位：万元'],
      ['合计', '因公出国（境）费', '公务用车购置及运行费', null],
      [null, null, '小计', '公务用车运行费'],
      [null, null, null, null], // filled below
      [],
      ['2024年机关运行经费预算表'],
      ['单位：元'],
      ['项目', '金额'],
      ['机关运行经费', null],
    ];
    rows.forEach((r) => ws.addRow(r));
    ws.mergeCells('A2:D2');
    ws.mergeCells('A4:A5');
    ws.mergeCells('B4:B5');
    ws.mergeCells('C4:D4');
    ws.mergeCells('A8:B8');
    ws.getCell('A6').value = { formula: 'B6+C6', result: 8.4 };
    ws.getCell('A6').numFmt = '0.00';
    ws.getCell('B6').value = 0;
    ws.getCell('B6').numFmt = '0.00';
    ws.getCell('C6').value = 8.4;
    ws.getCell('C6').numFmt = '0.00';
    ws.getCell('D6').value = 8.4;
    ws.getCell('D6').numFmt = '0.00';
    ws.getCell('B11').value = 1234567;
    ws.getCell('B11').numFmt = '#,##0.00';
    const file = join(tmp, 'three-public.xlsx');
    writeFileSync(file, new Uint8Array(await wb.xlsx.writeBuffer()));
    const doc = await extract(file);
    expect(doc.tables.map((t) => t.title)).toEqual(['2024年“三公”经费支出预算表', '2024年机关运行经费预算表']);
    const [three, ops] = doc.tables;
    expect(three).toMatchObject({ label: '公开05表', unit: '万元', department: '测试局', kind: 'three_public_expenses' });
    const facts = documentFacts(doc).map((f) => [f.column, f.value]);
    expect(facts).toEqual([
      ['合计', '8.40'],
      ['因公出国（境）费', '0.00'],
      ['公务用车购置及运行费 / 小计', '8.40'],
      ['公务用车购置及运行费 / 公务用车运行费', '8.40'],
      ['金额', '1234567.00'],
    ]);
    expect(three.rows[0].amounts[0].cell).toBe('公开05表!A6');
    expect(three.printed[0][2]).toMatchObject({ text: '公务用车购置及运行费', colSpan: 2 });
    expect(ops.unit).toBe('元');
    expect(ops.rows[0].amounts[0]).toMatchObject({ raw: '1,234,567.00', cell: '公开05表!B11' });
  });

  it('reports a formula saved without its value instead of reading it', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('表1');
    ws.addRow(['2024年机关运行经费预算表']);
    ws.addRow(['单位：万元']);
    ws.addRow(['项目', '金额']);
    ws.addRow(['机关运行经费', null]);
    ws.getCell('B4').value = { formula: 'SUM(B9:B10)' } as ExcelJS.CellFormulaValue;
    const file = join(tmp, 'no-cache.xlsx');
    writeFileSync(file, new Uint8Array(await wb.xlsx.writeBuffer()));
    const doc = await extract(file);
    expect(documentFacts(doc)).toEqual([]);
    expect(doc.diagnostics.find((d) => d.code === 'sheet.formula-without-value')?.message).toMatch(/表1!B4/);
  });

  it('reads a CSV as printed: codes and amounts stay the strings they are', async () => {
    const csv = ['2024年一般公共预算支出预算表', '单位：万元', '科目编码,科目名称,合计', '2010301,行政运行,"1,200.50"', ',合计,1200.50', ''].join('\r\n');
    const file = join(tmp, 'gb.csv');
    writeFileSync(file, new Uint8Array(new TextEncoder().encode(`\uFEFF${csv}`)));
    const doc = await extract(file);
    expect(doc.source.format).toBe('csv');
    expect(documentFacts(doc).map((f) => [f.code, f.value])).toEqual([
      ['2010301', '1200.50'],
      ['', '1200.50'],
    ]);
    expect(doc.tables[0].rows[0].amounts[0].cell).toBe('C4');
  });
});

describe('Word inputs', () => {
  it('names Word table cells by table and position', async () => {
    const doc = await extract(SAMPLE('docx'));
    expect(doc.source.format).toBe('docx');
    expect(doc.tables[0].rows[0].amounts[0].cell).toMatch(/^表格\d+![A-Z]+\d+$/);
    expect(doc.narrative.length).toBeGreaterThan(0);
  });

  it('refuses a legacy .doc with the fix, as unknown-format', async () => {
    const head = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const bytes = new Uint8Array(Buffer.concat([head, Buffer.alloc(504), Buffer.from('WordDocument', 'utf16le'), Buffer.alloc(512)]));
    const e = await extract({ bytes, name: 'old.doc' }).catch((x) => x);
    expect(e).toBeInstanceOf(ExtractionError);
    expect(e.reason).toBe('unknown-format');
    expect(e.message).toMatch(/\.docx/);
    expect(e.message).toMatch(/--convert-to docx/);
  });
});
