#!/usr/bin/env node
// The sample document as the office files departments attach: workbooks and a Word document,
// made from the same seed and the same laid-out tables as samples/*.libreoffice.pdf.
//
//   node scripts/make-office-samples.mjs [SEED_TXT] [--out DIR]
//
// Writes (LibreOffice headless converts; nothing is written by hand):
//   xinzhou-xinfang-2024-budget.xlsx          the flat ODS of make-samples.mjs (a sheet per table,
//                                             merged title/header cells, numbers with their number
//                                             formats 0.00 / #,##0) saved as Excel 2007+ (.xlsx)
//   xinzhou-xinfang-2024-budget.xls           the same saved as Excel 97–2003 (.xls, BIFF8)
//   xinzhou-xinfang-2024-budget.stacked.xlsx  every table on ONE sheet, one under another, a blank
//                                             row between (several tables per sheet)
//   xinzhou-xinfang-2024-budget.csv           that one sheet as CSV (UTF-8, cells as shown)
//   xinzhou-xinfang-2024-budget.docx          samples/xinzhou-xinfang-2024-budget.html saved by
//                                             LibreOffice Writer as Word 2007+ (.docx): headings,
//                                             paragraphs and the tables with merged cells

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { BASE, REPO, parseSeed, collectSections, toFods } from './make-samples.mjs';

const args = process.argv.slice(2);
const outIdx = args.indexOf('--out');
const outDir = outIdx >= 0 ? path.resolve(args[outIdx + 1]) : path.join(REPO, 'samples');
const seed = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--out') ?? path.resolve(REPO, '../shared/corpus/text', `${BASE}.txt`);

const bin = ['libreoffice', 'soffice'].find((b) => {
  try {
    execFileSync(b, ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
});
if (!bin) throw new Error('libreoffice not found (apt-get install libreoffice-calc libreoffice-writer)');

/** Convert `src` with LibreOffice to `filter` and copy the result to `dest`. */
function convert(src, filter, ext, dest, extra = []) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'yusuan-lo-profile-'));
  const tmpOut = fs.mkdtempSync(path.join(os.tmpdir(), 'yusuan-lo-out-'));
  try {
    execFileSync(bin, ['--headless', '--norestore', `-env:UserInstallation=file://${profile}`, ...extra, '--convert-to', filter, '--outdir', tmpOut, src], { stdio: ['ignore', 'ignore', 'pipe'], timeout: 300000 });
    fs.copyFileSync(path.join(tmpOut, `${path.basename(src).replace(/\.[^.]+$/, '')}.${ext}`), dest);
    console.log(`wrote ${path.relative(process.cwd(), dest)}`);
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
    fs.rmSync(tmpOut, { recursive: true, force: true });
  }
}

const sections = collectSections(parseSeed(fs.readFileSync(seed, 'utf8')));
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'yusuan-office-'));
try {
  const out = (ext) => path.join(outDir, `${BASE}.${ext}`);
  const fods = path.join(tmp, `${BASE}.fods`);
  fs.writeFileSync(fods, toFods(sections));
  convert(fods, 'xlsx:Calc MS Excel 2007 XML', 'xlsx', out('xlsx'));
  convert(fods, 'xls:MS Excel 97', 'xls', out('xls'));
  const stacked = path.join(tmp, `${BASE}.stacked.fods`);
  fs.writeFileSync(stacked, toFods(sections, { oneSheet: true }));
  convert(stacked, 'xlsx:Calc MS Excel 2007 XML', 'xlsx', out('stacked.xlsx'));
  // CSV: UTF-8 (76), comma, double quotes, cells as shown (8th token true: "save cell contents as shown")
  convert(stacked, 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true', 'csv', out('csv'));
  convert(path.join(outDir, `${BASE}.html`), 'docx:MS Word 2007 XML', 'docx', out('docx'), ['--infilter=HTML (StarWriter)']);
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
