/**
 * The run-level files of an output folder — manifest.jsonl, facts.csv, headlines.csv — describe every
 * document in the folder, whichever run made it (batches run one after another into one --out,
 * `xargs -n 50 yusuan extract -o out`).
 *
 * The manifest is appended line by line while a run goes (a killed run keeps what it did) and
 * rewritten whole (temp file + rename) when it ends. The next run reads it back line by line,
 * dropping a torn last line (a crash or a full disk mid-write), so it is repaired before anything
 * is appended. The CSVs are always written whole from the documents' own files.
 */
import { createWriteStream, existsSync, readdirSync, rmSync } from 'node:fs';
import { readFile, rename, rm } from 'node:fs/promises';
import { once } from 'node:events';
import { join } from 'node:path';
import { ManifestEntry } from '../../schemas/manifest.js';
import { parseCsvRecords, toCsv } from '../export/csv.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { MARKER } from './marker.js';

export const MANIFEST = 'manifest.jsonl';

/** The key of a manifest entry: its output folder, or its path for an input that got none. */
const keyOf = (e: ManifestEntry) => (e.output !== undefined ? `o:${e.output}` : `p:${e.path}`);

export interface ReadManifest {
  entries: ManifestEntry[];
  /** lines dropped: torn by a crash or a full disk, or not a manifest entry */
  dropped: number;
}

/** The manifest of `out` as earlier runs left it; the last entry of each output wins. */
export async function readManifest(out: string): Promise<ReadManifest> {
  let text: string;
  try {
    text = await readFile(join(out, MANIFEST), 'utf8');
  } catch {
    return { entries: [], dropped: 0 };
  }
  const byKey = new Map<string, ManifestEntry>();
  let dropped = 0;
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      dropped++;
      continue;
    }
    const r = ManifestEntry.safeParse(parsed);
    if (!r.success) {
      dropped++;
      continue;
    }
    byKey.delete(keyOf(r.data));
    byKey.set(keyOf(r.data), r.data);
  }
  return { entries: [...byKey.values()], dropped };
}

/**
 * Entries of earlier runs that still describe the folder: not redone by this run, and (for a
 * document) its folder still complete.
 */
export function keptEntries(out: string, earlier: ManifestEntry[], thisRun: ManifestEntry[]): ManifestEntry[] {
  const now = new Set(thisRun.map(keyOf));
  const paths = new Set(thisRun.map((e) => e.path));
  return earlier.filter((e) => !now.has(keyOf(e)) && !paths.has(e.path) && (e.status === 'failed' || (e.output !== undefined && existsSync(join(out, e.output, MARKER)))));
}

export function manifestText(entries: ManifestEntry[]): string {
  return entries.map((e) => `${JSON.stringify(e)}\n`).join('');
}

export async function writeManifest(out: string, entries: ManifestEntry[]): Promise<void> {
  await writeFileAtomic(join(out, MANIFEST), manifestText(entries));
}

/**
 * <out>/<name> (facts.csv, headlines.csv): the rows of every document the manifest lists, in its
 * order. With `records`, each document's rows are also parsed and pushed there, in the same order
 * (facts.parquet is built from them rather than by reading the file just written back).
 */
export async function writeRunCsv(out: string, name: string, columns: readonly string[], entries: ManifestEntry[], bom = '', records?: Record<string, string>[]): Promise<void> {
  const target = join(out, name);
  const tmp = join(out, `.${name}.${process.pid}.${Date.now()}.tmp`);
  const ws = createWriteStream(tmp);
  const failed = new Promise<never>((_, reject) => ws.once('error', reject));
  failed.catch(() => undefined);
  const write = async (s: string) => {
    if (!ws.write(s)) await Promise.race([once(ws, 'drain'), failed]);
  };
  try {
    await write(bom + (await toCsv([...columns], [])));
    for (const e of entries) {
      if (e.status === 'failed' || e.output === undefined) continue;
      const text = await readFile(join(out, e.output, name), 'utf8').catch(() => '');
      const nl = text.indexOf('\n');
      if (nl >= 0 && nl + 1 < text.length) {
        await write(text.slice(nl + 1));
        if (records) for (const r of await parseCsvRecords(text)) records.push(r);
      }
    }
    ws.end();
    await Promise.race([once(ws, 'finish'), failed]);
    await rename(tmp, target);
  } catch (e) {
    ws.destroy();
    await rm(tmp, { force: true });
    throw e;
  }
}

/** Temp files a killed run left at the run level (<out>/.…tmp): removed by the next run, which holds the lock. */
export function removeRunTempFiles(out: string): void {
  let names: string[];
  try {
    names = readdirSync(out);
  } catch {
    return;
  }
  for (const n of names) if (n.startsWith('.') && n.endsWith('.tmp')) rmSync(join(out, n), { force: true });
}
