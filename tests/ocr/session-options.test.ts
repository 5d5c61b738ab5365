/**
 * onnxruntime's session options for the two OCR models (paddle.ts sessionOptions): detection plans
 * its memory with memory patterns, one per page shape (a speed option), and that must not change what
 * it outputs, to the bit, whatever order pages of different shapes come in; neither model keeps a
 * memory arena (it holds what it grew to for the life of the worker).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { pageImageAt } from '../../extractors/ocr/page-image.js';
import { detectionInput, modelGraph, modelPaths, sessionOptions } from '../../extractors/ocr/paddle.js';
import type { Gray } from '../../extractors/ocr/raster.js';
import { openPdf } from '../../extractors/pdf/load-document.js';
import { ROOT } from '../helpers.js';

const scan = join(ROOT, 'samples', 'xinzhou-xinfang-2024-budget.scan.pdf');

/** The top-left `w` × `h` of a page: a page of another shape. */
const cut = (g: Gray, w: number, h: number): Gray => {
  const data = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) data.set(g.data.subarray(y * g.width, y * g.width + w), y * w);
  return { width: w, height: h, data };
};

describe('session options', () => {
  it('no memory arena; memory patterns for detection only', () => {
    expect(sessionOptions('rec')).toMatchObject({ enableCpuMemArena: false, enableMemPattern: false, intraOpNumThreads: 1 });
    expect(sessionOptions('det')).toMatchObject({ enableCpuMemArena: false, enableMemPattern: true, intraOpNumThreads: 1 });
    expect(sessionOptions('det', 2).intraOpNumThreads).toBe(2);
  });

  it('detection outputs the same to the bit with memory patterns, in any order of page shapes', { timeout: 120_000 }, async () => {
    const doc = (await openPdf(scan, new Uint8Array(readFileSync(scan)))).doc;
    const [p1, p2] = [await pageImageAt(await doc.getPage(1), 200), await pageImageAt(await doc.getPage(2), 200)];
    await doc.destroy();
    const pages = [p1!, cut(p2!, 1200, 900), p2!, cut(p1!, 800, 1000), p1!];
    const det = modelGraph((await modelPaths()).det);
    const kept = await ort.InferenceSession.create(det, sessionOptions('det'));
    const fresh = await ort.InferenceSession.create(det, { ...sessionOptions('det'), enableMemPattern: false });
    const run = async (s: ort.InferenceSession, g: Gray) => {
      const { input, W, H } = detectionInput(g, 1280);
      const out = await s.run({ [s.inputNames[0]]: new ort.Tensor('float32', input, [1, 3, H, W]) });
      return Buffer.from((out[s.outputNames[0]].data as Float32Array).buffer);
    };
    for (const g of pages) expect((await run(kept, g)).equals(await run(fresh, g))).toBe(true);
    await kept.release();
    await fresh.release();
  });
});
