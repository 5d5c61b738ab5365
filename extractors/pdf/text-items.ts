/**
 * pdf.js text items → text fragments in page geometry (points, origin top-left, y down).
 *
 * A fragment is a run of characters without whitespace, with an estimate of where each character
 * sits (pdf.js gives only the start and advance of an item), so that a run that a producer drew
 * across two table cells can be cut at the rule between them.
 */
import { collapseSpaces, isCjk, joinPieces, normalizeText } from './cjk-normalize.js';
import { DEFAULT_LAYOUT_SETTINGS } from '../../src/core/layout-settings.js';

export interface RawTextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
  fontName?: string;
}

export interface TextFrag {
  text: string;
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  /** baseline y */
  base: number;
  /** font size in points */
  size: number;
  font: string;
  /** x of each character boundary (text.length + 1 values), estimated */
  cuts: number[];
  /** text drawn top-to-bottom or rotated: kept as text, never used for column finding */
  rotated?: boolean;
}

type Matrix = [number, number, number, number, number, number];

export function multiply(m: ArrayLike<number>, n: ArrayLike<number>): Matrix {
  return [
    m[0] * n[0] + m[2] * n[1],
    m[1] * n[0] + m[3] * n[1],
    m[0] * n[2] + m[2] * n[3],
    m[1] * n[2] + m[3] * n[3],
    m[0] * n[4] + m[2] * n[5] + m[4],
    m[1] * n[4] + m[3] * n[5] + m[5],
  ];
}

export function applyPoint(m: ArrayLike<number>, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

/** Relative advance of a character: CJK is square, Latin and digits about half, punctuation less. */
function charWeight(ch: string): number {
  if (isCjk(ch)) return 1;
  if (ch === ' ') return 0.3;
  if (/[.,:;'!|il]/.test(ch)) return 0.3;
  return 0.55;
}

/** Share of the font size above the baseline (CJK fonts sit about 0.88 em above, 0.12 below). */
const ASCENT = 0.86;
const DESCENT = 0.14;

/**
 * Converts pdf.js items to fragments. `viewport` is the scale-1 viewport transform, which flips y and
 * applies /Rotate and the crop box offset, so everything after this is in top-left page space.
 */
export function toFragments(items: readonly RawTextItem[], viewport: ArrayLike<number>): TextFrag[] {
  const out: TextFrag[] = [];
  for (const it of items) {
    if (!it.str || !/\S/.test(it.str)) continue;
    const text = normalizeText(it.str);
    if (!/\S/.test(text)) continue;
    const t = it.transform;
    const scaleX = Math.hypot(t[0], t[1]) || 1;
    // some producers' fonts give no advance widths: estimate the run from its characters
    const width = it.width > 0 ? it.width : Array.from(text).reduce((w, c) => w + charWeight(c), 0) * (Math.hypot(t[2], t[3]) || it.height || 10);
    // Start and end of the baseline in user space, then through the viewport.
    const [sx, sy] = applyPoint(viewport, t[4], t[5]);
    const ex0 = t[4] + (width * t[0]) / scaleX;
    const ey0 = t[5] + (width * t[1]) / scaleX;
    const [ex, ey] = applyPoint(viewport, ex0, ey0);
    const size = Math.hypot(t[2], t[3]) || it.height || 10;
    const dx = ex - sx;
    const dy = ey - sy;
    const horizontal = Math.abs(dy) <= Math.max(0.5, Math.abs(dx) * 0.05) && dx >= 0;
    if (!horizontal) {
      // Vertical or rotated text: keep it as one fragment with a bounding box.
      const x0 = Math.min(sx, ex) - size / 2;
      const x1 = Math.max(sx, ex) + size / 2;
      const y0 = Math.min(sy, ey);
      const y1 = Math.max(sy, ey) + (Math.abs(dy) > Math.abs(dx) ? 0 : size);
      const s = collapseSpaces(text);
      out.push({ text: s, x0, x1, y0, y1, base: (y0 + y1) / 2, size, font: it.fontName ?? '', cuts: [x0, x1], rotated: true });
      continue;
    }
    splitAtSpaces(text, sx, Math.max(ex, sx), sy, size, it.fontName ?? '', out);
  }
  return out;
}

/** Splits one item at whitespace runs; character positions are interpolated by width class. */
function splitAtSpaces(text: string, x0: number, x1: number, base: number, size: number, font: string, out: TextFrag[]): void {
  const chars = Array.from(text);
  let total = 0;
  for (const c of chars) total += charWeight(c);
  const unit = total > 0 ? (x1 - x0) / total : 0;
  let x = x0;
  let cur: string[] = [];
  let cuts: number[] = [];
  const flush = () => {
    if (cur.length) {
      const s = cur.join('');
      out.push({ text: s, x0: cuts[0], x1: cuts[cuts.length - 1], y0: base - size * ASCENT, y1: base + size * DESCENT, base, size, font, cuts });
    }
    cur = [];
    cuts = [];
  };
  for (const c of chars) {
    const w = charWeight(c) * unit;
    if (/\s/.test(c)) {
      flush();
    } else {
      if (!cur.length) cuts.push(x);
      // a surrogate pair stays one character, but `cuts` is indexed by UTF-16 units, like `text`
      for (let k = 0; k < c.length; k++) {
        cur.push(k === 0 ? c : '');
        cuts.push(k === c.length - 1 ? x + w : x);
      }
    }
    x += w;
  }
  flush();
}

/** Cuts a fragment at x, at the nearest character boundary; returns one or two fragments. */
export function cutFragment(f: TextFrag, x: number): TextFrag[] {
  if (f.rotated || x <= f.x0 || x >= f.x1) return [f];
  let best = -1;
  let bestD = Infinity;
  for (let i = 1; i < f.cuts.length - 1; i++) {
    const d = Math.abs(f.cuts[i] - x);
    if (d < bestD) {
      bestD = d;
      best = i;
    }
  }
  if (best < 0 || bestD > f.size * 0.6) return [f];
  // Do not cut inside a number: `1,633,000.00` is one amount even if it touches a rule.
  const left = f.text.slice(0, best);
  const right = f.text.slice(best);
  if (/[\d.,]$/.test(left) && /^[\d.,]/.test(right)) return [f];
  return [
    { ...f, text: left, x1: f.cuts[best], cuts: f.cuts.slice(0, best + 1) },
    { ...f, text: right, x0: f.cuts[best], cuts: f.cuts.slice(best) },
  ];
}

/** A line of text: fragments sharing a baseline, left to right. */
export interface TextLine {
  frags: TextFrag[];
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  base: number;
  size: number;
}

/**
 * Groups fragments into lines by vertical overlap (not by stream order, which some producers
 * scramble). Small baseline offsets (superscripts, mixed fonts) stay on one line.
 */
export function groupLines(frags: readonly TextFrag[], tolEm = DEFAULT_LAYOUT_SETTINGS.text.lineTolEm): TextLine[] {
  const sorted = [...frags].sort((a, b) => (a.y0 + a.y1) / 2 - (b.y0 + b.y1) / 2 || a.x0 - b.x0);
  const lines: TextLine[] = [];
  let cur: TextLine | undefined;
  for (const f of sorted) {
    const mid = (f.y0 + f.y1) / 2;
    if (cur) {
      const curMid = (cur.y0 + cur.y1) / 2;
      const tol = Math.min(cur.size, f.size) * tolEm;
      if (Math.abs(mid - curMid) <= tol) {
        cur.frags.push(f);
        cur.x0 = Math.min(cur.x0, f.x0);
        cur.x1 = Math.max(cur.x1, f.x1);
        cur.y0 = Math.min(cur.y0, f.y0);
        cur.y1 = Math.max(cur.y1, f.y1);
        cur.size = Math.max(cur.size, f.size);
        continue;
      }
    }
    cur = { frags: [f], x0: f.x0, x1: f.x1, y0: f.y0, y1: f.y1, base: f.base, size: f.size };
    lines.push(cur);
  }
  for (const l of lines) l.frags.sort((a, b) => a.x0 - b.x0);
  return lines;
}

/**
 * Splits a line into pieces where the gap between fragments is wide (more than `gapEm` em), and
 * joins the fragments of each piece (no space between Han characters, one between Latin words).
 */
export interface LinePiece {
  text: string;
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  size: number;
  frags: TextFrag[];
}

export function linePieces(line: TextLine, gapEm = DEFAULT_LAYOUT_SETTINGS.text.cellGapEm, joinable: (prev: TextFrag, next: TextFrag) => boolean = () => true): LinePiece[] {
  const out: LinePiece[] = [];
  let cur: LinePiece | undefined;
  for (const f of line.frags) {
    if (cur && f.x0 - cur.x1 <= gapEm * Math.min(cur.size, f.size) && joinable(cur.frags[cur.frags.length - 1], f)) {
      cur.text = joinAdjacent(cur.text, cur.x1, f);
      cur.x1 = Math.max(cur.x1, f.x1);
      cur.y0 = Math.min(cur.y0, f.y0);
      cur.y1 = Math.max(cur.y1, f.y1);
      cur.frags.push(f);
    } else {
      cur = { text: f.text, x0: f.x0, x1: f.x1, y0: f.y0, y1: f.y1, size: f.size, frags: [f] };
      out.push(cur);
    }
  }
  for (const p of out) p.text = collapseSpaces(p.text);
  return out;
}

/**
 * Appends a fragment to text ending at x = `endX`: touching runs (an item split by a font change,
 * `201` + `7年度`) join without a space; otherwise a space only between Latin/digit words.
 */
export function joinAdjacent(text: string, endX: number, f: TextFrag): string {
  if (!text) return f.text;
  if (f.x0 - endX < 0.15 * f.size) return text + f.text;
  return joinPieces(text, f.text);
}

/** Text of fragments in one cell: lines top to bottom, wrapped lines joined without a space between Han. */
export function cellText(frags: readonly TextFrag[]): string {
  if (!frags.length) return '';
  let text = '';
  for (const line of groupLines(frags)) {
    let s = '';
    let x1 = -Infinity;
    for (const f of line.frags) {
      s = joinAdjacent(s, x1, f);
      x1 = Math.max(x1, f.x1);
    }
    text = joinPieces(text, s);
  }
  return collapseSpaces(text);
}
