/**
 * Where inputs come from besides files: http(s) URLs, `-` for standard input, and `--from LIST`
 * (one input a line, `-` for the list on standard input). A URL is downloaded when its turn comes
 * (redirects followed, a size and a time limit), to a private temp folder that the run removes;
 * the URL stays the input's name in the summary, the manifest and the database. A failed download
 * is a failure of that input only (reason `download`).
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { STATUS_CODES } from 'node:http';
import { tmpdir } from 'node:os';
import { basename, extname, join, resolve } from 'node:path';
import { ExtractionError } from '../core/errors.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { boundedGet, FetchRefused, hostKey, type FetchResult } from '../util/bounded-get.js';
import { expandInputs } from './inputs.js';

export const URL_RE = /^https?:\/\//i;
export const DEFAULT_MAX_DOWNLOAD_MB = 200;
export const DEFAULT_DOWNLOAD_TIMEOUT_S = 60;

export interface Source {
  /** as the user gave it: a path, a URL, or `-` */
  path: string;
  /** identity of the input (manifest, database): the absolute path, the URL, or `-` */
  absPath: string;
  kind: 'file' | 'url' | 'stdin';
  /** a file name for the output folder and the document name (`a.pdf` of …/a.pdf?x=1) */
  name: string;
}

export interface ResolvedSources {
  sources: Source[];
  /** inputs that matched no file: reported, not silently dropped */
  missing: string[];
}

/**
 * A file name for a URL: its last path segment (decoded where it can be), else `fallback` (default:
 * the host); characters unsafe in file names replaced; at most 120 characters, kept from the end so
 * that the extension, which says the format, stays. Used for batch inputs, queued URLs and the
 * crawler's stored documents alike.
 */
export function urlName(url: string, fallback?: string): string {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return fallback ?? 'download';
  }
  const raw = u.pathname.split('/').filter(Boolean).pop() ?? '';
  let seg: string;
  try {
    seg = decodeURIComponent(raw);
  } catch {
    seg = raw; // a malformed %-escape: the name as written, not a crash of the whole run
  }
  return (seg || fallback || u.hostname).replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').slice(-120) || 'download';
}

/** The lines of a list file: one input each; blank lines and `#` comments skipped. */
export function listLines(text: string): string[] {
  return text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
}

export async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

/** Inputs (files, directories, globs, URLs, `-`) to sources, in the order given, each once. */
export async function resolveSources(args: string[], skip: ReadonlySet<string> = new Set()): Promise<ResolvedSources> {
  const sources: Source[] = [];
  const missing: string[] = [];
  const seen = new Set<string>();
  const add = (s: Source) => {
    if (seen.has(s.absPath)) return;
    seen.add(s.absPath);
    sources.push(s);
  };
  for (const arg of args) {
    if (arg === '-') add({ path: '-', absPath: '-', kind: 'stdin', name: 'stdin' });
    else if (URL_RE.test(arg)) add({ path: arg, absPath: arg, kind: 'url', name: urlName(arg) });
    else {
      const e = await expandInputs([arg], skip);
      missing.push(...e.missing);
      for (const f of e.files) add({ path: f, absPath: resolve(f), kind: 'file', name: basename(f) });
    }
  }
  return { sources, missing };
}

/** A name with an extension that tells a text format apart, from the Content-Type when the URL has none. */
function nameFor(name: string, contentType: string | null): string {
  if (extname(name)) return name;
  const ct = (contentType ?? '').toLowerCase();
  const ext = ct.includes('csv') ? '.csv' : ct.includes('html') ? '.html' : ct.includes('markdown') ? '.md' : ct.includes('pdf') ? '.pdf' : '';
  return `${name}${ext}`;
}

export interface DownloadLimits {
  maxBytes: number;
  timeoutMs: number;
  /** loopback and private addresses may be fetched (the batch: the user named the URL); the queue refuses them unless told */
  allowPrivate?: boolean;
  /** redirects may not leave the URL's own host (the queue's worker fetching a URL queued by someone else) */
  ownHostOnly?: boolean;
  /** the options that set the limits, named in the messages so that the user knows what to change */
  flags?: { size: string; time: string };
}

/**
 * Fetch a URL into `dir` (written atomically, so a retry replaces it); returns the file written.
 * Redirects are followed (up to 20), each hop checked like the first; a body over the size limit,
 * a status other than 2xx, a refused address, a network error or the time limit throw an
 * ExtractionError with reason `download`.
 */
export async function download(url: string, name: string, dir: string, limits: DownloadLimits): Promise<string> {
  const fail = (why: string, cause?: unknown): never => {
    throw new ExtractionError(url, 'download', `cannot download: ${why}`, { cause });
  };
  const flag = (f: string | undefined) => (f ? ` (${f})` : '');
  const own = () => new Set([hostKey(new URL(url).hostname)]);
  let r: FetchResult;
  try {
    r = await boundedGet(url, {
      allowedHosts: limits.ownHostOnly ? own() : 'any',
      allowPrivate: limits.allowPrivate ?? true,
      maxBytes: limits.maxBytes,
      timeoutMs: limits.timeoutMs,
      maxRedirects: 20,
      userAgent: 'yusuan (budget disclosure reader)',
    });
  } catch (e) {
    if (!(e instanceof FetchRefused)) return fail((e as Error).message, e);
    if (e.reason === 'too-large') return fail(`more than the limit of ${Math.round(limits.maxBytes / 1e6)} MB${flag(limits.flags?.size)}`, e);
    if (e.reason === 'timeout') return fail(`no complete answer within ${limits.timeoutMs / 1000} s${flag(limits.flags?.time)}`, e);
    return fail(e.detail, e);
  }
  if (r.status < 200 || r.status > 299) return fail(`HTTP ${r.status} ${STATUS_CODES[r.status] ?? ''}`.trim());
  const type = r.headers['content-type'];
  const file = join(dir, nameFor(name, (Array.isArray(type) ? type[0] : type) ?? null));
  await writeFileAtomic(file, r.body);
  return file;
}

/** A private temp folder for downloaded and piped inputs; `remove` deletes it at the end of the run. */
export async function spoolDir(): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'yusuan-inputs-'));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** `--from LIST`: the inputs listed in a file, or on standard input for `-`. */
export async function readList(list: string): Promise<string[]> {
  const text = list === '-' ? (await readStdin()).toString('utf8') : await readFile(list, 'utf8');
  return listLines(text);
}
