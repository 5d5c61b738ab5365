/**
 * A scanned page read from its own image (extractors/ocr/page-image.ts) and the canvas a crop is
 * recognised on (paddle.ts canvasWidth): the two speed options of the OCR path (docs/ocr.md).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pageImageAt } from '../../extractors/ocr/page-image.js';
import { canvasWidth } from '../../extractors/ocr/paddle.js';
import { renderPage } from '../../extractors/ocr/render-page.js';
import { openPdf } from '../../extractors/pdf/load-document.js';
import { ROOT } from '../helpers.js';

const sample = (name: string) => join(ROOT, 'samples', `xinzhou-xinfang-2024-budget.${name}`);
const open = async (name: string) => (await openPdf(sample(name), new Uint8Array(readFileSync(sample(name))))).doc;

/** A page of the scanned sample read from its image and rendered by pdf.js at `dpi`: their mean grey difference and dark pixels. */
async function directAndRendered(pageNo: number, dpi: number) {
  const doc = await open('scan.pdf');
  const page = await doc.getPage(pageNo);
  const direct = await pageImageAt(page, dpi);
  const rendered = await renderPage(page, dpi);
  await doc.destroy();
  expect(direct).toBeDefined();
  expect([direct!.width, direct!.height]).toEqual([rendered.width, rendered.height]);
  let diff = 0;
  let ink = 0;
  let inkRendered = 0;
  for (let i = 0; i < rendered.data.length; i++) {
    diff += Math.abs(direct!.data[i] - rendered.data[i]);
    ink += direct!.data[i] < 128 ? 1 : 0;
    inkRendered += rendered.data[i] < 128 ? 1 : 0;
  }
  return { meanDiff: diff / rendered.data.length, ink, inkRendered };
}

describe('pageImageAt', () => {
  it('takes a 200 dpi scan page from its image, the size of the rendered page and with its ink', { timeout: 60_000 }, async () => {
    // the drawing resamples the image by a fraction of a pixel: the same picture, edges a little softer
    expect((await directAndRendered(2, 200)).meanDiff).toBeLessThan(8);
  });

  it('draws a scan at another resolution itself, as pdf.js would render it', { timeout: 60_000 }, async () => {
    // a 200 dpi image read at 150 dpi: resampled where it lies, not decoded a second time by a render;
    // the same picture in the same place: a grey level or two apart on average, as much ink
    const { meanDiff, ink, inkRendered } = await directAndRendered(3, 150);
    expect(meanDiff).toBeLessThan(3);
    expect(Math.abs(ink - inkRendered)).toBeLessThan(0.02 * inkRendered);
  });

  it('leaves a page with a text layer to the renderer', { timeout: 60_000 }, async () => {
    const doc = await open('mixed.pdf');
    expect(await pageImageAt(await doc.getPage(1), 200)).toBeUndefined();
    expect(await pageImageAt(await doc.getPage(4), 200)).toBeDefined();
    await doc.destroy();
  });
});

describe('canvasWidth', () => {
  it('lays a short crop on a canvas of its own width, a lone character on PaddleOCR’s 320', () => {
    expect(canvasWidth(150)).toBe(320);
    expect(canvasWidth(150, 160)).toBe(160);
    expect(canvasWidth(170, 160)).toBe(170);
    expect(canvasWidth(60, 160)).toBe(320);
    expect(canvasWidth(500, 160)).toBe(500);
  });
});
