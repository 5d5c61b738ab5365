/**
 * Why an input could not be read. Each reason is a stable id that the CLI, the manifest and the
 * database report; the message names the file and says what the user can do.
 */
export type FailureReason =
  | 'unreadable' // the file cannot be opened or read
  | 'empty' // zero bytes, or a PDF with zero pages
  | 'unknown-format' // none of the formats yusuan reads (PDF, text/markdown/HTML, CSV, .xlsx/.xls/.ods, .docx), or a legacy Word .doc
  | 'download' // a URL could not be fetched (network, HTTP status, size or time limit)
  | 'not-pdf' // named .pdf but not a PDF
  | 'encrypted' // encrypted and the password given (or none) does not open it
  | 'corrupt' // damaged or truncated PDF
  | 'no-text-layer' // pages with no text: a scan, OCR needed
  | 'timeout' // took longer than the per-file limit
  | 'too-large' // needs more memory than a worker may have (--max-memory), or over a size limit
  | 'output' // its outputs could not be written (disk full, folder unwritable): the run stops, exit 5
  | 'internal'; // a bug in yusuan: please report

export class ExtractionError extends Error {
  readonly reason: FailureReason;
  readonly file: string;
  constructor(file: string, reason: FailureReason, detail: string, options?: { cause?: unknown }) {
    super(`${file}: ${detail}`, options);
    this.name = 'ExtractionError';
    this.reason = reason;
    this.file = file;
  }
}

export function isExtractionError(e: unknown): e is ExtractionError {
  return e instanceof ExtractionError;
}
