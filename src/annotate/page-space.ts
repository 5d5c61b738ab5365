/**
 * From yusuan's page space (PDF points, origin top-left of the page as shown, y downwards — the
 * pdf.js viewport at scale 1) back to the PDF's own user space, where annotations are placed.
 * The forward map is pdf.js's PageViewport: it applies /Rotate and the crop box offset and flips y;
 * this is the same matrix, inverted, so a box drawn here lands where the extractor read the text.
 */
import type { BBox } from '../../schemas/intermediate.js';

export type Matrix = [number, number, number, number, number, number];

/** pdf.js PageViewport transform at scale 1 for a page's view box [x0, y0, x1, y1] and rotation. */
export function viewportTransform(view: [number, number, number, number], rotation: number): Matrix {
  const cx = (view[2] + view[0]) / 2;
  const cy = (view[3] + view[1]) / 2;
  const r = ((rotation % 360) + 360) % 360;
  const [a, b, c, d] = r === 90 ? [0, 1, 1, 0] : r === 180 ? [-1, 0, 0, 1] : r === 270 ? [0, -1, -1, 0] : [1, 0, 0, -1];
  const [offX, offY] = a === 0 ? [Math.abs(cy - view[1]), Math.abs(cx - view[0])] : [Math.abs(cx - view[0]), Math.abs(cy - view[1])];
  return [a, b, c, d, offX - a * cx - c * cy, offY - b * cx - d * cy];
}

export function invert([a, b, c, d, e, f]: Matrix): Matrix {
  const det = a * d - b * c;
  return [d / det, -b / det, -c / det, a / det, (c * f - d * e) / det, (b * e - a * f) / det];
}

export function apply([a, b, c, d, e, f]: Matrix, x: number, y: number): [number, number] {
  return [a * x + c * y + e, b * x + d * y + f];
}

/** A page-space box as a user-space rectangle [llx, lly, urx, ury] (PDF /Rect order). */
export function toUserRect(box: BBox, viewToUser: Matrix): [number, number, number, number] {
  const p = apply(viewToUser, box.x0, box.y0);
  const q = apply(viewToUser, box.x1, box.y1);
  return [Math.min(p[0], q[0]), Math.min(p[1], q[1]), Math.max(p[0], q[0]), Math.max(p[1], q[1])];
}
