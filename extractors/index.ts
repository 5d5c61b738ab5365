/**
 * Choose the extractor for an input by its bytes (not its name): %PDF- → PDF, else a text
 * rendering. A .pdf that is not a PDF is reported as such.
 */
import type { SourceDocument } from '../schemas/intermediate.js';
import { ExtractionError } from '../src/core/errors.js';
import type { ExtractOptions, SourceInput } from './source-input.js';
import { extractText } from './text/index.js';

export type { SourceInput, ExtractOptions } from './source-input.js';

export function isPdfBytes(bytes: Uint8Array): boolean {
  // the header may follow some junk bytes (allowed by readers): look in the first KiB
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  return head.includes('%PDF-');
}

export async function extractSource(input: SourceInput, opts: ExtractOptions = {}): Promise<SourceDocument> {
  if (input.bytes.length === 0) throw new ExtractionError(input.path, 'empty', 'the file is empty (0 bytes)');
  if (isPdfBytes(input.bytes)) {
    const { extractPdf } = await import('./pdf/index.js');
    return extractPdf(input, opts);
  }
  if (/\.pdf$/i.test(input.name)) {
    throw new ExtractionError(input.path, 'not-pdf', 'named .pdf but it is not a PDF (no %PDF- header)');
  }
  return extractText(input);
}
