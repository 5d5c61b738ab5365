/**
 * The files people open (issue 12): document.xlsx opens in LibreOffice with Chinese intact and
 * amounts as numbers; facts.parquet reads back with the rows and exact values of facts.csv;
 * --excel-csv writes a BOM; tables/index.csv says what each table file is; the library's
 * writeDocumentOutputs writes checks.json and findings.csv itself.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { parquetMetadata, parquetReadObjects } from 'hyparquet';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Document } from '../../schemas/document.js';
import { parseCsvRecords } from '../../src/export/csv.js';
import { writeDocumentOutputs } from '../../src/export/write-outputs.js';
import { HEADLINE_COLUMNS } from '../../src/export/headlines.js';
import { documentWorkbook } from '../../src/export/workbook.js';
import { validateDocument } from '../../src/validate/index.js';
import { extract } from '../../src/pipeline.js';
import { ensureDist, removeTempDirs, runCli, tempDir } from '../batch/helpers.js';
import { ROOT } from '../batch/build.js';

const MD = join(ROOT, 'samples/xinzhou-xinfang-2024-budget.md');
const HTML = join(ROOT, 'samples/xinzhou-xinfang-2024-budget.html');
const XLSX_SAMPLE = join(ROOT, 'samples/xinzhou-xinfang-2024-budget.xlsx');
const soffice = ['soffice', 'libreoffice'].find((b) => spawnSync(b, ['--version']).status === 0);

let doc: Document;
let dir: string;
beforeAll(async () => {
  ensureDist();
  doc = await extract(HTML); // its tables have merged header cells
  dir = tempDir('yusuan-outputs-');
  await writeDocumentOutputs(doc, join(dir, 'lib'));
});
afterAll(() => removeTempDirs());

describe('writeDocumentOutputs (library)', () => {
  it('writes every output the README lists, checks included', () => {
    const files = readdirSync(join(dir, 'lib')).sort();
    expect(files).toEqual(['checks.json', 'document.json', 'document.xlsx', 'facts.csv', 'findings.csv', 'headlines.csv', 'projects.csv', 'tables']);
    expect(JSON.parse(readFileSync(join(dir, 'lib/checks.json'), 'utf8')).summary).toMatchObject({ error: 0 });
    const index = readFileSync(join(dir, 'lib/tables/index.csv'), 'utf8').split('\n');
    expect(index[0]).toBe('file,table_no,table_title,table_kind,department,year,unit,pages,where,rows,empty');
    expect(index.find((l) => l.startsWith('10-three_public_expenses.csv'))).toMatch(/“三公”经费支出预算表.*,万元,/);
  });

  it('--excel-csv: every CSV starts with a UTF-8 byte-order mark', async () => {
    await writeDocumentOutputs(doc, join(dir, 'bom'), { excelCsv: true, workbook: false });
    for (const f of ['facts.csv', 'projects.csv', 'findings.csv', 'tables/index.csv', 'tables/01-budget_summary.csv']) {
      expect(readFileSync(join(dir, 'bom', f)).subarray(0, 3), f).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    }
    expect(existsSync(join(dir, 'bom/document.xlsx'))).toBe(false);
  });
});

describe('document.xlsx', () => {
  it('lays each table out as printed: title above, merged header, frozen header rows, amounts as numbers with the printed decimals', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'lib/document.xlsx'));
    expect(wb.worksheets.map((w) => w.name).slice(0, 3)).toEqual(['目录', '预算公开表1', '表2']);
    expect(wb.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining(['绩效目标', '审核发现']));
    const ws = wb.getWorksheet('预算公开表1')!;
    expect(ws.getCell('A2').value).toBe('2024年预算收支总表');
    expect(ws.getCell('B3').value).toBe('单位：万元');
    expect(ws.getCell('A4').value).toBe('收入');
    expect(ws.getCell('A4').isMerged && ws.getCell('B4').master.address).toBe('A4');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 5 });
    const total = ws.getCell('B6');
    expect([total.value, total.numFmt]).toEqual([694.34, '0.00']);
  });

  it('writes the headline figures sheet from the document\'s headlines, and none without them', async () => {
    expect(doc.headlines?.length).toBeGreaterThan(0);
    const bytes = await documentWorkbook(doc, validateDocument(doc));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('主要数字')!;
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual([...HEADLINE_COLUMNS]);
    const figures = (ws.getColumn(HEADLINE_COLUMNS.indexOf('figure') + 1).values as unknown[]).slice(2);
    expect(figures).toContain('income_total');
    const none = await documentWorkbook({ ...doc, headlines: [] }, validateDocument(doc));
    const plain = new ExcelJS.Workbook();
    await plain.xlsx.load(Buffer.from(none) as unknown as ArrayBuffer);
    expect(plain.getWorksheet('主要数字')).toBeUndefined();
  });

  it.skipIf(!soffice)('opens in LibreOffice (converted back to CSV): Chinese intact, amounts numbers', () => {
    const out = join(dir, 'lo');
    mkdirSync(out);
    // sheet 2 (the first table), raw values rather than as shown: a number printed 8.40 comes back as 8.4
    const filter = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,2';
    const r = spawnSync(soffice!, ['--headless', '--norestore', `-env:UserInstallation=file://${join(dir, 'lo-profile')}`, '--convert-to', filter, '--outdir', out, join(dir, 'lib/document.xlsx')], { encoding: 'utf8', timeout: 120_000 });
    expect(r.status, r.stderr).toBe(0);
    const csv = readFileSync(join(out, readdirSync(out).find((f) => f.endsWith('.csv'))!), 'utf8');
    expect(csv).toContain('2024年预算收支总表');
    expect(csv).toContain('一、一般公共预算,694.34,一、一般公共服务支出,610.51,610.51,');
    // printed 8.40 in the document: a number in the workbook, so its raw value has no trailing zero
    expect(csv).toMatch(/十三、农林水支出,8\.4,8\.4,/);
  });
});

describe('facts.parquet', () => {
  it('reads back with the rows and exact values of the run facts.csv', async () => {
    const out = join(tempDir(), 'out');
    const r = await runCli(['extract', '-o', out, '--progress', 'none', '--no-db', '--no-xlsx', MD, XLSX_SAMPLE]);
    expect(r.code, r.stderr).toBe(0);
    const csv = await parseCsvRecords(readFileSync(join(out, 'facts.csv'), 'utf8'));
    const bytes = readFileSync(join(out, 'facts.parquet'));
    const buf = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
    const meta = parquetMetadata(buf);
    const value = meta.schema.find((s) => s.name === 'value')!;
    expect(value).toMatchObject({ converted_type: 'DECIMAL', scale: 2, precision: 38 });
    expect(meta.schema.find((s) => s.name === 'year')).toMatchObject({ type: 'INT32' });
    const rows = (await parquetReadObjects({ file: buf })) as Record<string, unknown>[];
    expect(rows.length).toBe(csv.length);
    expect(rows.length).toBe(782);
    expect(Object.keys(rows[0])).toEqual(Object.keys(csv[0]));
    rows.forEach((p, i) => {
      const c = csv[i];
      // the stored integer is the printed digits (DECIMAL(38,2): 694.34 is 69434)
      const [int, frac = ''] = c.value.split('.');
      expect(Math.round((p.value as number) * 100), c.value).toBe(Number(`${int}${frac.padEnd(2, '0')}`));
      expect(p.year).toBe(Number(c.year));
      expect(p.page).toBe(c.page === '' ? null : Number(c.page));
      for (const k of ['document', 'table_title', 'item', 'column', 'code', 'unit']) expect(p[k]).toBe(c[k]);
    });
  });
});

describe('the npm package', () => {
  it('holds what a user needs and no samples or tests', () => {
    const r = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const files = (JSON.parse(r.stdout) as { files: { path: string }[] }[])[0].files.map((f) => f.path);
    expect(files).toEqual(expect.arrayContaining(['bin/yusuan.js', 'dist/src/index.js', 'dist/src/index.d.ts', 'README.md', 'package.json']));
    expect(files.filter((f) => /^(samples|tests|scripts|dist\/tests|dist\/scripts)\//.test(f))).toEqual([]);
  });
});
