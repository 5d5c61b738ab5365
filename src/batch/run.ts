/**
 * A run over many inputs (docs/batch.md): a pool of workers extracts, validates and writes each
 * input; the main thread is the one writer of the manifest, the database and the run's facts.csv.
 * Re-runs skip inputs whose outputs are complete for the same bytes and version (./marker.ts).
 */
import { closeSync, createWriteStream, openSync, writeSync } from 'node:fs';
import { mkdir, readFile, rename, rm } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { once } from 'node:events';
import { FACT_COLUMNS, type Document } from '../../schemas/document.js';
import type { Checks } from '../../schemas/findings.js';
import type { ManifestEntry } from '../../schemas/manifest.js';
import type { ResultsDb } from '../db/index.js';
import { documentPayload } from '../db/rows.js';
import { toCsv } from '../export/csv.js';
import { documentFacts } from '../export/facts.js';
import { sha256 } from '../pipeline.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { VERSION } from '../version.js';
import { displayPath, expandInputs, outputStems } from './inputs.js';
import { FilePool } from './pool.js';
import { makeProgress, type ProgressMode, type RunTotals } from './progress.js';
import type { FileResult, FileTask } from './task.js';
import type { OcrMode } from '../../extractors/source-input.js';

export interface RunOptions {
  out: string;
  password?: string;
  /** OCR of page images: auto (pages without text), off, force (every page) */
  ocr?: OcrMode;
  quiet?: boolean;
  strict?: boolean;
  /** worker threads (default: the number of cores) */
  jobs?: number | string;
  /** per-file limit in seconds (default 120) */
  timeout?: number | string;
  progress?: ProgressMode;
  /** redo every input, even those with complete outputs */
  force?: boolean;
  /** database file; default <out>/yusuan.sqlite; false: none (--no-db) */
  db?: string | boolean;
}

/** Exit codes: 0 all read (partial too); 1 some input failed; 2 usage; 3 --strict and an error finding. */
export const EXIT = { ok: 0, failed: 1, usage: 2, findings: 3 } as const;

export const DEFAULT_TIMEOUT_S = 120;
export const MANIFEST = 'manifest.jsonl';
export const DEFAULT_DB = 'yusuan.sqlite';

const RESERVED = new Set([MANIFEST, 'facts.csv', DEFAULT_DB, `${DEFAULT_DB}-wal`, `${DEFAULT_DB}-shm`]);

export class UsageError extends Error {}

function positiveInt(v: number | string | undefined, name: string, dflt: number): number {
  if (v === undefined) return dflt;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`${name} must be a positive whole number (got ${JSON.stringify(v)})`);
  return n;
}

function positiveNumber(v: number | string | undefined, name: string, dflt: number): number {
  if (v === undefined) return dflt;
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0) throw new UsageError(`${name} must be a positive number of seconds (got ${JSON.stringify(v)})`);
  return n;
}

export function manifestEntry(r: FileResult): ManifestEntry {
  return {
    path: r.path,
    ...(r.status !== 'failed' || r.documentStatus ? { output: r.output } : {}),
    ...(r.sha256 ? { sha256: r.sha256 } : {}),
    ...(r.bytes !== undefined ? { bytes: r.bytes } : {}),
    status: r.status,
    ...(r.documentStatus ? { documentStatus: r.documentStatus } : {}),
    pages: r.pages,
    tables: r.tables,
    facts: r.facts,
    projects: r.projects,
    findings: r.findings,
    diagnostics: r.diagnostics,
    durationMs: r.durationMs,
    ...(r.error ? { error: { reason: r.error.reason, message: r.error.message } } : {}),
    yusuan: VERSION,
  };
}

function summaryLine(r: FileResult): string {
  const p = displayPath(r.path);
  if (r.status === 'failed' && r.error) return `${p}: failed [${r.error.reason}] ${r.error.message}`;
  const what = r.status === 'skipped' ? `skipped (unchanged, ${r.documentStatus})` : r.documentStatus;
  const checks = `checks: ${r.checksLine ?? `${r.findings.error} errors, ${r.findings.warning} warnings, ${r.findings.info} info`}`;
  return `${p}: ${what}, ${r.tables} tables, ${r.facts} facts, ${r.projects} projects, ${r.diagnostics.warning} warnings, ${r.diagnostics.error} errors; ${checks} (${r.durationMs} ms)`;
}

/** The document of a skipped input, read back from its (trusted) outputs, as database rows. */
async function payloadFromOutputs(task: FileTask) {
  const doc = JSON.parse(await readFile(join(task.outDir, 'document.json'), 'utf8')) as Document;
  const checks = JSON.parse(await readFile(join(task.outDir, 'checks.json'), 'utf8')) as Checks;
  return documentPayload(doc, checks, documentFacts(doc), { path: task.absPath, output: task.output });
}

/** <out>/facts.csv: every document's facts.csv of this run (extracted or skipped), in input order. */
async function writeRunFacts(out: string, dirs: string[]): Promise<void> {
  const target = join(out, 'facts.csv');
  const tmp = join(out, `.facts.csv.${process.pid}.${Date.now()}.tmp`);
  const ws = createWriteStream(tmp);
  const write = async (s: string) => {
    if (!ws.write(s)) await once(ws, 'drain');
  };
  try {
    await write(await toCsv(FACT_COLUMNS, []));
    for (const d of dirs) {
      const text = await readFile(join(d, 'facts.csv'), 'utf8').catch(() => '');
      const nl = text.indexOf('\n');
      if (nl >= 0 && nl + 1 < text.length) await write(text.slice(nl + 1));
    }
    ws.end();
    await once(ws, 'finish');
    await rename(tmp, target);
  } catch (e) {
    ws.destroy();
    await rm(tmp, { force: true });
    throw e;
  }
}

export async function runExtract(inputs: string[], opts: RunOptions): Promise<number> {
  let jobs: number;
  let timeoutS: number;
  try {
    jobs = positiveInt(opts.jobs, '--jobs', availableParallelism());
    timeoutS = positiveNumber(opts.timeout, '--timeout', DEFAULT_TIMEOUT_S);
  } catch (e) {
    console.error(`yusuan: ${(e as Error).message}`);
    return EXIT.usage;
  }
  const progress = makeProgress(opts.progress ?? 'auto', !!opts.quiet);
  const { files, missing } = await expandInputs(inputs);
  for (const m of missing) progress.warn(`yusuan: ${m}: matches no file`);
  if (!files.length) {
    progress.warn('yusuan: no input files (supported: .pdf .txt .md .markdown .html .htm)');
    return EXIT.usage;
  }
  const out = resolve(opts.out);
  await mkdir(out, { recursive: true });
  // an input named like a run-level output (facts.csv.md) must not get a folder of that name
  const stems = new Map([...outputStems(files)].map(([f, s]) => [f, RESERVED.has(s.toLowerCase()) ? `${s}_` : s]));
  const tasks: FileTask[] = files.map((f) => ({
    path: f,
    absPath: resolve(f),
    outDir: join(out, stems.get(f)!),
    output: stems.get(f)!,
    ...(opts.password ? { password: opts.password } : {}),
    ...(opts.ocr && opts.ocr !== 'auto' ? { ocr: opts.ocr } : {}),
    force: !!opts.force,
  }));

  let db: ResultsDb | undefined;
  if (opts.db !== false) {
    const file = typeof opts.db === 'string' ? resolve(opts.db) : join(out, DEFAULT_DB);
    const { ResultsDb } = await import('../db/index.js');
    db = new ResultsDb(file);
    for (const t of tasks) t.wantRows = true;
  }

  // the manifest as files finish (a killed run keeps what it did); rewritten in input order at the end
  const manifestPath = join(out, MANIFEST);
  const manifestFd = openSync(manifestPath, 'w');
  const results: (FileResult | undefined)[] = new Array(files.length);
  const totals: RunTotals = { total: files.length, done: 0, ok: 0, partial: 0, skipped: 0, failed: 0, pages: 0, elapsedMs: 0 };
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  progress.start(files.length, { jobs, timeoutSec: timeoutS, out, force: !!opts.force, yusuan: VERSION });

  const finish = async (i: number, r: FileResult) => {
    const task = tasks[i];
    if (r.status === 'failed' && !r.sha256) {
      // timed out or crashed before the worker said: hash here, for the manifest and the database
      try {
        const bytes = await readFile(task.absPath);
        r.sha256 = sha256(bytes);
        r.bytes = bytes.length;
      } catch {
        /* unreadable: already said */
      }
    }
    if (db) {
      try {
        if (r.rows) db.upsert(r.rows);
        else if (r.status === 'skipped' && r.sha256 && !db.has(r.sha256, VERSION)) db.upsert(await payloadFromOutputs(task));
        else if (r.status === 'failed' && r.sha256) db.forgetStale(task.absPath, r.sha256);
      } catch (e) {
        progress.warn(`yusuan: ${displayPath(task.path)}: could not store in the database: ${(e as Error).message}`);
      }
      delete r.rows;
    }
    results[i] = r;
    writeSync(manifestFd, `${JSON.stringify(manifestEntry(r))}\n`);
    totals.done++;
    totals[r.status === 'ok' ? 'ok' : r.status]++;
    if (r.status !== 'skipped') totals.pages += r.pages;
    totals.elapsedMs = Math.round(performance.now() - t0);
    progress.file(r, totals);
    if (r.status === 'failed') progress.warn(`yusuan: ${r.error?.message ?? displayPath(r.path)} [${r.error?.reason ?? 'internal'}]`);
    progress.line(summaryLine(r));
  };

  const pool = new FilePool({ jobs: Math.min(jobs, tasks.length), timeoutMs: timeoutS * 1000 });
  let next = 0;
  // One lane per worker. A lane hands its worker the next input *before* storing the result it
  // just got: the database writes and the manifest line (this thread's work) then overlap the
  // worker's next file instead of leaving the worker idle. At most `jobs` inputs are ever in
  // flight, so each input's --timeout clock still starts when its worker starts it.
  const lane = async () => {
    let i = next++;
    let running = pool.run(tasks[i]);
    for (;;) {
      const r = await running;
      const j = next < tasks.length ? next++ : -1;
      if (j >= 0) running = pool.run(tasks[j]);
      await finish(i, r);
      if (j < 0) return;
      i = j;
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(jobs, tasks.length) }, lane));
  } finally {
    await pool.close();
    closeSync(manifestFd);
    db?.close();
  }

  const done = results.filter((r): r is FileResult => !!r);
  await writeFileAtomic(manifestPath, done.map((r) => `${JSON.stringify(manifestEntry(r))}\n`).join(''));
  await writeRunFacts(out, tasks.filter((_, i) => results[i] && results[i].status !== 'failed').map((t) => t.outDir));
  totals.elapsedMs = Math.round(performance.now() - t0);
  const withErrors = done.filter((r) => r.status !== 'failed' && r.findings.error > 0).length;
  const failed = totals.failed + missing.length;
  const code = failed ? EXIT.failed : opts.strict && withErrors ? EXIT.findings : EXIT.ok;
  // CPU time of the whole process (every thread: workers, V8's helper threads, this one)
  const cpu = process.cpuUsage(cpu0);
  const cpuMs = Math.round((cpu.user + cpu.system) / 1000);
  progress.end(totals, { missing: missing.length, withErrorFindings: withErrors, manifest: manifestPath, db: db?.file ?? null, exit: code, cpuMs });
  const sec = totals.elapsedMs / 1000;
  progress.warn(
    `yusuan: ${files.length} input${files.length === 1 ? '' : 's'} in ${sec.toFixed(1)} s: ${totals.ok} ok, ${totals.partial} partial, ${totals.skipped} skipped (unchanged), ${failed} failed` +
      `${withErrors ? `; ${withErrors} with error findings` : ''}; manifest ${displayPath(manifestPath)}${db ? `, database ${displayPath(db.file)}` : ''}`,
  );
  return code;
}
