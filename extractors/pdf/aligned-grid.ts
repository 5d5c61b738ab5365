/**
 * Tables without (enough) rules: columns from how text lines up. Amounts are right-aligned and
 * labels left-aligned, so within a column the x-extents of the pieces overlap; a column boundary
 * lies in a vertical strip that no piece of the body crosses.
 */
import type { LinePiece, TextLine } from './text-items.js';
import { rowPitch } from './section-lines.js';

/** An amount as printed in a table cell: `1,633,000.00`, `-12.50`, `0`. */
export const AMOUNT_RE = /^[-−]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/;

export function isAmount(text: string): boolean {
  return AMOUNT_RE.test(text);
}

export interface Interval {
  x0: number;
  x1: number;
}

/**
 * Column strips from the pieces of body lines: overlapping pieces (with `tol` slack) are one column.
 * Returns the strips left to right.
 */
export function columnStrips(pieces: readonly Interval[], tol = 1): Interval[] {
  const s = [...pieces].sort((a, b) => a.x0 - b.x0);
  const out: Interval[] = [];
  for (const p of s) {
    const last = out[out.length - 1];
    if (last && p.x0 <= last.x1 + tol) last.x1 = Math.max(last.x1, p.x1);
    else out.push({ x0: p.x0, x1: p.x1 });
  }
  return out;
}

/** Boundaries between strips: the middle of each gap. */
export function stripBoundaries(strips: readonly Interval[]): number[] {
  const out: number[] = [];
  for (let k = 0; k + 1 < strips.length; k++) out.push((strips[k].x1 + strips[k + 1].x0) / 2);
  return out;
}

/** A line that is a table row: at least two pieces apart, one of them an amount. */
export function isTabularLine(pieces: readonly LinePiece[]): boolean {
  if (pieces.length < 2) return false;
  return pieces.some((p) => isAmount(p.text));
}

export function countAmounts(pieces: readonly LinePiece[]): number {
  let n = 0;
  for (const p of pieces) if (isAmount(p.text)) n++;
  return n;
}

/** Index of the column a piece falls in, by its centre. */
export function columnOf(bounds: readonly number[], x: number): number {
  let c = 0;
  while (c < bounds.length && x >= bounds[c]) c++;
  return c;
}

/**
 * Groups lines into printed rows: when several lines carry amounts, each such line is a row and a
 * line without amounts that sits right next to one (a wrapped label) joins it; otherwise each line
 * is its own row. Lines must be sorted top to bottom.
 */
export function groupRows<L extends { line: TextLine; pieces: LinePiece[] }>(lines: readonly L[], bounds: readonly number[], wrapJoinEm = 1.6, apart?: (line: L, target: L, pitch: number) => boolean): L[][] {
  const amountLine = lines.map((l) => countAmounts(l.pieces) > 0);
  const nAmount = amountLine.filter(Boolean).length;
  if (nAmount < 2) return lines.map((l) => [l]);
  // a line kept apart from the amount line it is nearest to (a section line, section-lines.ts) is a row of its own
  const pitch = apart ? rowPitch(lines, amountLine) : Infinity;
  const rows: L[][] = [];
  const rowOf = new Map<number, number>();
  lines.forEach((l, i) => {
    if (amountLine[i]) {
      rowOf.set(i, rows.length);
      rows.push([l]);
    }
  });
  const mid = (l: TextLine) => (l.y0 + l.y1) / 2;
  const result: (L[] | undefined)[] = lines.map(() => undefined);
  const orphan: number[] = [];
  lines.forEach((l, i) => {
    if (amountLine[i]) return;
    // candidates: the nearest amount lines above and below
    let best = -1;
    let bestD = Infinity;
    for (const j of [i - 1, i + 1, i - 2, i + 2]) {
      if (j < 0 || j >= lines.length || !amountLine[j]) continue;
      const d = Math.abs(mid(lines[j].line) - mid(l.line));
      if (d < bestD) {
        bestD = d;
        best = j;
      }
    }
    const single = l.pieces.length === 1 && !isAmount(l.pieces[0].text);
    const size = l.line.size;
    if (best >= 0 && single && bestD <= wrapJoinEm * size) {
      const target = lines[best];
      const col = columnOf(bounds, (l.pieces[0].x0 + l.pieces[0].x1) / 2);
      // it continues a text cell of that row (or fills its empty label column), never an amount cell
      const ok = !target.pieces.some((p) => isAmount(p.text) && columnOf(bounds, (p.x0 + p.x1) / 2) === col) && !apart?.(l, target, pitch);
      if (ok) {
        rows[rowOf.get(best)!].push(l);
        return;
      }
    }
    orphan.push(i);
  });
  // rebuild in top-to-bottom order: each orphan line is a row of its own
  for (const [i, r] of rowOf) result[i] = rows[r];
  for (const i of orphan) result[i] = [lines[i]];
  const seen = new Set<L[]>();
  const out: L[][] = [];
  for (const r of result) {
    if (r && !seen.has(r)) {
      seen.add(r);
      out.push(r.sort((a, b) => a.line.y0 - b.line.y0));
    }
  }
  return out;
}
