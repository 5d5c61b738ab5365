/**
 * A scanned page's pixels taken straight from its one image, when the page is nothing but that
 * image drawn over the whole page at the resolution OCR reads at (a scanner's page at 200 dpi). A
 * page that is not (text or drawings beside the image, an image at another resolution, a rotated
 * page) is rendered as before, and pays for decoding its image twice (pdf.js keeps the operator
 * list it reads here apart from the one it draws from).
 * Drawing it onto a canvas first (render-page.ts) would only move it by a fraction of a pixel —
 * a blur, not information — and costs about a tenth of a page's OCR time: the draw, the copy of
 * the canvas's pixels and their conversion to grey.
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
 * The page's one image as grey at `dpi`, when it covers the page at that resolution (its size and
 * its corners within half a percent of the rendered page's); else undefined.
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
  const near = (a: number, b: number) => Math.abs(a - b) <= SLACK * b;
  if (!img?.data || !near(img.width, width) || !near(img.height, height)) return undefined;
  // where the image lands: the product of its transforms must take the unit square onto the page
  const m = placement(ops.fnArray, ops.argsArray, OPS.transform, OPS.save, OPS.restore, images[0]);
  const [x0, y0] = viewport.convertToViewportPoint(m[4], m[5]);
  const [x1, y1] = viewport.convertToViewportPoint(m[0] + m[4], m[3] + m[5]);
  const fits = m[1] === 0 && m[2] === 0 && [x0, x1 - width].every((d) => Math.abs(d) <= SLACK * width) && [y1, y0 - height].every((d) => Math.abs(d) <= SLACK * height);
  if (!fits) return undefined;
  const grey = toGray(img);
  if (!grey || (grey.width === width && grey.height === height)) return grey;
  // a scan a few pixels larger or smaller than the page at `dpi` (its page size rounded): brought to the page's size
  const px = resizeRegion(grey, 0, 0, grey.width, grey.height, width, height);
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
      const a = step === 4 ? src[i + 3] : 255;
      if (a === 255 && src[i + 1] === r && src[i + 2] === r) {
        data[j] = r;
        continue;
      }
      const y = 0.299 * r + 0.587 * src[i + 1] + 0.114 * src[i + 2];
      data[j] = Math.round((y * a) / 255 + 255 * (1 - a / 255));
    }
  } else return undefined;
  return { width, height, data };
}
