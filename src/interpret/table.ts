/**
 * One segmented table to the typed Table of the document model.
 */
import { provenanceOf } from './provenance.js';
import type { Table } from '../../schemas/document.js';
import type { BBox, Diagnostic } from '../../schemas/intermediate.js';
import type { TableSegment } from '../segment/segment.js';
import { classifyColumns } from './columns.js';
import { layoutHeader } from './header.js';
import { buildMatrix, type Matrix } from './matrix.js';
import { interpretRows } from './rows.js';
import { tableKind } from './table-kinds.js';

export function titleYear(title: string): number | undefined {
  const m = /(20\d{2})\s*年/.exec(title);
  return m ? Number(m[1]) : undefined;
}

function pagesOf(m: Matrix, seg: TableSegment): number[] {
  const pages = new Set<number>();
  for (const g of seg.grids) if (g.page) pages.add(g.page);
  for (const row of m.rows) for (const c of row) if (c.page) pages.add(c.page);
  return [...pages].sort((a, b) => a - b);
}

/** Rows whose cell count differs from the table's: a sign of a lost or extra cell. */
function raggedRows(seg: TableSegment): number {
  const counts = seg.grids.flatMap((g) => g.rows.map((r) => r.cells.reduce((n, c) => n + (c.colSpan ?? 1), 0)));
  if (!counts.length) return 0;
  const freq = new Map<number, number>();
  for (const n of counts) freq.set(n, (freq.get(n) ?? 0) + 1);
  const mode = [...freq.entries()].sort((a, b) => b[1] - a[1])[0][0];
  return seg.grids.flatMap((g) => g.rows).filter((r) => {
    const n = r.cells.reduce((k, c) => k + (c.colSpan ?? 1), 0);
    const lastFilled = r.cells.map((c) => c.text.trim() !== '').lastIndexOf(true);
    return n !== mode && lastFilled >= mode;
  }).length;
}

export function interpretTable(seg: TableSegment, id: number, fallbackKind?: string, m: Matrix = buildMatrix(seg.grids)): Table {
  const header = layoutHeader(m);
  const columns = classifyColumns(m, header);
  const title = seg.title || '';
  const name = title || `table ${id}`;
  const { rows, unreadCells, diagnostics } = interpretRows(m, header, columns, seg.unit, name);
  const diags: Diagnostic[] = [...diagnostics];
  const amountCells = rows.reduce((n, r) => n + r.amounts.length, 0);
  const ragged = raggedRows(seg);
  if (ragged) {
    diags.push({ severity: 'warning', code: 'grid.ragged-row', message: `${name}: ${ragged} row(s) have more cells than the table's columns; check the extraction` });
  }
  if (!seg.unit && amountCells) {
    diags.push({ severity: 'warning', code: 'table.no-unit', message: `${name}: no 单位 line found; amounts are given without a unit and no 元 value` });
  }
  const first = seg.grids[0];
  const confidence = Math.min(...seg.grids.map((g) => g.confidence));
  if (amountCells && seg.grids.some((g) => g.method === 'aligned')) {
    // without rules the columns are inferred from gaps between words: a wrapped header or a
    // narrow code column can join two columns, so the reader is told to check this table
    diags.push({
      severity: 'warning',
      code: 'table.no-rules',
      message: `${name}: found by the alignment of its text alone (no ruling lines); its columns are inferred, check its figures against page ${first.page ?? '?'}`,
    });
  }
  const bbox: BBox | undefined = seg.titleBlock?.bbox ?? first.bbox;
  const page = seg.titleBlock?.page ?? first.page;
  const kind = title ? tableKind(title) : fallbackKind ?? 'unknown';
  const year = titleYear(title);
  return {
    id,
    ...(seg.label ? { label: seg.label } : {}),
    title,
    kind,
    ...(seg.department ? { department: seg.department } : {}),
    ...(seg.unit ? { unit: seg.unit } : {}),
    ...(year ? { year } : {}),
    pages: pagesOf(m, seg),
    empty: amountCells === 0,
    ...(seg.note ? { note: seg.note } : {}),
    sideBySide: header.split !== undefined,
    columns,
    rows,
    printed: m.rows.map((row) =>
      row.map((c) => ({ text: c.text, ...(c.colSpan > 1 ? { colSpan: c.colSpan } : {}), ...(c.rowSpan > 1 ? { rowSpan: c.rowSpan } : {}), ...provenanceOf(c) })),
    ),
    quality: {
      method: first.method,
      confidence,
      headerRows: header.headerRows.length,
      bodyRows: new Set(rows.map((r) => r.index)).size,
      amountCells,
      unreadCells,
      raggedRows: ragged,
    },
    diagnostics: diags,
    ...provenanceOf({ page, bbox, cell: seg.titleBlock?.cell ?? first.rows[0]?.cells[0]?.cell }),
  };
}
