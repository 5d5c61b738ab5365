/**
 * A piece of a detected box cut at a vertical rule (ocr-page.ts splitAtRules), its height fitted to
 * the ink inside it: plain geometry over the binarised page, run before recognition.
 *
 * Why: the detector can give one box to a two-line label and the small amount beside it in the next
 * cell (其中：中央财政资金 | 0). Cut at the rule, the amount's piece keeps the label's height, and
 * a small 0 in a crop two or three times its height is scaled down by the recogniser into a dot: it
 * reads 。 or . (the scanned sample's 绩效 forms, pp. 20 and 30), and the cell is lost. Fitted to
 * its ink, the piece is a line of its own height, as the detector gives a lone number.
 */
import type { OcrBox } from './paddle.js';

/** a piece is fitted only when its ink fills less than this share of its height */
const FIT_BELOW = 0.6;
/** padding kept above and below the ink, in ink heights (about what the detector's unclip leaves) */
const PAD = 0.3;
/** a row is ink when it holds at least this many ink pixels: one alone is noise */
const ROW_MIN = 2;
/** blank rows inside a band of ink that still join it (a glyph's inner gaps, a broken stroke) */
const ROW_GAP = 1;
/** a band lower than this share of the piece is a speck or a stroke, not a glyph: left as it is */
const MIN_BAND = 0.2;
/** ink outside the band, as a share of the band's: more is a second line, which fitting would cut off */
const MAX_OUTSIDE = 0.25;

/**
 * The band of rows of the piece that holds the most ink (rows of ≥ 2 ink pixels, joined across
 * one blank row); the piece with its top and bottom moved to that band plus padding, when the band
 * is 0.2–0.6 of the piece's height and nearly all its ink (a second line is never cut off).
 * `ink` is the binarised page with its rules erased (1 = ink).
 */
export function fitToInk(box: OcrBox, ink: Uint8Array, width: number): OcrBox {
  const xa = Math.max(0, Math.floor(box.x0));
  const xb = Math.min(width - 1, Math.ceil(box.x1) - 1);
  const ya = Math.max(0, Math.floor(box.y0));
  const yb = Math.min(Math.floor(ink.length / width) - 1, Math.ceil(box.y1) - 1);
  if (xb < xa || yb < ya) return box;
  const rowInk = (y: number) => {
    let n = 0;
    for (let x = xa; x <= xb; x++) n += ink[y * width + x];
    return n;
  };
  let best: { top: number; bottom: number; mass: number } | undefined;
  let cur: { top: number; bottom: number; mass: number } | undefined;
  let gap = 0;
  let total = 0;
  for (let y = ya; y <= yb; y++) {
    const n = rowInk(y);
    total += n;
    if (n >= ROW_MIN) {
      if (cur && gap <= ROW_GAP) {
        cur.bottom = y;
        cur.mass += n;
      } else cur = { top: y, bottom: y, mass: n };
      gap = 0;
      if (!best || cur.mass > best.mass) best = cur;
    } else gap++;
  }
  if (!best) return box;
  const inkH = best.bottom + 1 - best.top;
  const h = box.y1 - box.y0;
  if (inkH >= FIT_BELOW * h || inkH < MIN_BAND * h || total - best.mass > MAX_OUTSIDE * best.mass) return box;
  const pad = PAD * inkH;
  return { ...box, y0: Math.max(box.y0, best.top - pad), y1: Math.min(box.y1, best.bottom + 1 + pad) };
}
