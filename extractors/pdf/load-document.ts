/**
 * Opening a PDF with pdf.js, and turning everything pdf.js can throw into an ExtractionError.
 * Whoever opens a document destroys it (`close()`), so memory stays flat over thousands of files.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import type { PDFDocumentLoadingTask, PDFDocumentProxy } from 'pdfjs-dist/types/src/display/api.js';
import { ExtractionError } from '../../src/core/errors.js';
import { isAllocationFailure, outOfMemoryDetail } from '../../src/core/memory.js';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

let pdfjsPromise: Promise<PdfJs> | undefined;
/**
 * pdf.js is loaded once, lazily, so importing the extractor costs nothing when no PDF is read.
 *
 * The worker code is loaded here too and handed to pdf.js as `globalThis.pdfjsWorker`, so it runs
 * on this thread without pdf.js importing it later. Both legacy bundles carry core-js polyfills
 * that *replace* built-ins which Node 20 already has: Array.prototype.push (a JS loop: ~15% of
 * all pdf.js time) and JSON.parse/stringify (which would slow every JSON write of the process).
 * The native ones are put back; the polyfills that only add missing methods stay.
 */
export function loadPdfJs(): Promise<PdfJs> {
  pdfjsPromise ??= (async () => {
    const saved = { push: Array.prototype.push, parse: JSON.parse, stringify: JSON.stringify };
    try {
      const mod = await import('pdfjs-dist/legacy/build/pdf.mjs');
      // a non-literal specifier: the worker bundle ships no type declarations
      const workerModule = 'pdfjs-dist/legacy/build/pdf.worker.mjs';
      const worker: unknown = await import(workerModule);
      (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker ??= worker;
      return mod;
    } finally {
      restoreBuiltin(Array.prototype, 'push', saved.push);
      restoreBuiltin(JSON, 'parse', saved.parse);
      restoreBuiltin(JSON, 'stringify', saved.stringify);
    }
  })();
  return pdfjsPromise;
}

function restoreBuiltin(target: object, key: string, original: unknown): void {
  if ((target as Record<string, unknown>)[key] !== original) {
    Object.defineProperty(target, key, { value: original, writable: true, configurable: true, enumerable: false });
  }
}

let assetDirs: { cMapUrl: string; standardFontDataUrl: string } | undefined;
/**
 * pdf.js needs its CMaps (or CJK text silently disappears) and standard fonts. In Node they must be
 * plain filesystem paths with a trailing separator: a file:// URL string fails.
 */
function pdfAssets(): { cMapUrl: string; standardFontDataUrl: string } {
  if (!assetDirs) {
    const require = createRequire(import.meta.url);
    const root = path.dirname(require.resolve('pdfjs-dist/package.json'));
    assetDirs = {
      cMapUrl: path.join(root, 'cmaps') + path.sep,
      standardFontDataUrl: path.join(root, 'standard_fonts') + path.sep,
    };
  }
  return assetDirs;
}

export interface OpenedPdf {
  pdfjs: PdfJs;
  doc: PDFDocumentProxy;
  producer?: string;
  close(): Promise<void>;
}

/** Where "%PDF-" must appear: the spec says at the start, readers tolerate junk in the first 1 KiB. */
const HEADER_WINDOW = 1024;

export function looksLikePdf(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, HEADER_WINDOW);
  for (let i = 0; i + 5 <= n; i++) {
    if (bytes[i] === 0x25 && bytes[i + 1] === 0x50 && bytes[i + 2] === 0x44 && bytes[i + 3] === 0x46 && bytes[i + 4] === 0x2d) {
      return true;
    }
  }
  return false;
}

/** Maps a pdf.js failure (its exception classes are told apart by `name`) to a stable reason. */
export function classifyPdfError(file: string, err: unknown, hadPassword: boolean): ExtractionError {
  if (err instanceof ExtractionError) return err;
  if (isAllocationFailure(err)) return new ExtractionError(file, 'too-large', outOfMemoryDetail(), { cause: err });
  const e = err as { name?: string; message?: string; code?: number } | undefined;
  const name = e?.name ?? '';
  const msg = e?.message ?? String(err);
  if (name === 'PasswordException') {
    // code 1 = NEED_PASSWORD, 2 = INCORRECT_PASSWORD
    const detail =
      e?.code === 2 || hadPassword
        ? 'the PDF is encrypted and the password given does not open it; pass the right one with --password'
        : 'the PDF is encrypted and needs a password; pass it with --password';
    return new ExtractionError(file, 'encrypted', detail, { cause: err });
  }
  if (name === 'InvalidPDFException' || name === 'FormatError' || name === 'MissingPDFException' || name === 'UnknownErrorException' || name === 'ResponseException') {
    return new ExtractionError(file, 'corrupt', `the PDF is damaged or truncated and cannot be read (${msg})`, { cause: err });
  }
  return new ExtractionError(file, 'corrupt', `pdf.js could not read the PDF (${name || 'Error'}: ${msg})`, { cause: err });
}

export async function openPdf(file: string, bytes: Uint8Array, password?: string): Promise<OpenedPdf> {
  if (bytes.length === 0) throw new ExtractionError(file, 'empty', 'the file is empty (0 bytes)');
  if (!looksLikePdf(bytes)) throw new ExtractionError(file, 'not-pdf', 'the file is named as a PDF but has no %PDF- header');
  const pdfjs = await loadPdfJs();
  let task: PDFDocumentLoadingTask | undefined;
  try {
    task = pdfjs.getDocument({
      // pdf.js transfers (detaches) the buffer it is given: hand it a copy so the caller keeps its bytes.
      data: bytes.slice(),
      password,
      ...pdfAssets(),
      cMapPacked: true,
      verbosity: 0,
      isEvalSupported: false,
      useSystemFonts: false,
      disableFontFace: true,
      stopAtErrors: false,
    });
    const doc = await task.promise;
    let producer: string | undefined;
    try {
      const meta = await doc.getMetadata();
      const info = meta.info as Record<string, unknown> | undefined;
      const p = info?.Producer ?? info?.Creator;
      if (typeof p === 'string' && p.trim()) producer = p.trim();
    } catch {
      // metadata is optional; a broken Info dictionary is no reason to refuse the file
    }
    const t = task;
    return { pdfjs, doc, producer, close: () => t.destroy() };
  } catch (err) {
    if (task) await task.destroy().catch(() => undefined);
    throw classifyPdfError(file, err, password !== undefined);
  }
}
