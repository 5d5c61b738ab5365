/**
 * One segmented table to the typed Table of the document model.
 */
import { provenanceOf } from './provenance.js';
import type { Table } from '../../schemas/document.js';
import type { BBox, Diagnostic, GridBlock } from '../../schemas/intermediate.js';
import type { TableSegment } from '../segment/segment.js';
import { classifyColumns } from './columns.js';
import { layoutHeader } from './header.js';
import { buildMatrix, type Matrix } from './matrix.js';
import { joinCutMergedCells } from './cut-merged-cells.js';
import { interpretRows } from './rows.js';
import type { TableKindId } from '../../schemas/table-kinds.js';
import { tableKind } from './table-kinds.js';

/**
 * Where the table is printed on its first page: its title and every grid (and cell) of that page
 * together, so that the box covers each cell it holds (a table whose second grid follows on the
 * same page reaches down to that grid's last row).
 */
function tableBox(seg: TableSegment, page: number | undefined): BBox | undefined {
  const boxes: BBox[] = [];
  if (seg.titleBlock?.bbox && seg.titleBlock.page === page) boxes.push(seg.titleBlock.bbox);
  for (const g of seg.grids) {
    if (g.page !== page) continue;
    if (g.bbox) boxes.push(g.bbox);
    for (const r of g.rows) for (const c of r.cells) if (c.bbox && (c.page ?? g.page) === page) boxes.push(c.bbox);
  }
  if (!boxes.length) return seg.titleBlock?.bbox ?? seg.grids[0]?.bbox;
  return {
    x0: Math.min(...boxes.map((b) => b.x0)),
    y0: Math.min(...boxes.map((b) => b.y0)),
    x1: Math.max(...boxes.map((b) => b.x1)),
    y1: Math.max(...boxes.map((b) => b.y1)),
  };
}

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

/**
 * The positions each row of a grid fills: its cells' spans plus the positions a merged cell from
 * a row above covers (a unit name merged down a 项目支出 table leaves the rows below one cell short).
 */
function rowWidths(g: GridBlock): number[] {
  const carried: number[] = [];
  return g.rows.map((r, i) => {
    const own = r.cells.reduce((n, c) => n + (c.colSpan ?? 1), 0);
    const above = carried[i] ?? 0;
    for (const c of r.cells) for (let d = 1; d < (c.rowSpan ?? 1); d++) carried[i + d] = (carried[i + d] ?? 0) + (c.colSpan ?? 1);
    return own + above;
  });
}

/** Rows whose cell count differs from the table's: a sign of a lost or extra cell. */
function raggedRows(seg: TableSegment): number {
  const counts = seg.grids.flatMap(rowWidths);
  if (!counts.length) return 0;
  const freq = new Map<number, number>();
  for (const n of counts) freq.set(n, (freq.get(n) ?? 0) + 1);
  const mode = [...freq.entries()].sort((a, b) => b[1] - a[1])[0][0];
  const rows = seg.grids.flatMap((g) => g.rows);
  return counts.filter((n, i) => {
    const lastFilled = rows[i].cells.map((c) => c.text.trim() !== '').lastIndexOf(true);
    return n !== mode && lastFilled >= mode;
  }).length;
}

export function interpretTable(seg: TableSegment, id: number, fallbackKind?: TableKindId, pieces: Matrix = buildMatrix(seg.grids)): Table {
  const header = layoutHeader(pieces);
  // a merged label cell cut by a page break shows its text on both pages
  const m = joinCutMergedCells(pieces, header.skipRows);
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
  const page = seg.titleBlock?.page ?? first.page;
  const bbox = tableBox(seg, page);
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
