/**
 * Where a value was printed: page and bbox for paged sources, the sheet and cell (`公开05表!C7`)
 * for spreadsheets, and for a page read by OCR the lowest probability of the cell's characters.
 * One spread for every stage that copies a cell's provenance onto what it reads.
 */
import type { BBox } from '../../schemas/intermediate.js';

export interface Located {
  page?: number;
  bbox?: BBox;
  cell?: string;
  ocr?: number;
}

export function provenanceOf(c: Located | undefined): Located {
  return {
    ...(c?.page ? { page: c.page } : {}),
    ...(c?.bbox ? { bbox: c.bbox } : {}),
    ...(c?.cell ? { cell: c.cell } : {}),
    ...(c?.ocr !== undefined ? { ocr: c.ocr } : {}),
  };
}
