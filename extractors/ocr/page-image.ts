/**
 * A scanned page's pixels taken from its one image, when the page is nothing but that image
 * drawn upright (a scanner's page). At the resolution OCR reads at (a 200 dpi scan) they are the
 * image's own pixels; at another resolution (a 300 dpi scan), or letterboxed on a larger sheet, the
 * image is drawn here where it lies. A page that is more than the image (text or drawings beside
 * it, a rotated page) is rendered (render-page.ts).
 * Drawing the page with pdf.js instead would cost about a tenth of a page's OCR time at 200 dpi
 * (the draw, the copy of the canvas's pixels and their conversion to grey) and only move the image
 * by a fraction of a pixel — a blur, not information; at another resolution it would also decode
 * the image a second time (pdf.js keeps the operator list read here apart from the one it draws from).
 */
import type { PDFPageProxy } from 'pdfjs-dist/types/src/display/api.js';
import { loadPdfJs } from '../pdf/load-document.js';
import { resizeRegion, type Gray } from './raster.js';

/** pdf.js's decoded image (its ImageKind: 2 = RGB, 3 = RGBA; a 1-bit image is rendered instead) */
interface DecodedImage {
  width: number;
  height: number;
  kind?: number;
  data?: Uint8Array | Uint8ClampedArray;
}

/** how far, as a share of the page, the image's size and corners may be from the page's at `dpi` */
const SLACK = 0.005;

/** The operators a page that is one image may have besides the image itself. */
const FRAMING = ['save', 'restore', 'transform', 'dependency'];

/**
 * The page's one image as grey at `dpi`: its own pixels when it covers the page at that resolution
 * (its size and its corners within half a percent of the rendered page's), else drawn here onto
 * white paper where it lies (a scan at another resolution, or letterboxed on a larger sheet);
 * undefined when the page is more than one upright image.
 */
export async function pageImageAt(page: PDFPageProxy, dpi: number): Promise<Gray | undefined> {
  if (page.rotate % 360 !== 0) return undefined;
  const { OPS } = await loadPdfJs();
  const ops = await page.getOperatorList();
  const allowed = new Set(FRAMING.map((k) => OPS[k as keyof typeof OPS]));
  const images = ops.fnArray.flatMap((f, i) => (f === OPS.paintImageXObject ? [i] : allowed.has(f) ? [] : [-1]));
  if (images.length !== 1 || images[0] < 0) return undefined;
  const [id] = ops.argsArray[images[0]] as [string];
  const viewport = page.getViewport({ scale: dpi / 72 });
  const width = Math.max(1, Math.round(viewport.width));
  const height = Math.max(1, Math.round(viewport.height));
  const img = (page.objs.has(id) ? page.objs.get(id) : undefined) as DecodedImage | undefined;
  if (!img?.data) return undefined;
  // where the image lands: the product of its transforms takes the unit square onto this rectangle
  const m = placement(ops.fnArray, ops.argsArray, OPS.transform, OPS.save, OPS.restore, images[0]);
  if (m[1] !== 0 || m[2] !== 0) return undefined;
  const [x0, y0] = viewport.convertToViewportPoint(m[4], m[5]);
  const [x1, y1] = viewport.convertToViewportPoint(m[0] + m[4], m[3] + m[5]);
  // upright (not mirrored) and on the page
  const onPage = x0 < x1 && y1 < y0 && x0 >= -SLACK * width && y1 >= -SLACK * height && x1 <= width * (1 + SLACK) && y0 <= height * (1 + SLACK);
  if (!onPage) return undefined;
  const grey = toGray(img);
  if (!grey) return undefined;
  const near = (a: number, b: number) => Math.abs(a - b) <= SLACK * b;
  const fits = [x0, x1 - width].every((d) => Math.abs(d) <= SLACK * width) && [y1, y0 - height].every((d) => Math.abs(d) <= SLACK * height);
  if (fits && near(img.width, width) && near(img.height, height)) {
    if (grey.width === width && grey.height === height) return grey;
    // a scan a few pixels larger or smaller than the page at `dpi` (its page size rounded): brought to the page's size
    return toBytes(resizeRegion(grey, 0, 0, grey.width, grey.height, width, height), width, height);
  }
  return drawInto(grey, { x0, y0: y1, x1, y1: y0 }, width, height);
}

/**
 * `grey` drawn (bilinear) into the rectangle `at` (pixels, fractional) of a white page `width` ×
 * `height`: what pdf.js's canvas would draw, without pdf.js decoding the image a second time for
 * the drawing (it keeps the operator list read above apart from the one it draws from).
 */
function drawInto(grey: Gray, at: { x0: number; y0: number; x1: number; y1: number }, width: number, height: number): Gray {
  const data = new Uint8Array(width * height).fill(255);
  const L = Math.max(0, Math.round(at.x0));
  const T = Math.max(0, Math.round(at.y0));
  const R = Math.min(width, Math.round(at.x1));
  const B = Math.min(height, Math.round(at.y1));
  if (R <= L || B <= T) return { width, height, data };
  // the part of the image that lands on the page's pixels L..R × T..B
  const kx = grey.width / (at.x1 - at.x0);
  const ky = grey.height / (at.y1 - at.y0);
  const px = resizeRegion(grey, (L - at.x0) * kx, (T - at.y0) * ky, (R - L) * kx, (B - T) * ky, R - L, B - T);
  const drawn = toBytes(px, R - L, B - T).data;
  for (let y = T; y < B; y++) data.set(drawn.subarray((y - T) * (R - L), (y - T + 1) * (R - L)), y * width + L);
  return { width, height, data };
}

/** Resampled grey (fractional) to bytes. */
function toBytes(px: Float32Array, width: number, height: number): Gray {
  const data = new Uint8Array(width * height);
  for (let i = 0; i < data.length; i++) data[i] = px[i] + 0.5;
  return { width, height, data };
}

/** The current transform at operator `at`: the transforms in force (save and restore nest them). */
function placement(fns: number[], args: unknown[], transform: number, save: number, restore: number, at: number): number[] {
  let m = [1, 0, 0, 1, 0, 0];
  const stack: number[][] = [];
  for (let i = 0; i < at; i++) {
    if (fns[i] === save) stack.push(m);
    else if (fns[i] === restore) m = stack.pop() ?? [1, 0, 0, 1, 0, 0];
    else if (fns[i] === transform) {
      const [a, b, c, d, e, f] = args[i] as number[];
      m = [a * m[0] + b * m[2], a * m[1] + b * m[3], c * m[0] + d * m[2], c * m[1] + d * m[3], e * m[0] + f * m[2] + m[4], e * m[1] + f * m[3] + m[5]];
    }
  }
  return m;
}

/** Grey from pdf.js's decoded pixels, as render-page.ts converts a canvas's (luma; alpha over white). */
function toGray(img: DecodedImage): Gray | undefined {
  const { width, height, kind } = img;
  const src = img.data!;
  const data = new Uint8Array(width * height);
  if (kind === 2 || kind === 3) {
    const step = kind === 2 ? 3 : 4;
    if (src.length < width * height * step) return undefined;
    for (let i = 0, j = 0; j < data.length; i += step, j++) {
      const r = src[i];
      // an opaque grey pixel (every pixel of a grey scan) is its own luma: tested first, alone
      if (src[i + 1] === r && src[i + 2] === r && (step === 3 || src[i + 3] === 255)) {
        data[j] = r;
        continue;
      }
      const a = step === 4 ? src[i + 3] : 255;
      const y = 0.299 * r + 0.587 * src[i + 1] + 0.114 * src[i + 2];
      data[j] = Math.round((y * a) / 255 + 255 * (1 - a / 255));
    }
  } else return undefined;
  return { width, height, data };
}
