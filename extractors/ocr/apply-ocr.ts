/**
 * After an OCR page has been laid out like a text-layer page: each grid cell gets the confidence
 * of the characters read in it, a number the recogniser was unsure of is reported and not read,
 * and every box goes back from the deskewed image to the page as printed.
 */
import type { BBox, Block, Diagnostic } from '../../schemas/intermediate.js';
import type { OcrPage, OcrText } from './ocr-page.js';

/** Any digit, or what a misread digit can look like inside a number. */
const NUMBERISH = /\d/;

/** A recognised box that overlaps the cell over at least half its own height (the cell's text came from such boxes). */
function inside(t: OcrText, b: BBox): boolean {
  const w = Math.min(t.x1, b.x1) - Math.max(t.x0, b.x0);
  const h = Math.min(t.y1, b.y1) - Math.max(t.y0, b.y0);
  return w > 0 && h >= 0.5 * (t.y1 - t.y0);
}

function unskewBox(b: BBox, ocr: OcrPage): BBox {
  if (ocr.skew === 0) return b;
  const pts = [ocr.unskew(b.x0, b.y0), ocr.unskew(b.x1, b.y0), ocr.unskew(b.x0, b.y1), ocr.unskew(b.x1, b.y1)];
  const r = (v: number) => Math.round(v * 100) / 100;
  return { x0: r(Math.min(...pts.map((p) => p[0]))), y0: r(Math.min(...pts.map((p) => p[1]))), x1: r(Math.max(...pts.map((p) => p[0]))), y1: r(Math.max(...pts.map((p) => p[1]))) };
}

export function applyOcr(blocks: Block[], diagnostics: Diagnostic[], ocr: OcrPage, page: number, minCharProb: number): void {
  for (const block of blocks) {
    if (block.type === 'grid') {
      for (const row of block.rows) {
        for (const cell of row.cells) {
          if (!cell.bbox || !cell.text.trim()) continue;
          const probs = ocr.texts.filter((t) => inside(t, cell.bbox!)).flatMap((t) => t.probs);
          if (!probs.length) continue;
          const conf = Math.round(Math.min(...probs) * 1000) / 1000;
          cell.ocr = conf;
          if (conf < minCharProb && NUMBERISH.test(cell.text)) {
            diagnostics.push({
              severity: 'warning',
              code: 'ocr.uncertain',
              message: `page ${page}: "${cell.text}" was recognised with a character probability of ${conf} (below ${minCharProb}); the cell is not read`,
              page,
              bbox: unskewBox(cell.bbox, ocr),
            });
            cell.text = '';
          }
          cell.bbox = unskewBox(cell.bbox, ocr);
        }
      }
    }
    if ('bbox' in block && block.bbox) block.bbox = unskewBox(block.bbox, ocr);
  }
}
