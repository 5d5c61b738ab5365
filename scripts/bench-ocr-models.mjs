#!/usr/bin/env node
/**
 * The two OCR models on their own (docs/ocr.md, "Fourth round"): what onnxruntime's session options,
 * batches of recognition crops and a smaller detection input would save, and whether the models'
 * outputs stay the same to the bit (a change of the outputs can change a reading, so a saving that
 * changes them is not free). The inputs are the real ones: the crops and page images of the first
 * pages of a scan, captured while extractors/ocr reads them. CPU time, not wall time (the machine
 * may be shared). Runs on dist/ (`npm run build` first).
 *
 *   node scripts/bench-ocr-models.mjs [scan.pdf] [--pages N] [--rounds R]   default: the scanned sample, 4 pages, 3 rounds
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT, arg, machine } from './bench-common.mjs';

const src = process.argv[2] && !process.argv[2].startsWith('--') ? process.argv[2] : path.join(ROOT, 'samples/xinzhou-xinfang-2024-budget.scan.pdf');
const maxPages = Number(arg('pages', 4));
const rounds = Number(arg('rounds', 3));
const dist = (p) => import(path.join(ROOT, 'dist', p));
const ort = await import('onnxruntime-node');
const { openPdf } = await dist('extractors/pdf/load-document.js');
const { readPageImage } = await dist('extractors/ocr/index.js');
const { ocrEngine, sessionOptions, modelPaths, modelGraph, recognitionInput, detectionInput } = await dist('extractors/ocr/paddle.js');

// the crops and pages as the OCR path gives them to the models
const engine = await ocrEngine();
const crops = [];
const pages = [];
const { detect, recognize } = engine;
engine.detect = (g, limit) => {
  pages.push({ g, limit });
  return detect(g, limit);
};
engine.recognize = (g, boxes, minWidth) => {
  const page = pages.length;
  for (const box of boxes) crops.push({ page, box, ...recognitionInput(g, box, minWidth) });
  return recognize(g, boxes, minWidth);
};
const opened = await openPdf(src, new Uint8Array(readFileSync(src)));
for (let p = 1; p <= Math.min(maxPages, opened.doc.numPages); p++) {
  const page = await opened.doc.getPage(p);
  await readPageImage(page);
  page.cleanup();
}
await opened.doc.destroy?.();
Object.assign(engine, { detect, recognize });

const cpuNow = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const digest = (data) => createHash('sha1').update(new Uint8Array(data.buffer, data.byteOffset, data.byteLength)).digest('hex');
// the graphs as the engine runs them (simplified, or as published with YUSUAN_OCR_GRAPHS=published)
const paths = await modelPaths();
const graphs = { det: modelGraph(paths.det), rec: modelGraph(paths.rec) };
const plain = { ...sessionOptions('rec', 1), enableCpuMemArena: false, enableMemPattern: false };
const VARIANTS = {
  'no memory arena, no memory patterns': plain,
  'memory arena': { ...plain, enableCpuMemArena: true },
  'memory patterns': { ...plain, enableMemPattern: true },
  'arena and patterns': { ...plain, enableCpuMemArena: true, enableMemPattern: true },
  'batch dimension fixed at 1': { ...plain, freeDimensionOverrides: { 'p2o.DynamicDimension.0': 1 } },
  'no intra-op spinning': { ...plain, extra: { session: { intra_op: { allow_spinning: '0' } } } },
  'graph optimisation "extended"': { ...plain, graphOptimizationLevel: 'extended' },
};
const used = (model) => Object.entries(VARIANTS).find(([, o]) => Object.entries(sessionOptions(model, 1)).every(([k, v]) => o[k] === v) && !o.extra && !o.freeDimensionOverrides)?.[0];

/** Each variant's CPU ms per run over `inputs`, the rounds interleaved so that load falls on all alike; outputs compared with the first variant's. */
async function compare(graph, inputs, shapeOf) {
  const sessions = [];
  for (const [name, opts] of Object.entries(VARIANTS)) sessions.push({ name, s: await ort.InferenceSession.create(graph, opts), cpu: 0, hash: undefined });
  for (const v of sessions) await v.s.run({ [v.s.inputNames[0]]: new ort.Tensor('float32', inputs[0].input, shapeOf(inputs[0])) });
  for (let r = 0; r < rounds; r++) {
    for (const v of sessions) {
      const h = createHash('sha1');
      const c0 = cpuNow();
      for (const x of inputs) {
        const out = await v.s.run({ [v.s.inputNames[0]]: new ort.Tensor('float32', x.input, shapeOf(x)) });
        if (r === 0) h.update(digest(out[v.s.outputNames[0]].data));
      }
      v.cpu += cpuNow() - c0;
      if (r === 0) v.hash = h.digest('hex');
    }
  }
  for (const v of sessions) await v.s.release?.();
  return sessions.map((v) => ({ name: v.name, ms: v.cpu / rounds / inputs.length, same: v.hash === sessions[0].hash }));
}

/** Recognition in batches of crops of one canvas width (no padding added by the batch): CPU ms a crop, and whether each crop's output is the same as alone. */
async function batches() {
  const s = await ort.InferenceSession.create(graphs.rec, sessionOptions('rec', 1));
  const byWidth = new Map();
  for (const c of crops) byWidth.set(c.W, [...(byWidth.get(c.W) ?? []), c]);
  const groups = [...byWidth.values()].map((l) => l.slice(0, l.length - (l.length % 8))).filter((l) => l.length);
  const n = groups.reduce((a, l) => a + l.length, 0);
  const alone = new Map();
  const rows = [];
  for (const size of [1, 2, 4, 8]) {
    let cpu = 0;
    let same = 0;
    for (let r = 0; r < rounds; r++) {
      for (const l of groups) {
        for (let i = 0; i < l.length; i += size) {
          const per = l[i].input.length;
          const input = new Float32Array(per * size);
          for (let j = 0; j < size; j++) input.set(l[i + j].input, j * per);
          const c0 = cpuNow();
          const out = await s.run({ [s.inputNames[0]]: new ort.Tensor('float32', input, [size, 3, 48, l[i].W]) });
          cpu += cpuNow() - c0;
          if (r) continue;
          const data = out[s.outputNames[0]].data;
          const step = data.length / size;
          for (let j = 0; j < size; j++) {
            const h = digest(data.subarray(j * step, (j + 1) * step));
            if (size === 1) alone.set(l[i + j], h);
            else if (alone.get(l[i + j]) === h) same++;
          }
        }
      }
    }
    rows.push({ size, ms: cpu / rounds / n, same: size === 1 ? n : same, n });
  }
  return rows;
}

/** Detection at a smaller input: CPU ms a page, and how far each box of the full input moved (the nearest box, pixels of the page). */
async function smallerDetection() {
  const rows = [];
  const full = [];
  for (const { g, limit } of pages) full.push(await detect(g, limit));
  for (const limit of [pages[0].limit, 1120, 960]) {
    let cpu = 0;
    let count = 0;
    const moves = [];
    for (const [i, { g }] of pages.entries()) {
      const c0 = cpuNow();
      const boxes = await detect(g, limit);
      cpu += cpuNow() - c0;
      count += boxes.length - full[i].length;
      for (const a of full[i]) moves.push(Math.min(...boxes.map((b) => Math.max(Math.abs(a.x0 - b.x0), Math.abs(a.x1 - b.x1), Math.abs(a.y0 - b.y0), Math.abs(a.y1 - b.y1)))));
    }
    moves.sort((a, b) => a - b);
    const q = (f) => moves[Math.min(moves.length - 1, Math.floor(f * moves.length))].toFixed(1);
    rows.push({ limit, ms: cpu / pages.length, count, same: moves.filter((m) => m === 0).length, n: moves.length, median: q(0.5), p90: q(0.9), max: q(1) });
  }
  return rows;
}

const pageInputs = pages.map(({ g, limit }) => detectionInput(g, limit));
const rec = await compare(graphs.rec, crops, (c) => [1, 3, 48, c.W]);
const det = await compare(graphs.det, pageInputs, (p) => [1, 3, p.H, p.W]);
const batched = await batches();
const smaller = await smallerDetection();
// crops whose input is the same to the bit as another crop's on the same page (a repeated 0.00 or header)
const seen = new Set();
let repeats = 0;
for (const c of crops) {
  const k = `${c.page} ${c.W} ${digest(c.input)}`;
  if (seen.has(k)) repeats++;
  seen.add(k);
}
const canvas = crops.reduce((a, c) => a + c.W, 0);
const inked = crops.reduce((a, c) => a + Math.min(c.W, Math.max(8, Math.ceil((48 * (c.box.x1 - c.box.x0)) / Math.max(1, c.box.y1 - c.box.y0)))), 0);

const m = machine();
console.log(`${path.basename(src)}: ${pages.length} pages, ${crops.length} crops; ${m.cpu}, ${m.nproc} cores, load ${m.load}; ${m.date}; ${rounds} rounds\n`);
console.log(`Options in use: recognition \"${used('rec')}\", detection \"${used('det')}\"; outputs compared with the first row's.\n`);
console.log('| session options | recognition CPU ms/crop | outputs | detection CPU ms/page | outputs |\n|---|---|---|---|---|');
rec.forEach((r, i) => console.log(`| ${r.name} | ${r.ms.toFixed(2)} | ${r.same ? 'same' : 'differ'} | ${det[i].ms.toFixed(0)} | ${det[i].same ? 'same' : 'differ'} |`));
console.log('\n| recognition batch (crops of one canvas width) | CPU ms/crop | outputs the same as alone |\n|---|---|---|');
for (const b of batched) console.log(`| ${b.size} | ${b.ms.toFixed(2)} | ${b.same}/${b.n} |`);
console.log('\n| detection input, longer side | CPU ms/page | boxes more (+) or fewer (−) | boxes unmoved | box movement median / p90 / max, px |\n|---|---|---|---|---|');
for (const d of smaller) console.log(`| ${d.limit} | ${d.ms.toFixed(0)} | ${d.count} | ${d.same}/${d.n} | ${d.median} / ${d.p90} / ${d.max} |`);
console.log(`\nCrops the same to the bit as an earlier crop of their page: ${repeats} of ${crops.length}. Canvas pixels that are padding: ${(((canvas - inked) / canvas) * 100).toFixed(0)} % (${canvas - inked} of ${canvas} columns).`);
