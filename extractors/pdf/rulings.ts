/**
 * pdf.js operator list → ruling segments (table lines) in top-left page space.
 *
 * Producers draw table rules either as stroked lines (Excel, WPS, ONLYOFFICE) or as thin filled
 * rectangles (Word, Distiller). Coordinates in constructPath are in user space before the current
 * transform, so the CTM is tracked through save/restore/transform and form XObjects.
 */
import { DEFAULT_LAYOUT_SETTINGS, type RuleSettings } from '../../src/core/layout-settings.js';
import { applyPoint, multiply } from './text-items.js';

/** An axis-aligned segment; horizontal when y0 === y1, vertical when x0 === x1. */
export interface Segment {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** A segment's orientation: rules are axis-aligned, a vertical one keeps its x (the raster rules of OCR too). */
export const isVertical = (s: Segment): boolean => s.x0 === s.x1;

/** The operator codes used here (looked up from the installed pdf.js so a renumbering is harmless). */
export interface OpCodes {
  save: number;
  restore: number;
  transform: number;
  constructPath: number;
  paintFormXObjectBegin: number;
  paintFormXObjectEnd: number;
  stroke: number;
  closeStroke: number;
  fill: number;
  eoFill: number;
  fillStroke: number;
  eoFillStroke: number;
  closeFillStroke: number;
  closeEOFillStroke: number;
  setLineWidth: number;
  setStrokeRGBColor: number;
  setFillRGBColor: number;
}

export interface OperatorList {
  fnArray: ArrayLike<number>;
  argsArray: ArrayLike<unknown>;
}


const enum PathOp {
  moveTo = 0,
  lineTo = 1,
  curveTo = 2,
  quadraticCurveTo = 3,
  closePath = 4,
}

/**
 * Walks the operator list. `viewport` maps user space to top-left page space (scale 1).
 * Returns the rule segments: stroked straight lines, thin filled rectangles as their centre line,
 * and the edges of larger filled rectangles (cell backgrounds) in `boxEdges`, which are weaker evidence.
 */
export function extractRulings(
  ops: OperatorList,
  OPS: OpCodes,
  viewport: ArrayLike<number>,
  pageW: number,
  pageH: number,
  settings: RuleSettings = DEFAULT_LAYOUT_SETTINGS.rules,
): { rules: Segment[]; boxEdges: Segment[] } {
  const { ruleThickness, axisTol } = settings;
  const rules: Segment[] = [];
  const boxEdges: Segment[] = [];
  // graphics state that matters here: the CTM and whether the stroke/fill colour is (near) white,
  // because producers draw invisible white borders around rows that have no visible rule
  interface GState {
    ctm: number[];
    whiteStroke: boolean;
    whiteFill: boolean;
  }
  let gs: GState = { ctm: [viewport[0], viewport[1], viewport[2], viewport[3], viewport[4], viewport[5]], whiteStroke: false, whiteFill: false };
  const stack: GState[] = [];
  const stroke = new Set([OPS.stroke, OPS.closeStroke, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
  const fill = new Set([OPS.fill, OPS.eoFill]);
  const n = ops.fnArray.length;
  for (let i = 0; i < n; i++) {
    const fn = ops.fnArray[i];
    const args = ops.argsArray[i] as unknown[] | null;
    if (fn === OPS.save) stack.push({ ...gs });
    else if (fn === OPS.restore) gs = stack.pop() ?? gs;
    else if (fn === OPS.transform && args) gs.ctm = multiply(gs.ctm, args as number[]);
    else if (fn === OPS.setFillRGBColor) gs.whiteFill = isWhite(args?.[0]);
    else if (fn === OPS.setStrokeRGBColor) gs.whiteStroke = isWhite(args?.[0]);
    else if (fn === OPS.paintFormXObjectBegin) {
      stack.push({ ...gs });
      const m = args?.[0] as number[] | null | undefined;
      if (m && m.length === 6) gs.ctm = multiply(gs.ctm, m);
    } else if (fn === OPS.paintFormXObjectEnd) gs = stack.pop() ?? gs;
    else if (fn === OPS.constructPath && args) {
      const ctm = gs.ctm;
      const paint = args[0] as number;
      const isStroke = stroke.has(paint) && !gs.whiteStroke;
      const isFill = (fill.has(paint) || paint === OPS.fillStroke || paint === OPS.eoFillStroke || paint === OPS.closeFillStroke || paint === OPS.closeEOFillStroke) && !gs.whiteFill;
      if (!isStroke && !isFill) continue; // endPath (clipping) and the like draw nothing
      const data = (args[1] as ArrayLike<number>[] | undefined)?.[0];
      if (!data) continue;
      for (const sub of subpaths(data, ctm)) {
        if (isStroke) {
          for (let k = 0; k + 1 < sub.pts.length; k += 1) addLine(sub.pts[k], sub.pts[k + 1], rules, axisTol);
          if (sub.closed && sub.pts.length > 2) addLine(sub.pts[sub.pts.length - 1], sub.pts[0], rules, axisTol);
        }
        if (isFill) {
          const r = asRect(sub.pts, axisTol);
          if (!r) continue;
          const w = r.x1 - r.x0;
          const h = r.y1 - r.y0;
          if (w < 0.05 && h < 0.05) continue;
          if (h <= ruleThickness && w > h) rules.push({ x0: r.x0, x1: r.x1, y0: (r.y0 + r.y1) / 2, y1: (r.y0 + r.y1) / 2 });
          else if (w <= ruleThickness && h > w) rules.push({ x0: (r.x0 + r.x1) / 2, x1: (r.x0 + r.x1) / 2, y0: r.y0, y1: r.y1 });
          else if (w < pageW * 0.98 || h < pageH * 0.98) {
            // a page-sized background is no cell
            boxEdges.push({ x0: r.x0, x1: r.x1, y0: r.y0, y1: r.y0 }, { x0: r.x0, x1: r.x1, y0: r.y1, y1: r.y1 });
            boxEdges.push({ x0: r.x0, x1: r.x0, y0: r.y0, y1: r.y1 }, { x0: r.x1, x1: r.x1, y0: r.y0, y1: r.y1 });
          }
        }
      }
    }
  }
  return { rules, boxEdges };
}

/** pdf.js hands colours over as "#rrggbb" (or, in some paths, as bytes); near-white draws nothing visible. */
export function isWhite(c: unknown): boolean {
  if (typeof c === 'string' && /^#[0-9a-f]{6}$/i.test(c)) {
    const v = parseInt(c.slice(1), 16);
    return ((v >> 16) & 255) >= 0xf0 && ((v >> 8) & 255) >= 0xf0 && (v & 255) >= 0xf0;
  }
  if (c && typeof c === 'object' && 'length' in c) {
    const a = c as ArrayLike<number>;
    return a.length >= 3 && a[0] >= 0xf0 && a[1] >= 0xf0 && a[2] >= 0xf0;
  }
  return false;
}

interface Subpath {
  pts: [number, number][];
  closed: boolean;
  /** a curve was in it: not a rule */
  curved: boolean;
}

/** Decodes a 5.x path (moveTo 0, lineTo 1, curveTo 2, quadraticCurveTo 3, closePath 4) into transformed polylines. */
export function subpaths(data: ArrayLike<number>, ctm: ArrayLike<number>): Subpath[] {
  const out: Subpath[] = [];
  let cur: Subpath | undefined;
  let i = 0;
  const n = data.length;
  while (i < n) {
    const op = data[i];
    if (op === PathOp.moveTo) {
      cur = { pts: [applyPoint(ctm, data[i + 1], data[i + 2])], closed: false, curved: false };
      out.push(cur);
      i += 3;
    } else if (op === PathOp.lineTo) {
      const p = applyPoint(ctm, data[i + 1], data[i + 2]);
      if (!cur) {
        cur = { pts: [], closed: false, curved: false };
        out.push(cur);
      }
      cur.pts.push(p);
      i += 3;
    } else if (op === PathOp.curveTo) {
      if (cur) cur.curved = true;
      if (cur) cur.pts.push(applyPoint(ctm, data[i + 5], data[i + 6]));
      i += 7;
    } else if (op === PathOp.quadraticCurveTo) {
      if (cur) cur.curved = true;
      if (cur) cur.pts.push(applyPoint(ctm, data[i + 3], data[i + 4]));
      i += 5;
    } else if (op === PathOp.closePath) {
      if (cur) {
        cur.closed = true;
        // a new subpath starts at the same point unless moveTo follows
        const start = cur.pts[0];
        cur = start ? { pts: [start], closed: false, curved: false } : undefined;
        if (cur) out.push(cur);
      }
      i += 1;
    } else {
      break; // unknown code: stop rather than misread the rest
    }
  }
  return out.filter((s) => !s.curved && s.pts.length >= 2);
}

function addLine(a: [number, number], b: [number, number], out: Segment[], axisTol: number): void {
  const dx = Math.abs(a[0] - b[0]);
  const dy = Math.abs(a[1] - b[1]);
  if (dy <= axisTol && dx > dy) {
    const y = (a[1] + b[1]) / 2;
    out.push({ x0: Math.min(a[0], b[0]), x1: Math.max(a[0], b[0]), y0: y, y1: y });
  } else if (dx <= axisTol && dy > dx) {
    const x = (a[0] + b[0]) / 2;
    out.push({ x0: x, x1: x, y0: Math.min(a[1], b[1]), y1: Math.max(a[1], b[1]) });
  }
}

/** An axis-aligned rectangle from 4 (or 5, closed) points, else undefined. */
export function asRect(pts: [number, number][], axisTol = DEFAULT_LAYOUT_SETTINGS.rules.axisTol): Segment | undefined {
  let p = pts;
  if (p.length === 5 && Math.abs(p[0][0] - p[4][0]) < 0.01 && Math.abs(p[0][1] - p[4][1]) < 0.01) p = p.slice(0, 4);
  if (p.length !== 4) return undefined;
  const xs = p.map((q) => q[0]);
  const ys = p.map((q) => q[1]);
  const x0 = Math.min(...xs);
  const x1 = Math.max(...xs);
  const y0 = Math.min(...ys);
  const y1 = Math.max(...ys);
  // each corner must sit on the box: axis-aligned, not a rotated quadrilateral
  for (const [x, y] of p) {
    const onX = Math.abs(x - x0) < axisTol || Math.abs(x - x1) < axisTol;
    const onY = Math.abs(y - y0) < axisTol || Math.abs(y - y1) < axisTol;
    if (!onX || !onY) return undefined;
  }
  return { x0, y0, x1, y1 };
}
