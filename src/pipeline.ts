/**
 * The library entry point: bytes or a path in, the document model out.
 *   ingest (extractors/) → segment → interpret (src/interpret) → document
 * Validation and export are separate stages that take the Document.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Document } from '../schemas/document.js';
import { extractSource, type ExtractOptions, type SourceInput } from '../extractors/index.js';
import { layoutSettings } from '../extractors/pdf/layout-settings.js';
import { ExtractionError } from './errors.js';
import { interpretDocument } from './interpret/document.js';

export type Input = string | Uint8Array | { bytes: Uint8Array; name: string; path?: string };

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export async function readInput(input: Input): Promise<SourceInput> {
  if (typeof input === 'string') {
    let bytes: Uint8Array;
    try {
      // a plain Uint8Array copy: pdf.js refuses Node Buffers
      bytes = new Uint8Array(await readFile(input));
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      const why = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'is a directory' : String((e as Error).message);
      throw new ExtractionError(input, 'unreadable', `cannot read the file: ${why}`, { cause: e });
    }
    return { path: input, name: basename(input), bytes, sha256: sha256(bytes) };
  }
  if (input instanceof Uint8Array) return { path: 'input', name: 'input', bytes: input, sha256: sha256(input) };
  return { path: input.path ?? input.name, name: input.name, bytes: input.bytes, sha256: sha256(input.bytes) };
}

/** Extract one disclosure. Throws ExtractionError (with a reason) when the input cannot be read. */
export async function extract(input: Input, opts: ExtractOptions = {}): Promise<Document> {
  return extractRead(await readInput(input), opts);
}

/** Extract input already read and hashed (readInput), so a caller that needed the hash first does not hash twice. */
export async function extractRead(src: SourceInput, opts: ExtractOptions = {}): Promise<Document> {
  return interpretDocument(await extractSource(src, opts), layoutSettings(opts.layout).segment);
}
