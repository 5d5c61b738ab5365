/**
 * A PDF page as a grey raster, rendered by pdf.js onto @napi-rs/canvas (the canvas pdf.js itself
 * uses in Node, installed with pdfjs-dist).
 */
import type { PDFPageProxy } from 'pdfjs-dist/types/src/display/api.js';
import type { Gray } from './raster.js';

export async function renderPage(page: PDFPageProxy, dpi: number): Promise<Gray> {
  const { createCanvas } = await import('@napi-rs/canvas');
  const viewport = page.getViewport({ scale: dpi / 72 });
  const width = Math.max(1, Math.round(viewport.width));
  const height = Math.max(1, Math.round(viewport.height));
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, height);
  await page.render({ canvas: canvas as unknown as HTMLCanvasElement, canvasContext: ctx as unknown as CanvasRenderingContext2D, viewport }).promise;
  const rgba = ctx.getImageData(0, 0, width, height).data;
  // the canvas's pixels live outside the JS heap, where the collector does not see them grow:
  // a zero-sized surface gives them back now, not after an unknown number of pages
  canvas.width = 0;
  canvas.height = 0;
  const data = new Uint8Array(width * height);
  for (let i = 0, j = 0; j < data.length; i += 4, j++) {
    const r = rgba[i];
    // a grey pixel on opaque paper (every pixel of a grey scan) is its own luma: no arithmetic
    if (rgba[i + 3] === 255 && rgba[i + 1] === r && rgba[i + 2] === r) {
      data[j] = r;
      continue;
    }
    // luma; alpha over white
    const a = rgba[i + 3] / 255;
    const y = 0.299 * rgba[i] + 0.587 * rgba[i + 1] + 0.114 * rgba[i + 2];
    data[j] = Math.round(y * a + 255 * (1 - a));
  }
  return { width, height, data };
}
