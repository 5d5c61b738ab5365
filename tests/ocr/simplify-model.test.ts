/**
 * The OCR models as the engine runs them (simplify-model.ts): the package's float graphs with the
 * affine blocks folded into their Convs and hard-swish as one operator. The same arithmetic up to float
 * rounding, so the same boxes and the same texts as the graphs as published, on real pages and crops
 * of the scanned sample; the same bytes every time they are made; an operator not known to keep its
 * meaning at the new opset is refused.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import onnxProto from 'onnx-proto';
import * as ort from 'onnxruntime-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageImageAt } from '../../extractors/ocr/page-image.js';
import { components, ctcDecode, detectionInput, modelGraph, modelPaths, recognitionInput, sessionOptions } from '../../extractors/ocr/paddle.js';
import type { Gray } from '../../extractors/ocr/raster.js';
import { simplifyModel } from '../../extractors/ocr/simplify-model.js';
import { openPdf } from '../../extractors/pdf/load-document.js';
import { ROOT } from '../helpers.js';

const { onnx } = onnxProto;
const scan = join(ROOT, 'samples', 'xinzhou-xinfang-2024-budget.scan.pdf');
type Session = ort.InferenceSession;

const ops = (bytes: Uint8Array) => {
  const m = onnx.ModelProto.decode(bytes);
  const count = new Map<string, number>();
  for (const n of m.graph!.node ?? []) count.set(n.opType!, (count.get(n.opType!) ?? 0) + 1);
  return { count, opset: Number(m.opsetImport[0].version) };
};

describe('simplified OCR graphs', () => {
  let paths: { det: string; rec: string; dict: string };
  let pages: Gray[];
  beforeAll(async () => {
    paths = await modelPaths();
    const doc = (await openPdf(scan, new Uint8Array(readFileSync(scan)))).doc;
    pages = [(await pageImageAt(await doc.getPage(2), 200))!, (await pageImageAt(await doc.getPage(5), 200))!];
    await doc.destroy();
  });
  const sessions: Session[] = [];
  const session = async (bytes: Uint8Array, model: 'det' | 'rec') => {
    const s = await ort.InferenceSession.create(bytes, sessionOptions(model));
    sessions.push(s);
    return s;
  };
  afterAll(async () => {
    for (const s of sessions) await s.release();
  });

  it('hard-swish as one operator, affine blocks folded, opset 14; the same bytes every time', { timeout: 60_000 }, () => {
    for (const file of [paths.det, paths.rec]) {
      const before = ops(new Uint8Array(readFileSync(file)));
      const bytes = modelGraph(file);
      const after = ops(bytes);
      expect(after.opset).toBe(14);
      expect(after.count.get('HardSwish')).toBe(before.count.get('Clip'));
      expect(after.count.get('Clip') ?? 0).toBe(0);
      expect(after.count.get('Conv')).toBe(before.count.get('Conv'));
      // the affine blocks' Mul and Add, the hard-swishes' Add, Mul and Div: at least half the elementwise nodes gone
      expect((after.count.get('Mul') ?? 0) + (after.count.get('Add') ?? 0)).toBeLessThan(((before.count.get('Mul') ?? 0) + (before.count.get('Add') ?? 0)) / 2);
      expect(Buffer.from(modelGraph(file)).equals(Buffer.from(bytes))).toBe(true);
    }
    expect(Buffer.from(modelGraph(paths.det, 'published')).equals(readFileSync(paths.det))).toBe(true);
  });

  it('detection: the same boxes on two pages of the scanned sample', { timeout: 120_000 }, async () => {
    const published = await session(modelGraph(paths.det, 'published'), 'det');
    const simplified = await session(modelGraph(paths.det), 'det');
    for (const g of pages) {
      const { input, W, H } = detectionInput(g, 1280);
      const run = async (s: Session) => (await s.run({ [s.inputNames[0]]: new ort.Tensor('float32', input, [1, 3, H, W]) }))[s.outputNames[0]].data as Float32Array;
      const [a, b] = [await run(published), await run(simplified)];
      let most = 0;
      for (let i = 0; i < a.length; i++) most = Math.max(most, Math.abs(a[i] - b[i]));
      expect(most).toBeLessThan(1e-3);
      const boxes = components(b, W, H);
      expect(boxes.length).toBeGreaterThan(10);
      expect(boxes.map(({ x0, y0, x1, y1 }) => [x0, y0, x1, y1])).toEqual(components(a, W, H).map(({ x0, y0, x1, y1 }) => [x0, y0, x1, y1]));
    }
  });

  it('recognition: the same texts, each character within 10⁻³, on every crop of two pages', { timeout: 120_000 }, async () => {
    const det = await session(modelGraph(paths.det, 'published'), 'det');
    const published = await session(modelGraph(paths.rec, 'published'), 'rec');
    const simplified = await session(modelGraph(paths.rec), 'rec');
    const dict = ['', ...readFileSync(paths.dict, 'utf8').replace(/\r/g, '').split('\n').filter((l, i, a) => i < a.length - 1 || l !== ''), ' '];
    let crops = 0;
    for (const g of pages) {
      const { input, W, H } = detectionInput(g, 1280);
      const map = (await det.run({ [det.inputNames[0]]: new ort.Tensor('float32', input, [1, 3, H, W]) }))[det.outputNames[0]].data as Float32Array;
      for (const b of components(map, W, H)) {
        const box = { ...b, x0: (b.x0 * g.width) / W, x1: (b.x1 * g.width) / W, y0: (b.y0 * g.height) / H, y1: (b.y1 * g.height) / H };
        const crop = recognitionInput(g, box, 160);
        const read = async (s: Session) => {
          const t = (await s.run({ [s.inputNames[0]]: new ort.Tensor('float32', crop.input, [1, 3, 48, crop.W]) }))[s.outputNames[0]];
          return ctcDecode(t.data as Float32Array, 0, t.dims[1], t.dims[2], dict);
        };
        const [a, b2] = [await read(published), await read(simplified)];
        expect(b2.text).toBe(a.text);
        b2.probs.forEach((p, i) => expect(Math.abs(p - a.probs[i])).toBeLessThan(1e-3));
        crops++;
      }
    }
    expect(crops).toBeGreaterThan(50);
  });

  it('refuses a graph with an operator whose meaning it does not know at opset 14', () => {
    const model = onnx.ModelProto.create({
      irVersion: 8,
      opsetImport: [{ domain: '', version: 9 }],
      graph: { name: 'g', node: [{ opType: 'Upsample', name: 'up', input: ['x'], output: ['y'] }], input: [{ name: 'x' }], output: [{ name: 'y' }] },
    });
    expect(() => simplifyModel(onnx.ModelProto.encode(model).finish())).toThrow(/Upsample/);
  });
});
