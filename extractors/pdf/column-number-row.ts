/**
 * The column-number row under a printed header (1 2 3 4 5 6 7 under 项目名称 | 合计 | … | 单位资金):
 * its small numbers are centred in their columns, so read as amounts they would make strips of
 * their own beside the right-aligned amounts of the body and split its columns. It is the header's
 * last row: the header above it is read without it, and it gets one cell per column, as the ruled
 * path prints it (the interpreter skips it: src/core/column-numbers.ts).
 */
import type { GridRow } from '../../schemas/intermediate.js';
import { isColumnNumberRow } from '../../src/core/column-numbers.js';
import type { Interval } from './aligned-grid.js';
import { atomColumns } from './stream-finder.js';
import { cellText, type LinePiece } from './text-items.js';

/** A line of three or more column numbers in sequence (栏次 1 2 3 …). */
export function isColumnNumberLine(atoms: readonly LinePiece[]): boolean {
  return atoms.length >= 3 && isColumnNumberRow(atoms.map((a) => a.text));
}

const round = (v: number) => Math.round(v * 100) / 100;

/** The row of column numbers over the table's columns (`edges`): each number in the column it lies in. */
export function columnNumberRow(atoms: readonly LinePiece[], edges: readonly number[], page: number): GridRow {
  const y0 = Math.min(...atoms.map((a) => a.y0));
  const y1 = Math.max(...atoms.map((a) => a.y1));
  return {
    cells: edges.slice(1).map((x1, c) => ({
      text: cellText(atoms.filter((a) => atomColumns(a, edges)[0] === c).flatMap((a) => a.frags)),
      colSpan: 1,
      rowSpan: 1,
      page,
      bbox: { x0: round(edges[c]), y0: round(y0), x1: round(x1), y1: round(y1) },
    })),
  };
}

const overlaps = (a: Interval, b: Interval) => Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0) > 0;

/**
 * The numbers that name a column the body's strips do not make (one printed empty): over no strip,
 * and not under a header leaf over a strip (3, centred under 一般公共预算, left of the right-aligned
 * amounts of that column).
 */
export function numberedColumns(numbers: readonly LinePiece[], strips: readonly Interval[], leaves: readonly Interval[]): LinePiece[] {
  return numbers.filter((n) => !strips.some((s) => overlaps(s, n)) && !leaves.some((l) => overlaps(l, n) && strips.some((s) => overlaps(l, s))));
}
