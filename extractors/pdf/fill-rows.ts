/**
 * Rows drawn as shaded boxes on either side of a ruled frame. Reports that shade their cells (a
 * filled rectangle per cell) often draw rules only between the body rows: the header block, shaded
 * in another colour, and a first or total row set off by a white gap have no rule at all, so the
 * frame read from the rules stops short of them and they fall out of the table as loose text
 * (ICDAR 2013 us-010, us-011a: `Program  Budget` and `Total  $34M` outside the grid).
 *
 * A band of filled boxes that spans the frame's whole width and sits against its top or bottom
 * (across a gap of at most `fillRowGap` points) is one more row of it; bands are taken one after
 * another, so a header of two shaded rows joins too. Boxes narrower than the frame (a shaded cell
 * inside a paragraph, an inner padding box) never start a row on their own.
 */
import type { RuleSettings } from '../../src/core/layout-settings.js';
import { buildFrame, type Box, type Edge, type Frame } from './ruled-grid.js';
import type { Segment } from './rulings.js';

/** The filled boxes behind `extractRulings`' box edges, which it emits four per box: top, bottom, left, right. */
export function fillBoxes(boxEdges: readonly Segment[]): Box[] {
  const out: Box[] = [];
  for (let k = 0; k + 3 < boxEdges.length; k += 4) {
    const [top, bottom] = [boxEdges[k], boxEdges[k + 1]];
    out.push({ x0: top.x0, x1: top.x1, y0: top.y0, y1: bottom.y0 });
  }
  return out;
}

interface Band {
  y0: number;
  y1: number;
  boxes: Box[];
}

/** Boxes within the frame's width grouped by their top and bottom; the bands that cover the width. */
export function coveringBands(fills: readonly Box[], frame: Box, tol: number, minHeight: number): Band[] {
  const bands: Band[] = [];
  for (const f of fills) {
    if (f.x0 < frame.x0 - tol || f.x1 > frame.x1 + tol || f.y1 - f.y0 < minHeight) continue;
    const b = bands.find((q) => Math.abs(q.y0 - f.y0) <= tol && Math.abs(q.y1 - f.y1) <= tol);
    if (b) b.boxes.push(f);
    else bands.push({ y0: f.y0, y1: f.y1, boxes: [f] });
  }
  return bands.filter((b) => {
    const xs = [...b.boxes].sort((p, q) => p.x0 - q.x0);
    let reach = frame.x0;
    for (const x of xs) {
      if (x.x0 > reach + tol) return false;
      reach = Math.max(reach, x.x1);
    }
    return reach >= frame.x1 - tol;
  });
}

/** The frame grown by the shaded rows against its top and bottom (the same frame when there are none). */
export function extendByFillRows(frame: Frame, fills: readonly Box[], gap: number, s: RuleSettings): Frame {
  if (!fills.length) return frame;
  const { x0, x1 } = frame.box;
  const tol = s.snapTol;
  const bands = coveringBands(fills, frame.box, tol, s.minCell);
  if (!bands.length) return frame;
  const added: Edge[] = [];
  const h = (y: number) => added.push({ orient: 'h', pos: y, a: x0, b: x1 });
  // the frame's inner vertical rules go on through a band wherever its boxes have a side there
  const inner = frame.xs.filter((_, k) => k > 0 && k < frame.xs.length - 1 && frame.ruledX[k]);
  const columns = (b: Band) => {
    for (const x of inner) if (b.boxes.some((f) => Math.abs(f.x0 - x) <= tol * 2 || Math.abs(f.x1 - x) <= tol * 2)) added.push({ orient: 'v', pos: x, a: b.y0, b: b.y1 });
  };
  let top = frame.box.y0;
  for (;;) {
    const next = bands.filter((b) => b.y1 <= top + tol && b.y1 >= top - gap && b.y0 < top - s.minCell).sort((p, q) => q.y1 - p.y1)[0];
    if (!next) break;
    h((next.y1 + top) / 2);
    columns(next);
    top = next.y0;
  }
  let bottom = frame.box.y1;
  for (;;) {
    const next = bands.filter((b) => b.y0 >= bottom - tol && b.y0 <= bottom + gap && b.y1 > bottom + s.minCell).sort((p, q) => p.y0 - q.y0)[0];
    if (!next) break;
    h((next.y0 + bottom) / 2);
    columns(next);
    bottom = next.y1;
  }
  if (!added.length) return frame;
  if (top < frame.box.y0) h(top);
  if (bottom > frame.box.y1) h(bottom);
  return buildFrame([...frame.edges, ...added], [], [], s);
}
