/**
 * The library entry point: bytes or a path in, the document model out.
 *   ingest (extractors/) → segment → interpret (src/interpret) → confirm (src/confirm) → document
 * Validation and export are separate stages that take the Document.
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Document } from '../schemas/document.js';
import { extractSource, type ExtractOptions, type SourceInput } from '../extractors/index.js';
import { layoutSettings } from './core/layout-settings.js';
import { ExtractionError } from './core/errors.js';
import { confirmReadings } from './confirm/confirm-readings.js';
import { interpretDocument } from './interpret/document.js';
import { loadOrgAliases } from './interpret/org-names.js';

/** Extraction options, and the files that extend the organisation alias table (data/org-aliases.csv). */
export type PipelineOptions = ExtractOptions & { orgAliases?: string[] };

export type Input = string | Uint8Array | { bytes: Uint8Array; name: string; path?: string };

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Largest input read at all (bytes); a bigger file is refused as too-large before it is read. */
export const MAX_INPUT_BYTES = 256 * 1024 * 1024;

export async function readInput(input: Input): Promise<SourceInput> {
  if (typeof input === 'string') {
    let bytes: Uint8Array;
    const size = await stat(input).then((s) => (s.isFile() ? s.size : 0), () => 0);
    if (size > MAX_INPUT_BYTES) {
      throw new ExtractionError(input, 'too-large', `the file is ${(size / 1048576).toFixed(0)} MB, over the ${MAX_INPUT_BYTES / 1048576} MB limit for one input`);
    }
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
export async function extract(input: Input, opts: PipelineOptions = {}): Promise<Document> {
  return extractRead(await readInput(input), opts);
}

/** Extract input already read and hashed (readInput), so a caller that needed the hash first does not hash twice. */
export async function extractRead(src: SourceInput, opts: PipelineOptions = {}): Promise<Document> {
  const ir = await extractSource(src, opts);
  // unsure OCR readings become values only where the document's identities confirm them
  return confirmReadings(interpretDocument(ir, { segment: layoutSettings(opts.layout).segment, ...(opts.orgAliases?.length ? { orgAliases: loadOrgAliases(opts.orgAliases) } : {}) }));
}
