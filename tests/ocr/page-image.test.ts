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

describe('pageImageAt', () => {
  it('takes a 200 dpi scan page from its image, the size of the rendered page and with its ink', { timeout: 60_000 }, async () => {
    const doc = await open('scan.pdf');
    const page = await doc.getPage(2);
    const direct = await pageImageAt(page, 200);
    const drawn = await renderPage(page, 200);
    expect(direct).toBeDefined();
    expect([direct!.width, direct!.height]).toEqual([drawn.width, drawn.height]);
    // the drawing resamples the image by a fraction of a pixel: the same picture, edges a little softer
    let diff = 0;
    for (let i = 0; i < drawn.data.length; i++) diff += Math.abs(direct!.data[i] - drawn.data[i]);
    expect(diff / drawn.data.length).toBeLessThan(8);
    await doc.destroy();
  });

  it('draws a scan at another resolution itself, as pdf.js would render it', { timeout: 60_000 }, async () => {
    // a 200 dpi image read at 150 dpi: resampled where it lies, not decoded a second time by a render
    const doc = await open('scan.pdf');
    const page = await doc.getPage(3);
    const drawn = await pageImageAt(page, 150);
    const rendered = await renderPage(page, 150);
    expect(drawn).toBeDefined();
    expect([drawn!.width, drawn!.height]).toEqual([rendered.width, rendered.height]);
    let diff = 0;
    let ink = 0;
    let inkRendered = 0;
    for (let i = 0; i < rendered.data.length; i++) {
      diff += Math.abs(drawn!.data[i] - rendered.data[i]);
      ink += drawn!.data[i] < 128 ? 1 : 0;
      inkRendered += rendered.data[i] < 128 ? 1 : 0;
    }
    // the same picture in the same place: a grey level or two apart on average, as much ink
    expect(diff / rendered.data.length).toBeLessThan(3);
    expect(Math.abs(ink - inkRendered)).toBeLessThan(0.02 * inkRendered);
    await doc.destroy();
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
