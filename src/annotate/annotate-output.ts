/**
 * `yusuan annotate <out>`: for every PDF document of an output folder, `<out>/<name>/annotated.pdf`
 * — its source with the findings of checks.json as annotations (./annotate-pdf.ts). A document
 * whose source cannot be found (moved, or changed since it was read) gets one line saying so; the
 * others are still done.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Document } from '../../schemas/document.js';
import type { Checks } from '../../schemas/findings.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { candidatePaths, documentFolders, findSourceFile, recordedSourcePaths } from '../util/output-folder.js';
import { annotatePdf, type AnnotateOptions } from './annotate-pdf.js';

export const ANNOTATED = 'annotated.pdf';

export interface AnnotatedDocument {
  folder: string;
  status: 'annotated' | 'not-pdf' | 'source-missing' | 'failed';
  /** the file written, in the folder */
  file?: string;
  highlights?: number;
  notes?: number;
  message?: string;
}

export async function annotateOutput(
  out: string,
  opts: AnnotateOptions & { db?: string; onDocument?: (r: AnnotatedDocument) => void } = {},
): Promise<AnnotatedDocument[]> {
  const recorded = recordedSourcePaths(out, opts.db);
  const results: AnnotatedDocument[] = [];
  for (const folder of documentFolders(out)) {
    const r = await annotateFolder(out, folder, recorded.get(folder) ?? [], opts);
    results.push(r);
    opts.onDocument?.(r);
  }
  return results;
}

async function annotateFolder(out: string, folder: string, recorded: string[], opts: AnnotateOptions): Promise<AnnotatedDocument> {
  const dir = join(out, folder);
  try {
    const doc = JSON.parse(await readFile(join(dir, 'document.json'), 'utf8')) as Pick<Document, 'source'>;
    if (doc.source.format !== 'pdf') return { folder, status: 'not-pdf' };
    const checks = JSON.parse(await readFile(join(dir, 'checks.json'), 'utf8')) as Checks;
    const source = await findSourceFile(candidatePaths(out, [doc.source.path, ...recorded]), doc.source.sha256);
    if (!source) return { folder, status: 'source-missing', message: `source ${doc.source.name} not found with SHA-256 ${doc.source.sha256.slice(0, 12)}…` };
    const res = await annotatePdf(new Uint8Array(await readFile(source)), checks.findings, opts);
    await writeFileAtomic(join(dir, ANNOTATED), res.bytes);
    return { folder, status: 'annotated', file: ANNOTATED, highlights: res.highlights, notes: res.notes };
  } catch (e) {
    return { folder, status: 'failed', message: (e as Error).message };
  }
}
