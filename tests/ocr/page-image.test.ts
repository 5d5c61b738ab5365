/**
 * A scanned page read from its own image (extractors/ocr/page-image.ts) and the canvas a crop is
 * recognised on (paddle.ts canvasWidth): the two speed options of the OCR path (docs/ocr.md).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCanvas } from '@napi-rs/canvas';
import { PDFDocument } from 'pdf-lib';
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

  it('draws an image letterboxed on a larger page where it lies, white around it', { timeout: 60_000 }, async () => {
    // a 400 × 300 picture at 200 dpi (144 × 108 pt) placed at (50, 60) on a 300 × 300 pt page
    const canvas = createCanvas(400, 300);
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, 400, 300);
    ctx.fillStyle = '#000000';
    ctx.fillRect(20, 30, 360, 4);
    ctx.fillRect(20, 30, 4, 240);
    ctx.fillRect(100, 100, 50, 80);
    const pdf = await PDFDocument.create();
    // a JPEG, as a scanner writes (pdf.js hands a small PNG's pixels over after its operator list, and such a page is rendered)
    const image = await pdf.embedJpg(canvas.toBuffer('image/jpeg'));
    pdf.addPage([300, 300]).drawImage(image, { x: 50, y: 60, width: 144, height: 108 });
    const bytes = await pdf.save();
    const doc = (await openPdf('letterboxed.pdf', bytes)).doc;
    const page = await doc.getPage(1);
    const drawn = await pageImageAt(page, 200);
    const rendered = await renderPage(page, 200);
    await doc.destroy();
    expect(drawn).toBeDefined();
    expect([drawn!.width, drawn!.height]).toEqual([rendered.width, rendered.height]);
    let diff = 0;
    for (let i = 0; i < rendered.data.length; i++) diff += Math.abs(drawn!.data[i] - rendered.data[i]);
    expect(diff / rendered.data.length).toBeLessThan(1);
    // the block at (100, 100) of the picture: 50 / 72 in from the page's left, 300 − 60 − 108 pt from its top, in pixels at 200 dpi
    const at = (x: number, y: number) => drawn!.data[Math.round(y) * drawn!.width + Math.round(x)];
    const left = (50 * 200) / 72;
    const top = ((300 - 60 - 108) * 200) / 72;
    expect(at(left + 125, top + 140)).toBeLessThan(64);
    expect(at(left - 10, top + 140)).toBe(255);
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
