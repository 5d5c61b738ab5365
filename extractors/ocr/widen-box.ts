/**
 * A detected text box widened over the ink its line continues into: plain geometry over the
 * binarised page, run between detection and recognition (ocr-page.ts).
 */
import type { OcrBox } from './paddle.js';
import type { RasterRule } from './raster.js';

/** the share of a box's height left out at top and bottom: its padding may hold the lines above and below */
const BAND = 0.2;
/** a run of blank columns this many box heights wide ends the line: wider than between characters */
const LINE_GAP = 0.3;
/** ink beyond the edge is a character when it fills at least this many box heights of columns (less is a speck) */
const MIN_CHAR = 0.2;
/** the padding left around ink taken in, in box heights (about what unclipping gives a line) */
const PAD = 0.2;
/** a box grows by at most this many box heights on each side */
const MAX_GROW = 1.5;
/** a detected box at most this share of a line's height, inside that height and this near its box (line heights), is a stroke of one of its characters */
const STROKE = 0.55;
const STROKE_GAP = 0.25;
/** … and one at most this share of the line's height wide, on the line and touching its box (this near), a sliver of one */
const SLIVER = 0.5;
const TOUCH = 0.15;

/**
 * A box the detector gave a piece of one of a line's characters, not a line of its own beside it:
 * a stroke (a bold title's 一, or the top of its “, 0.3–0.5 of the line's height, inside its band:
 * 一 | 般公共预算支出预算表 and 收支预算总表 detected as 支预算总 beside two such boxes, 江苏省委办公厅
 * 2017; 三公”经费… beside the box of its “, 江苏省政协办公厅 2017), or a sliver touching the line's box
 * (合 | · for 合计: the left half of 计 boxed apart and read as a mark). The line's box widens over
 * it, and it is not read apart (`dropPieces`). One across a vertical rule from the line is in
 * another cell and stays a line of its own; a line is at least a character wide.
 */
export function isPieceOf(piece: OcrBox, line: OcrBox, rules: readonly RasterRule[] = []): boolean {
  const h = line.y1 - line.y0;
  const ph = piece.y1 - piece.y0;
  if (piece === line || line.x1 - line.x0 < h) return false;
  // a piece reaches out of the line's box, where the box must widen to (the “ of “三公”经费 overlaps the
  // line's box by half its width): one inside the box is not taken in by widening, and may be a line
  // of its own — the detector gave one box to a two-line cell and another to its second line's 费,
  // 0.43 of that box's height and inside its band, read as a stroke and dropped (江苏省委办公厅 2018
  // 省委办公厅承办的会议 | 费)
  if (piece.x0 >= line.x0 && piece.x1 <= line.x1) return false;
  const gap = Math.max(piece.x0 - line.x1, line.x0 - piece.x1);
  const stroke = ph <= STROKE * h && piece.y0 >= line.y0 && piece.y1 <= line.y1 && gap <= STROKE_GAP * h;
  const overlap = Math.min(piece.y1, line.y1) - Math.max(piece.y0, line.y0);
  const sliver = piece.x1 - piece.x0 <= SLIVER * h && ph <= 1.2 * h && overlap >= 0.8 * ph && gap <= TOUCH * h;
  if (!stroke && !sliver) return false;
  const [pc, lc] = [(piece.x0 + piece.x1) / 2, (line.x0 + line.x1) / 2];
  const cy = (line.y0 + line.y1) / 2;
  return !rules.some((r) => r.x0 === r.x1 && r.x0 >= Math.min(pc, lc) && r.x0 <= Math.max(pc, lc) && Math.min(r.y0, r.y1) <= cy && Math.max(r.y0, r.y1) >= cy);
}

/**
 * The widened boxes but the pieces (as detected) that a line's widened box took in: the line
 * reads them. `widened[i]` is `detected[i]` after widenToInk.
 */
export function dropPieces(detected: readonly OcrBox[], widened: readonly OcrBox[], rules: readonly RasterRule[] = []): OcrBox[] {
  return widened.filter((_, i) => {
    const p = detected[i];
    return !detected.some((l, j) => isPieceOf(p, l, rules) && p.x0 >= widened[j].x0 && p.x1 <= widened[j].x1);
  });
}

/**
 * A detected box widened over ink its line continues into. The detector's map can miss the first
 * or last character of a line, most often in large titles (收支预算总表 detected from 支 on),
 * and no padding of the box reaches a whole character: so from the outermost ink inside the box,
 * columns are walked outwards over the middle of the line's height, across gaps narrower than
 * between words, and the box takes in what is found when it is at least a character's worth of
 * ink — never past another box on the same line, nor a vertical rule (the image is given with its
 * rules erased). `ink` is the binarised page (1 = ink).
 */
export function widenToInk(box: OcrBox, ink: Uint8Array, width: number, others: readonly OcrBox[], rules: readonly RasterRule[] = []): OcrBox {
  const h = box.y1 - box.y0;
  const ya = Math.round(box.y0 + BAND * h);
  const yb = Math.round(box.y1 - BAND * h);
  if (yb <= ya) return box;
  // two pixels in a column: one alone is noise
  const inked = (x: number) => {
    let n = 0;
    for (let y = ya; y <= yb; y++) n += ink[y * width + x];
    return n >= 2;
  };
  // boxes sharing this line, which a widened box must not reach into (a piece of one of its own characters aside)
  const beside = others.filter((o) => o !== box && Math.min(o.y1, box.y1) - Math.max(o.y0, box.y0) > 0.5 * Math.min(h, o.y1 - o.y0) && !isPieceOf(o, box, rules));
  const grow = (dir: -1 | 1): number => {
    const edge = dir < 0 ? Math.max(0, Math.floor(box.x0)) : Math.min(width - 1, Math.ceil(box.x1) - 1);
    // the outermost ink inside the box (a neighbour's, when it lay in the padding: the walk goes on from there)
    let from = edge;
    const mid = Math.round((box.x0 + box.x1) / 2);
    while (from !== mid && !inked(from)) from -= dir;
    if (from === mid) return dir < 0 ? box.x0 : box.x1;
    const limit = dir < 0
      ? Math.max(0, Math.floor(box.x0 - MAX_GROW * h), ...beside.filter((o) => o.x0 < box.x0).map((o) => Math.ceil(o.x1)))
      : Math.min(width - 1, Math.ceil(box.x1 + MAX_GROW * h), ...beside.filter((o) => o.x1 > box.x1).map((o) => Math.floor(o.x0)));
    let last = from;
    let found = 0;
    let gap = 0;
    for (let x = from + dir; dir < 0 ? x >= limit : x <= limit; x += dir) {
      if (inked(x)) {
        gap = 0;
        last = x;
        found++;
      } else if (++gap > LINE_GAP * h) break;
    }
    if (found < MIN_CHAR * h) return dir < 0 ? box.x0 : box.x1;
    // padding around the ink as the detector gives (its own cannot be told from the box when a neighbour's ink lay in it)
    const pad = PAD * h;
    return dir < 0 ? Math.min(box.x0, last - pad) : Math.max(box.x1, last + 1 + pad);
  };
  const x0 = Math.max(0, grow(-1));
  const x1 = Math.min(width, grow(1));
  return x0 === box.x0 && x1 === box.x1 ? box : { ...box, x0, x1 };
}
