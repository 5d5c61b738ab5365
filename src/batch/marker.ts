/**
 * The completion marker of one output folder: `<out>/<stem>/.yusuan-complete.json`, written
 * (atomically) after every other output of the document. It names the input's SHA-256, the yusuan
 * version, the size of each output file and the figures the manifest reports. A folder is trusted
 * (its input skipped on a re-run) only when the marker exists, parses, matches the input's hash and
 * this version, and every file it lists has the listed size. Anything else is redone.
 */
import { readFile, readdir, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { ConversionStatus } from '../../schemas/document.js';
import type { FindingCounts } from '../../schemas/manifest.js';
import { writeFileAtomic } from '../util/atomic-write.js';

export const MARKER = '.yusuan-complete.json';

/** What a run reports of one document: in the marker, the manifest and the worker's result. */
export interface DocumentCounts {
  pages: number;
  tables: number;
  facts: number;
  projects: number;
  diagnostics: { warning: number; error: number };
  findings: FindingCounts;
  /** the validator's one-line summary ("0 errors, 2 warnings, 12 info (rule n, …)") */
  checksLine?: string;
}

export interface Marker extends DocumentCounts {
  sha256: string;
  yusuan: string;
  source: string;
  documentStatus: ConversionStatus;
  /** output files relative to the folder → size in bytes */
  files: Record<string, number>;
  completedAt: string;
}

async function listFiles(dir: string, root = dir, out: string[] = []): Promise<string[]> {
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) await listFiles(p, root, out);
    else if (e.isFile() && e.name !== MARKER && !e.name.endsWith('.tmp')) out.push(relative(root, p).split('\\').join('/'));
  }
  return out.sort();
}

/** Write the marker for a folder whose outputs are all written: records every file's size. */
export async function writeMarker(dir: string, m: Omit<Marker, 'files' | 'completedAt'>): Promise<Marker> {
  const files: Record<string, number> = {};
  for (const f of await listFiles(dir)) files[f] = (await stat(join(dir, f))).size;
  const marker: Marker = { ...m, files, completedAt: new Date().toISOString() };
  await writeFileAtomic(join(dir, MARKER), `${JSON.stringify(marker, null, 1)}\n`);
  return marker;
}

/** The marker if the folder's outputs are complete for this input hash and version, else undefined. */
export async function trustedMarker(dir: string, sha256: string, yusuan: string): Promise<Marker | undefined> {
  let m: Marker;
  try {
    m = JSON.parse(await readFile(join(dir, MARKER), 'utf8')) as Marker;
  } catch {
    return undefined;
  }
  if (!m || m.sha256 !== sha256 || m.yusuan !== yusuan || typeof m.files !== 'object' || !m.files['document.json']) return undefined;
  for (const [f, size] of Object.entries(m.files)) {
    try {
      if ((await stat(join(dir, f))).size !== size) return undefined;
    } catch {
      return undefined;
    }
  }
  return m;
}
