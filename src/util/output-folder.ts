/**
 * The output folder of a run, as the viewer and the annotator read it: its document folders, and
 * where the source file of each is. An output folder records its input's path three
 * ways: document.json `source.path` (as given to the run, often relative to the directory it was
 * started in), the manifest line of the run that made it (the same), and the database row
 * (absolute). None of them is trusted blindly: a candidate is used only when it exists and its
 * SHA-256 is the one document.json records, so the file shown or annotated is the file that was read.
 */
import { createReadStream, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import Database from 'better-sqlite3';

/** The document folders of `out` (those holding a document.json), by name, sorted. */
export function documentFolders(out: string): string[] {
  return readdirSync(out, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(out, e.name, 'document.json')))
    .map((e) => e.name)
    .sort();
}

/** output folder name → input paths recorded for it by the manifest and the database of `out` */
export function recordedSourcePaths(out: string, dbFile = join(out, 'yusuan.sqlite')): Map<string, string[]> {
  const paths = new Map<string, string[]>();
  const add = (folder: unknown, p: unknown) => {
    if (typeof folder !== 'string' || typeof p !== 'string' || !p) return;
    const list = paths.get(folder) ?? [];
    if (!list.includes(p)) list.push(p);
    paths.set(folder, list);
  };
  const manifest = join(out, 'manifest.jsonl');
  if (existsSync(manifest)) {
    for (const line of readFileSync(manifest, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      try {
        const e = JSON.parse(line) as { output?: unknown; path?: unknown };
        add(e.output, e.path);
      } catch {
        // a torn last line of a killed run: the other lines still count
      }
    }
  }
  if (existsSync(dbFile)) {
    try {
      const db = new Database(dbFile, { readonly: true, fileMustExist: true });
      try {
        for (const r of db.prepare('SELECT output, path FROM documents').iterate() as Iterable<{ output: unknown; path: unknown }>) add(r.output, r.path);
      } finally {
        db.close();
      }
    } catch {
      // not a yusuan database (or locked): the manifest and document.json remain
    }
  }
  return paths;
}

/** Absolute candidates for a recorded path: as is when absolute, else from the working directory and from beside the output folder. */
export function candidatePaths(out: string, recorded: string[]): string[] {
  const seen = new Set<string>();
  for (const p of recorded) {
    const list = isAbsolute(p) ? [p] : [resolve(p), resolve(dirname(resolve(out)), p)];
    for (const c of list) seen.add(c);
  }
  return [...seen];
}

export function fileSha256(path: string): Promise<string> {
  return new Promise((ok, fail) => {
    const h = createHash('sha256');
    createReadStream(path)
      .on('data', (b) => h.update(b))
      .on('error', fail)
      .on('end', () => ok(h.digest('hex')));
  });
}

/** The first candidate that is a file with this SHA-256, or undefined. */
export async function findSourceFile(candidates: string[], sha256: string): Promise<string | undefined> {
  for (const c of candidates) {
    try {
      if (!statSync(c).isFile()) continue;
      if ((await fileSha256(c)) === sha256) return c;
    } catch {
      // missing or unreadable: try the next
    }
  }
  return undefined;
}
