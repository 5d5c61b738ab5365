#!/usr/bin/env node
/**
 * Where the time of one OCR page goes (docs/ocr.md, "Where the time goes"): each stage of
 * extractors/ocr/ocr-page.ts run on its own over the pages of a scan, after one warm-up page (the
 * models load on the first), and the whole page through the pipeline for the stages after
 * recognition (layout, cell confidences). Runs on dist/ (`npm run build` first).
 *
 *   node scripts/profile-ocr.mjs [scan.pdf] [--pages N] [--settings JSON]    default: the scanned sample, 4 pages
 *
 * --settings: OCR settings other than the defaults (OCR_DEFAULTS, docs/ocr.md), e.g.
 * '{"recMinWidth":320,"imageDirect":false}' for the path as it was before those options.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, machine } from './bench-common.mjs';

const arg = (name, dflt) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : dflt;
};
const src = process.argv[2] && !process.argv[2].startsWith('--') ? process.argv[2] : path.join(ROOT, 'samples/xinzhou-xinfang-2024-budget.scan.pdf');
const maxPages = Number(arg('--pages', 4));
// the warm-up page and the N measured ones, cut out so that extract() reads the same pages
const tmp = mkdtempSync(path.join(os.tmpdir(), 'yusuan-profile-ocr-'));
const file = path.join(tmp, 'cut.pdf');
const srcPages = Number(execFileSync('qpdf', ['--show-npages', src]).toString().trim());
execFileSync('qpdf', ['--empty', '--pages', src, `1-${Math.min(srcPages, maxPages + 1)}`, '--', file]);
const dist = (p) => import(path.join(ROOT, 'dist', p));
const { openPdf } = await dist('extractors/pdf/load-document.js');
const { renderPage } = await dist('extractors/ocr/render-page.js');
const { pageImageAt } = await dist('extractors/ocr/page-image.js');
const raster = await dist('extractors/ocr/raster.js');
const { cellWalls } = await dist('extractors/ocr/cell-walls.js');
const { dropStrayStrokes } = await dist('extractors/ocr/stray-strokes.js');
const { ocrEngine } = await dist('extractors/ocr/paddle.js');
const { OCR_DEFAULTS, ocrPage, splitAtRules } = await dist('extractors/ocr/ocr-page.js');
const { extract } = await dist('src/pipeline.js');

const s = { ...OCR_DEFAULTS, ...JSON.parse(arg('--settings', '{}')) };
const engine = await ocrEngine();
const opened = await openPdf(file, new Uint8Array(readFileSync(file)));
const n = Math.min(opened.doc.numPages, maxPages + 1);
// CPU time besides wall time: the machine is shared, and CPU time is what a worker's core pays
const total = {};
const cpu = {};
const add = (k, ms, cpuMs) => {
  total[k] = (total[k] ?? 0) + ms;
  cpu[k] = (cpu[k] ?? 0) + cpuMs;
};
const cpuNow = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
let lines = 0;
async function stage(k, call, count) {
  const t0 = performance.now();
  const c0 = cpuNow();
  const out = await call();
  if (count) add(k, performance.now() - t0, cpuNow() - c0);
  return out;
}
for (let p = 1; p <= n; p++) {
  // page 1 warms up (models, pdf.js fonts, JIT) and is not counted
  const count = p > 1;
  const page = await opened.doc.getPage(p);
  const image = await stage('render', async () => (s.imageDirect ? await pageImageAt(page, s.dpi) : undefined) ?? (await renderPage(page, s.dpi)), count);
  const { g, ink } = await stage('deskew', () => {
    let g = image;
    let ink = raster.binarize(g);
    const skew = raster.estimateSkew(ink, g.width, g.height);
    if (Math.abs(skew) >= 0.05) {
      g = raster.rotate(g, skew);
      ink = raster.binarize(g);
    }
    return { g, ink };
  }, count);
  const rules = await stage('rules', () => {
    const minRule = Math.round(s.ruleMinInch * s.dpi);
    const maxThick = Math.max(3, Math.round(s.ruleMaxThickInch * s.dpi));
    const found = raster.findRulesAndShortVerticals(ink, g.width, g.height, minRule, Math.round(minRule / 4), maxThick);
    const long = dropStrayStrokes(found.rules, Math.round(s.strokeMaxInch * s.dpi));
    return [...long, ...cellWalls(found.shortVerticals, long, maxThick)];
  }, count);
  const clean = await stage('erase', () => raster.eraseRules(g, rules), count);
  const boxes = await stage('detect', async () => (await engine.detect(clean, s.detectLimit)).flatMap((b) => splitAtRules(b, rules)), count);
  await stage('recognise', () => engine.recognize(clean, boxes, s.recMinWidth), count);
  await stage('ocrPage (all of the above but render)', () => ocrPage(engine, image, s), count);
  if (count) lines += boxes.length;
  page.cleanup();
}
await opened.doc.destroy?.();
const pages = n - 1;
// the whole document through the pipeline: what is left after the stages above is layout and the rest
const t0 = performance.now();
const c0 = cpuNow();
await extract(file, { ocrSettings: s });
const wholeMs = (performance.now() - t0) / n;
const wholeCpu = (cpuNow() - c0) / n;
rmSync(tmp, { recursive: true, force: true });
const m = machine();
console.log(`${path.basename(src)}: ${pages} pages after a warm-up page, ${(lines / pages).toFixed(0)} text boxes a page; ${m.nproc} cores, load ${m.load}; settings ${JSON.stringify(s)}`);
const STAGES = ['render', 'deskew', 'rules', 'erase', 'detect', 'recognise'];
const staged = STAGES.reduce((a, k) => a + total[k], 0) / pages;
const stagedCpu = STAGES.reduce((a, k) => a + cpu[k], 0) / pages;
const row = (k, ms, c) => console.log(`| ${k} | ${ms.toFixed(0)} | ${c.toFixed(0)} |`);
console.log('| stage | wall ms/page | CPU ms/page |\n|---|---|---|');
for (const k of Object.keys(total)) row(k, total[k] / pages, cpu[k] / pages);
row('sum of the stages', staged, stagedCpu);
row('the pages through extract() (adds layout, cell confidences)', wholeMs, wholeCpu);
