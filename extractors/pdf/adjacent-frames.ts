/**
 * One table drawn as two ruled blocks side by side: reports that shade their cells (a filled
 * rectangle per cell, no lines) leave a white gap of a few points between the label column and the
 * amount columns, and the rules read from the shading then make two frames, a column of labels and
 * a block of amounts (ICDAR 2013 us-010, us-011a). Two frames that face each other across a gap no
 * wider than `gap`, over the same height, with the same row boundaries, are one. Two tables merely
 * printed side by side keep their own rows, so they stay apart.
 */
import type { RuleSettings } from '../../src/core/layout-settings.js';
import { buildFrame, type Edge, type Frame } from './ruled-grid.js';

function faceEachOther(a: Frame, b: Frame, gap: number, tol: number): boolean {
  const between = b.box.x0 - a.box.x1;
  if (between < 0 || between > gap) return false;
  return a.ys.length >= 3 && a.ys.length === b.ys.length && a.ys.every((y, k) => Math.abs(y - b.ys[k]) <= tol);
}

/** The frames of a page, those that are one table drawn in two blocks rebuilt as one. */
export function joinAdjacentFrames(frames: readonly Frame[], gap: number, s: RuleSettings): Frame[] {
  const out = [...frames];
  for (let joined = true; joined; ) {
    joined = false;
    for (let i = 0; i < out.length && !joined; i++) {
      for (let j = 0; j < out.length && !joined; j++) {
        if (i === j || !faceEachOther(out[i], out[j], gap, s.snapTol)) continue;
        const [a, b] = [out[i].box, out[j].box];
        // the white gap separates columns as a drawn rule would, in every row (and it stays one
        // when the frame is rebuilt with boundaries from the text)
        const gapRule: Edge = { orient: 'v', pos: (a.x1 + b.x0) / 2, a: Math.min(a.y0, b.y0), b: Math.max(a.y1, b.y1) };
        out[i] = buildFrame([...out[i].edges, ...out[j].edges, gapRule], [], [], s);
        out.splice(j, 1);
        joined = true;
      }
    }
  }
  return out;
}
