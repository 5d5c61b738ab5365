/**
 * Figures printed closer than a cell gap. A dense table (ten columns of seven-digit figures, ICDAR
 * 2013 us-018) leaves about one em between its columns, less than `cellGapEm`, so a line of figures
 * reads as one piece `2,753,438 2,799,250 2,815,544` that is no amount and the row is not taken
 * as tabular; its header `2003–04 2004–05 2005–06` likewise reads as one head spanning six
 * columns. Word spaces never separate the parts of one figure, so a piece that is nothing but
 * figures with word spaces between them is one piece per figure.
 */
import type { LinePiece, TextFrag } from './text-items.js';

/** One figure as tables print them: an amount, a share, a bracketed value, a year or a year range (`2003–04`). */
const FIGURE = /^(?:[-−–(]?[$€£¥]?\d[\d.,]*%?\)?|\d{4}[–-]\d{2,4})$/;

/** Fragments of a piece grouped where a space of at least `spaceEm` separates them (touching runs are one word). */
function words(p: LinePiece, spaceEm: number): TextFrag[][] {
  const out: TextFrag[][] = [];
  let end = -Infinity;
  for (const f of p.frags) {
    if (out.length && f.x0 - end < spaceEm * f.size) out[out.length - 1].push(f);
    else out.push([f]);
    end = Math.max(end, f.x1);
  }
  return out;
}

/** The pieces with every run of figures split into one piece per figure (`spaceEm`: TextSettings.figureSpaceEm). */
export function splitNumberRuns(pieces: readonly LinePiece[], spaceEm: number): LinePiece[] {
  return pieces.flatMap((p) => {
    const ws = words(p, spaceEm);
    if (ws.length < 2) return [p];
    const texts = ws.map((w) => w.map((f) => f.text).join(''));
    if (!texts.every((t) => FIGURE.test(t))) return [p];
    return ws.map((w, k) => ({
      text: texts[k],
      x0: w[0].x0,
      x1: Math.max(...w.map((f) => f.x1)),
      y0: Math.min(...w.map((f) => f.y0)),
      y1: Math.max(...w.map((f) => f.y1)),
      size: w[0].size,
      frags: w,
    }));
  });
}

/**
 * A line's length as prose: its texts without the figures when it holds several (a header of ten
 * year ranges is long but no prose; a sentence naming one year is prose). `maxHeaderChars` is
 * measured on this.
 */
export function wordsLength(atoms: readonly { text: string }[]): number {
  const figures = atoms.filter((a) => FIGURE.test(a.text)).length;
  return atoms
    .filter((a) => figures < 2 || !FIGURE.test(a.text))
    .map((a) => a.text)
    .join(' ').length;
}
