/**
 * One page image → what the PDF layout reads from a text layer: text fragments and ruling
 * segments in page points (origin top-left, y down). From there the page takes the same path as
 * a born-digital one (extractors/pdf/page-layout.ts), so segmentation, interpretation and
 * validation cannot tell a scan from a text layer.
 *
 * Order matters: the page is deskewed first (rules and text rows then run along the axes); the
 * rules are found and painted out (a rule inside a crop would be read as 1 or l); text boxes are
 * cut at every vertical rule they cross, so no recognised line runs across two columns.
 */
import type { Segment } from '../pdf/rulings.js';
import { toFragments, type TextFrag } from '../pdf/text-items.js';
import type { OcrBox, OcrEngine, Recognized } from './paddle.js';
import { dropPieces, widenToInk } from './widen-box.js';
import { fitToInk } from './fit-to-ink.js';
import { cellWalls } from './cell-walls.js';
import { crossedByStroke } from './wall-strokes.js';
import { dropStrayStrokes } from './stray-strokes.js';
import { snapToHeaderWord } from './snap-words.js';
import { correctReading, isNoise, readDigits } from './ocr-correct.js';
import { closingBracket, fixOcrPunctuation, sameReading } from './ocr-text.js';
import { binarize, eraseRules, eraseRulesInk, estimateSkew, findRulesAndShortVerticals, rotate, type Gray, type RasterRule } from './raster.js';

/** Every tuning value of the OCR path, with its default. */
export interface OcrSettings {
  /** resolution pages are rendered at */
  dpi: number;
  /** detection input's longer side is at most this many pixels */
  detectLimit: number;
  /** a rule is an ink run at least this long (inches) … */
  ruleMinInch: number;
  /** … and at most this thick (inches) */
  ruleMaxThickInch: number;
  /** a run shorter than this (inches) that meets no rule across it is a stroke of large text, not a rule (stray-strokes.ts) */
  strokeMaxInch: number;
  /** a cell whose lowest character probability is below this is reported and not read */
  minCharProb: number;
  /** the narrowest canvas a recognised line of more than two characters is laid on, pixels at the model's height (paddle.ts) */
  recMinWidth: number;
  /** a page that is one image at `dpi` is read from the image's own pixels, not drawn first (page-image.ts) */
  imageDirect: boolean;
}

export const OCR_DEFAULTS: OcrSettings = {
  dpi: 200,
  detectLimit: 1280,
  ruleMinInch: 0.4,
  ruleMaxThickInch: 0.03,
  strokeMaxInch: 1,
  minCharProb: 0.8,
  recMinWidth: 160,
  imageDirect: true,
};

/** A recognised piece of text, in page points, with its characters' probabilities. */
export interface OcrText {
  text: string;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  probs: number[];
  /** each character's runners-up (ocr-correct.ts), for reading a cell of several lines against the vocabulary (cell-reading.ts) */
  alts?: { ch: string; p: number }[][];
  /** what the recogniser read, when OCR read it otherwise (ocr-correct.ts) */
  read?: string;
  /** one character read too unsure to be text (a speck, a trace of a rule): not laid out, reported */
  noise?: boolean;
}

export interface OcrPage {
  frags: TextFrag[];
  rules: Segment[];
  texts: OcrText[];
  /** the skew measured and undone, degrees */
  skew: number;
  /** maps a point of the deskewed page back to the page as printed (for provenance) */
  unskew(x: number, y: number): [number, number];
}

/** Cuts a box at each vertical rule that runs through its middle. */
export function splitAtRules(box: OcrBox, rules: readonly RasterRule[], margin = 2): OcrBox[] {
  const cy = (box.y0 + box.y1) / 2;
  const xs = rules
    .filter((r) => r.x0 === r.x1 && r.x0 > box.x0 + margin && r.x0 < box.x1 - margin && Math.min(r.y0, r.y1) <= cy && Math.max(r.y0, r.y1) >= cy)
    .map((r) => r.x0)
    .sort((a, b) => a - b);
  if (!xs.length) return [box];
  const out: OcrBox[] = [];
  let from = box.x0;
  for (const x of [...xs, box.x1]) {
    const to = x === box.x1 ? x : x - margin;
    if (to - from > 4) out.push({ ...box, x0: from, x1: to });
    from = x + margin;
  }
  return out;
}

/**
 * The text a speck follows: on its line just before it, or the line just above when the speck
 * starts under that line's start (a cell's text wrapped onto a second line).
 */
function textBefore(texts: readonly OcrText[], s: OcrText): OcrText | undefined {
  const after = (t: OcrText) => {
    const h = t.y1 - t.y0;
    const sameLine = Math.min(t.y1, s.y1) - Math.max(t.y0, s.y0) > 0.5 * Math.min(h, s.y1 - s.y0) && s.x0 >= t.x1 - 0.2 * h && s.x0 - t.x1 < h;
    const wrapped = s.y0 >= t.y1 - 0.2 * h && s.y0 - t.y1 < 0.5 * h && s.x0 >= t.x0 - 0.5 * h && s.x0 < t.x0 + h;
    return sameLine || wrapped;
  };
  return texts.filter((t) => !t.noise && after(t)).sort((a, b) => Math.abs(s.x0 - a.x1) + Math.abs(s.y0 - a.y0) - (Math.abs(s.x0 - b.x1) + Math.abs(s.y0 - b.y0)))[0];
}

/** Specks that are the ） of an open （ before them are that bracket (ocr-text.ts), with the recogniser's probability of it. */
function closeBrackets(texts: OcrText[], readings: readonly Recognized[]): void {
  texts.forEach((s, i) => {
    if (!s.noise) return;
    const before = textBefore(texts, s);
    const p = before && closingBracket(before.text, readings[i]);
    if (p === undefined) return;
    texts[i] = { ...s, text: '）', probs: [Math.min(1, p)], read: s.read ?? readings[i].text, noise: undefined };
  });
}

export async function ocrPage(engine: OcrEngine, image: Gray, settings: OcrSettings = OCR_DEFAULTS): Promise<OcrPage> {
  const dpi = settings.dpi;
  const pt = 72 / dpi;
  let g = image;
  let ink = binarize(g);
  const skew = estimateSkew(ink, g.width, g.height);
  if (Math.abs(skew) >= 0.05) {
    g = rotate(g, skew);
    ink = binarize(g);
  }
  const minRule = Math.round(settings.ruleMinInch * dpi);
  const maxThick = Math.max(3, Math.round(settings.ruleMaxThickInch * dpi));
  const found = findRulesAndShortVerticals(ink, g.width, g.height, minRule, Math.round(minRule / 4), maxThick);
  // a bold title's strokes pass for short rules; a table's short rule meets one across it (stray-strokes.ts)
  const long = dropStrayStrokes(found.rules, Math.round(settings.strokeMaxInch * dpi));
  // a wall as high as one header cell is shorter than a rule, but closes the cell (cell-walls.ts); a character's upright met by its strokes is none (wall-strokes.ts)
  const rules = [...long, ...cellWalls(found.shortVerticals, long, maxThick).filter((w) => !crossedByStroke(w, ink, g.width, maxThick + 2, long))];
  const clean = eraseRules(g, rules);
  const detected = await engine.detect(clean, settings.detectLimit);
  // a character the detector left outside its line's box is taken in (widen-box.ts)
  const cleanInk = eraseRulesInk(ink, g.width, g.height, rules);
  // a piece of a large character given a box of its own is read with its line (widen-box.ts)
  const boxes = dropPieces(detected, detected.map((b) => widenToInk(b, cleanInk, clean.width, detected, rules)), rules)
    // a piece cut off a taller box is fitted to its own ink (fit-to-ink.ts: a small 0 beside a two-line label)
    .flatMap((b) => splitAtRules(b, rules).map((p, _, all) => (all.length > 1 ? fitToInk(p, cleanInk, clean.width) : p)));
  const read = await engine.recognize(clean, boxes, settings.recMinWidth);
  const texts: OcrText[] = [];
  const readings: Recognized[] = [];
  boxes.forEach((b, i) => {
    // a header or title word read one unsure character off is that word (snap-words.ts)
    const r = snapToHeaderWord(correctReading(readDigits(read[i])));
    if (!r.text.trim()) return;
    // the unclipped box carries padding around the ink; take it off the sides so that text
    // alignment (right-aligned amounts) is measured on the characters
    const h = b.y1 - b.y0;
    const pad = Math.min(0.25 * h, (b.x1 - b.x0) / 4);
    const text = fixOcrPunctuation(r.text);
    const changed = sameReading(text, read[i].text) ? {} : { read: read[i].text };
    const noise = isNoise(r) ? { noise: true } : {};
    texts.push({ text, x0: (b.x0 + pad) * pt, x1: (b.x1 - pad) * pt, y0: b.y0 * pt, y1: b.y1 * pt, probs: r.probs, alts: r.alts, ...changed, ...noise });
    readings.push(r);
  });
  closeBrackets(texts, readings);
  // a text-layer item: baseline and font size from the box (CJK ink fills ~0.85 of the box)
  const items = texts.filter((t) => !t.noise).map((t) => {
    const h = t.y1 - t.y0;
    const size = 0.8 * h;
    return { str: t.text, transform: [size, 0, 0, size, t.x0, t.y1 - 0.18 * h], width: t.x1 - t.x0, height: size, fontName: 'ocr' };
  });
  const frags = toFragments(items, [1, 0, 0, 1, 0, 0]);
  const segs: Segment[] = rules.map((r) => ({ x0: r.x0 * pt, y0: r.y0 * pt, x1: r.x1 * pt, y1: r.y1 * pt }));
  const a = (-skew * Math.PI) / 180;
  const cx = (image.width * pt) / 2;
  const cy = (image.height * pt) / 2;
  const unskew = (x: number, y: number): [number, number] => {
    if (skew === 0) return [x, y];
    // the inverse of raster.rotate: where the deskewed point was on the printed page
    const dx = x - cx;
    const dy = y - cy;
    return [Math.cos(a) * dx + Math.sin(a) * dy + cx, -Math.sin(a) * dx + Math.cos(a) * dy + cy];
  };
  return { frags, rules: segs, texts, skew, unskew };
}
