#!/usr/bin/env node
/**
 * The OCR path's steps outside the models, this build against another (docs/ocr.md, "Sixth
 * round"): each pure step of extractors/ocr/raster.ts and paddle.ts run by both builds on the same
 * page images, interleaved (each build first on every other page), its CPU time a page, and whether
 * the two builds' outputs are the same. The models run once a page (this build's) to give the
 * post-processing its real inputs. Runs on dist/ of both (`npm run build` in each).
 *
 *   node scripts/bench-ocr-stages.mjs OTHER_ROOT [scan.pdf] [--pages N]   default: the scanned sample, 6 pages
 *
 * OTHER_ROOT: a checkout of the other build (e.g. main) with its own dist/.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { ROOT, machine } from './bench-common.mjs';

const args = process.argv.slice(2);
const at = args.indexOf('--pages');
const maxPages = at >= 0 ? Number(args.splice(at, 2)[1]) : 6;
const [other, src = path.join(ROOT, 'samples/xinzhou-xinfang-2024-budget.scan.pdf')] = args;
if (!other) {
  console.log('usage: node scripts/bench-ocr-stages.mjs OTHER_ROOT [scan.pdf] [--pages N]');
  process.exit(2);
}
const load = async (root) => ({
  raster: await import(path.join(root, 'dist/extractors/ocr/raster.js')),
  paddle: await import(path.join(root, 'dist/extractors/ocr/paddle.js')),
});
const builds = { other: await load(path.resolve(other)), this: await load(ROOT) };
const { openPdf } = await import(path.join(ROOT, 'dist/extractors/pdf/load-document.js'));
const { pageImageAt } = await import(path.join(ROOT, 'dist/extractors/ocr/page-image.js'));
const { OCR_DEFAULTS } = await import(path.join(ROOT, 'dist/extractors/ocr/ocr-page.js'));
const ort = await import('onnxruntime-node');
const { paddle } = builds.this;
const paths = await paddle.modelPaths();
const det = await ort.InferenceSession.create(paths.det, paddle.sessionOptions('det'));
const rec = await ort.InferenceSession.create(paths.rec, paddle.sessionOptions('rec'));
const dict = ['', ...readFileSync(paths.dict, 'utf8').replace(/\r/g, '').split('\n').filter((l, i, a) => i < a.length - 1 || l !== ''), ' '];

const cpuNow = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const cpu = {};
const differ = {};
let pages = 0;
/** the step `k` of both builds, in turn; the other build's output goes on */
function both(k, call) {
  const order = pages % 2 ? ['this', 'other'] : ['other', 'this'];
  const out = {};
  for (const b of order) {
    const c0 = cpuNow();
    out[b] = call(builds[b]);
    cpu[`${k}|${b}`] = (cpu[`${k}|${b}`] ?? 0) + cpuNow() - c0;
  }
  if (!isDeepStrictEqual(out.other, out.this)) differ[k] = (differ[k] ?? 0) + 1;
  return out.other;
}

const s = OCR_DEFAULTS;
const opened = await openPdf(src, new Uint8Array(readFileSync(src)));
for (let p = 1; p <= Math.min(opened.doc.numPages, maxPages); p++) {
  const page = await opened.doc.getPage(p);
  const g = await pageImageAt(page, s.dpi);
  page.cleanup();
  if (!g) continue;
  const { width: W, height: H } = g;
  const ink = both('threshold (Otsu, ink)', (b) => b.raster.binarize(g));
  const skew = both('skew', (b) => b.raster.estimateSkew(ink, W, H));
  const turned = both('rotation', (b) => b.raster.rotate(g, skew));
  const ink2 = both('threshold of the deskewed page', (b) => b.raster.binarize(turned));
  const minRule = Math.round(s.ruleMinInch * s.dpi);
  const maxThick = Math.max(3, Math.round(s.ruleMaxThickInch * s.dpi));
  const found = both('rules and short verticals', (b) => b.raster.findRulesAndShortVerticals(ink2, W, H, minRule, Math.round(minRule / 4), maxThick));
  const clean = both('erase', (b) => b.raster.eraseRules(turned, found.rules));
  both('erase (ink)', (b) => b.raster.eraseRulesInk(ink2, W, H, found.rules));
  const { input, W: dw, H: dh } = both('detection input', (b) => b.paddle.detectionInput(clean, s.detectLimit));
  const prob = (await det.run({ [det.inputNames[0]]: new ort.Tensor('float32', input, [1, 3, dh, dw]) }))[det.outputNames[0]].data;
  const boxes = both('detection boxes', (b) => b.paddle.components(prob, dw, dh)).map((b) => ({ ...b, x0: (b.x0 * W) / dw, x1: (b.x1 * W) / dw, y0: (b.y0 * H) / dh, y1: (b.y1 * H) / dh }));
  const crops = both('recognition inputs', (b) => boxes.map((box) => b.paddle.recognitionInput(clean, box, s.recMinWidth)));
  const outs = [];
  for (const { input: x, W: cw } of crops) {
    const t = (await rec.run({ [rec.inputNames[0]]: new ort.Tensor('float32', x, [1, 3, 48, cw]) }))[rec.outputNames[0]];
    outs.push({ data: t.data, T: t.dims[1], C: t.dims[2] });
  }
  both('CTC decoding', (b) => outs.map((o) => b.paddle.ctcDecode(o.data, 0, o.T, o.C, dict)));
  pages++;
}
const m = machine();
console.log(`${path.basename(src)}: ${pages} pages; ${m.nproc} cores (${m.cpu}), load ${m.load}, Node ${m.node}`);
console.log(`| step | CPU ms/page, ${path.basename(path.resolve(other))} | CPU ms/page, this build | outputs |\n|---|---|---|---|`);
const steps = [...new Set(Object.keys(cpu).map((k) => k.split('|')[0]))];
for (const k of steps) console.log(`| ${k} | ${(cpu[`${k}|other`] / pages).toFixed(1)} | ${(cpu[`${k}|this`] / pages).toFixed(1)} | ${differ[k] ? `differ on ${differ[k]} pages` : 'the same'} |`);
const sum = (b) => steps.reduce((a, k) => a + cpu[`${k}|${b}`], 0) / pages;
console.log(`| all of the above | ${sum('other').toFixed(1)} | ${sum('this').toFixed(1)} | |`);
