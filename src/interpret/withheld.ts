/**
 * An OCR cell the recogniser was unsure of (GridCell.unsure: its text left empty) carried beside
 * what interpretation reads, never as a value: src/confirm/confirm-readings.ts decides whether an
 * identity of the document confirms it.
 */
import type { WithheldReading } from '../../schemas/document.js';
import { readCell } from '../core/amount.js';
import type { MCell } from './matrix.js';

/** The withheld reading of a cell when it reads as an amount; undefined for every other cell. */
export function withheldReading(cell: MCell | undefined): WithheldReading | undefined {
  if (!cell?.unsure || cell.text.trim()) return undefined;
  const r = readCell(cell.unsure.text);
  if (r.kind !== 'amount') return undefined;
  return {
    reading: r.value,
    raw: cell.unsure.text,
    ocr: cell.unsure.ocr,
    ...(cell.page ? { page: cell.page } : {}),
    ...(cell.bbox ? { bbox: cell.bbox } : {}),
  };
}
