/** What an extractor is given: the bytes and how to name them. Reading files is the caller's job. */
export interface SourceInput {
  /** the path as given by the user, or a name for in-memory input */
  path: string;
  /** basename with extension */
  name: string;
  bytes: Uint8Array;
  sha256: string;
}

import type { LayoutOverrides } from '../src/core/layout-settings.js';
import type { TableHint } from '../src/core/table-settings.js';

export interface ExtractOptions {
  /** user password for encrypted PDFs */
  password?: string;
  /** when given, the PDF extractor adds the time it waited on pdf.js here (a benchmark's probe) */
  timings?: PdfTimings;
  /** tuning values of the PDF layout stage and of segmentation (src/core/layout-settings.ts); defaults when absent */
  layout?: LayoutOverrides;
  /** tables placed by hand where the finder reads them wrong: areas, column edges, strategy (src/core/table-settings.ts) */
  tables?: TableHint[];
  /**
   * OCR of page images: `auto` (default) reads the pages that have no usable text layer, `force`
   * every page, `off` none (a scan is then refused as no-text-layer).
   */
  ocr?: OcrMode;
  /** OCR tuning values (extractors/ocr/ocr-page.ts OCR_DEFAULTS); any not given keep their default */
  ocrSettings?: Partial<OcrSettings>;
  /** called after each page of a PDF (progress on long scans) */
  onPage?: (page: number, pages: number, ocr: boolean) => void;
}

import type { OcrSettings } from './ocr/ocr-page.js';

export type OcrMode = 'auto' | 'off' | 'force';

/**
 * Milliseconds spent inside pdf.js while one PDF was read, measured where yusuan calls it: opening
 * (getDocument, getPage, closing), getTextContent, getOperatorList. What remains of a file's time is
 * yusuan's own (layout, interpretation, validation, output).
 */
export interface PdfTimings {
  openMs: number;
  textMs: number;
  operatorsMs: number;
}

export function noTimings(): PdfTimings {
  return { openMs: 0, textMs: 0, operatorsMs: 0 };
}
