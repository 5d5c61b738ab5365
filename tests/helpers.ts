import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Document } from '../schemas/document.js';
import { extractText } from '../extractors/text/index.js';
import { interpretDocument } from '../src/interpret/document.js';
import { sha256 } from '../src/pipeline.js';

export const ROOT = resolve(import.meta.dirname, '..');
export const SHARED = resolve(ROOT, '../shared');
export const CORPUS = resolve(SHARED, 'corpus');
export const SEED = resolve(CORPUS, 'text/xinzhou-xinfang-2024-budget.txt');
export const TRUTH = resolve(SHARED, 'truth/xinzhou-xinfang-2024-budget.truth.json');
export const hasShared = existsSync(SEED);

/** Interpret a text rendering given inline (tab-separated rows, markdown or HTML). */
export function docFromText(text: string, name = 'fixture.md'): Document {
  const bytes = new TextEncoder().encode(text);
  return interpretDocument(extractText({ path: name, name, bytes, sha256: sha256(bytes) }));
}

export const tsv = (...rows: string[][]) => rows.map((r) => r.join('\t')).join('\n');
