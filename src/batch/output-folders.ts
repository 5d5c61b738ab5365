/**
 * One output folder per input, always directly inside --out, stable across runs.
 *
 * The preferred name is the input's file name without its extension (the facts contract), made
 * safe: no path separators, no leading dots (an input named `...pdf` must not write into the
 * parent of --out), no control characters, not a run-level file name, not too long. Twin names —
 * a/2024年部门预算.pdf and b/2024年部门预算.pdf, as every department names its file alike — are told
 * apart by who owns the folder: the first input to take a folder writes its absolute path into
 * `.yusuan-source` there; any other input that would get the same name gets `<name>~<8 hex>` (a
 * hash of its absolute path) instead. Ownership outlives the run, so each input keeps its folder
 * in later runs whatever else they contain, and the skip rule holds.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { basename, extname, join, relative, sep } from 'node:path';

export const OWNER_FILE = '.yusuan-source';
/** File names of the run level, which no output folder may take. */
export const RUN_LEVEL_NAMES = new Set(['manifest.jsonl', 'facts.csv', 'facts.parquet', 'headlines.csv', 'across-years.csv', 'yusuan.sqlite', 'yusuan.sqlite-wal', 'yusuan.sqlite-shm', 'yusuan.sqlite-journal']);
/** Longest folder name kept (UTF-8 bytes), leaving room for the hash suffix under the usual 255-byte limit. */
const MAX_NAME_BYTES = 180;

function truncateUtf8(s: string, max: number): string {
  let out = '';
  let bytes = 0;
  for (const ch of s) {
    const n = Buffer.byteLength(ch);
    if (bytes + n > max) break;
    out += ch;
    bytes += n;
  }
  return out;
}

/** A file name made safe as a folder name directly inside --out. */
export function safeFolderName(name: string): string {
  let s = name
    .normalize('NFC')
    // separators and characters that are trouble on some file system or in a shell
    .replace(/[/\\\u0000-\u001f\u007f:*?"<>|]/g, '_')
    .replace(/^[\s.]+/, '')
    .replace(/[\s.]+$/, '');
  s = truncateUtf8(s, MAX_NAME_BYTES);
  if (!s) s = 'input';
  if (RUN_LEVEL_NAMES.has(s.toLowerCase())) s = `${s}_`;
  return s;
}

export function pathHash(absPath: string): string {
  return createHash('sha256').update(absPath).digest('hex').slice(0, 8);
}

/** An input claiming a folder: its identity (absolute path, URL, `-`) and its file name. */
export interface FolderClaim {
  id: string;
  name: string;
}

/**
 * Preferred names: the stem; where two inputs of one run share a stem but not an extension
 * (x.md and x.html), both keep their extension.
 */
function preferredNames(inputs: FolderClaim[]): string[] {
  const stemOf = (f: string) => basename(f, extname(f));
  const exts = new Map<string, Set<string>>();
  for (const { name } of inputs) {
    const s = stemOf(name);
    if (!exts.has(s)) exts.set(s, new Set());
    exts.get(s)!.add(extname(name).toLowerCase());
  }
  return inputs.map(({ name }) => safeFolderName((exts.get(stemOf(name))?.size ?? 0) > 1 ? basename(name) : stemOf(name)));
}

function ownerOf(dir: string): string | undefined {
  try {
    return readFileSync(join(dir, OWNER_FILE), 'utf8').trim() || undefined;
  } catch {
    return undefined;
  }
}

/**
 * The folder name of each input, pure: its preferred name, else `<name>~<8 hex>` when another input
 * owns that name (on disk, as `ownerOf` says, or earlier in this list), else a longer hash. The
 * batch asks the disk who owns a folder; the queue, naming jobs before any worker has a folder,
 * asks nobody.
 */
export function folderNames(inputs: FolderClaim[], ownerOf: (folder: string) => string | undefined = () => undefined): string[] {
  const preferred = preferredNames(inputs);
  const taken = new Map<string, string>(); // folder → input identity, this list
  return inputs.map(({ id }, i) => {
    const want = preferred[i];
    const free = (c: string) => [ownerOf(c), taken.get(c)].every((o) => o === undefined || o === id);
    // two paths with one hash prefix: astronomically unlikely, but never share a folder
    const chosen = [want, `${want}~${pathHash(id)}`].find(free) ?? `${want}~${createHash('sha256').update(id).digest('hex').slice(0, 16)}`;
    taken.set(chosen, id);
    return chosen;
  });
}

/**
 * The output folder (relative to `out`) of each input, claiming new ones on disk. `out` must exist.
 * Throws only on a file-system error (the caller reports it as an output problem).
 */
export function assignOutputFolders(out: string, inputs: FolderClaim[]): string[] {
  const names = folderNames(inputs, (folder) => ownerOf(join(out, folder)));
  names.forEach((chosen, i) => {
    const id = inputs[i].id;
    const dir = join(out, chosen);
    const rel = relative(out, dir);
    if (!rel || rel.startsWith('..') || rel.includes(sep)) throw new Error(`output folder ${JSON.stringify(chosen)} would not be inside ${out}`);
    if (ownerOf(dir) !== id) {
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, OWNER_FILE), `${id}\n`);
    }
  });
  return names;
}
