/**
 * A run over many inputs (docs/batch.md): a pool of workers extracts, validates and writes each
 * input; the main thread is the one writer of the manifest, the database and the run's facts.csv.
 * Re-runs skip inputs whose outputs are complete for the same bytes and version (./marker.ts).
 */
import { closeSync, createWriteStream, openSync, writeSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { once } from 'node:events';
import { FACT_COLUMNS, type Document } from '../../schemas/document.js';
import type { Checks } from '../../schemas/findings.js';
import type { ManifestEntry } from '../../schemas/manifest.js';
import type { ResultsDb } from '../db/index.js';
import { documentPayload } from '../db/rows.js';
import { parseCsvRecords, toCsv } from '../export/csv.js';
import { factsParquet } from '../export/parquet.js';
import { BOM } from '../export/write-outputs.js';
import { documentFacts } from '../export/facts.js';
import { sha256 } from '../pipeline.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { VERSION } from '../version.js';
import { displayPath } from './inputs.js';
import { summaryLine, terminalSummary } from './summary-line.js';
import { DEFAULT_DOWNLOAD_TIMEOUT_S, DEFAULT_MAX_DOWNLOAD_MB, download, readList, readStdin, resolveSources, sourceStems, spoolDir } from './sources.js';
import { isExtractionError } from '../errors.js';
import { FilePool } from './pool.js';
import { makeProgress, type ProgressMode, type RunTotals } from './progress.js';
import { emptyResult, type FileResult, type FileTask } from './task.js';

export interface RunOptions {
  out: string;
  password?: string;
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
  /** a file listing one input a line (`-`: the list on standard input) */
  from?: string;
  /** per-URL download limits */
  maxDownloadMb?: number | string;
  downloadTimeout?: number | string;
  /** CSVs with a UTF-8 byte-order mark, for Excel and WPS */
  excelCsv?: boolean;
  /** false (--no-xlsx): no document.xlsx */
  xlsx?: boolean;
}

/** Exit codes: 0 all read (partial too); 1 some input failed; 2 usage; 3 --strict and an error finding. */
export const EXIT = { ok: 0, failed: 1, usage: 2, findings: 3, internal: 70 } as const;

/** What each exit code means: the one list that `--help` prints and docs/batch.md repeats. */
export const EXIT_MEANING: Record<(typeof EXIT)[keyof typeof EXIT], string> = {
  0: 'every input read (ok, partial or skipped as unchanged)',
  1: 'some input failed (unreadable, empty, unknown format, not a PDF, encrypted, corrupt, no text layer, download, timeout), or matched no file; the others were done',
  2: 'usage: no inputs, a bad option or value, an unreadable --from list',
  3: 'with --strict: no input failed, but some document has an error finding',
  70: 'yusuan itself failed (a bug: please report it with the message)',
};

export const DEFAULT_TIMEOUT_S = 120;
export const MANIFEST = 'manifest.jsonl';
export const DEFAULT_DB = 'yusuan.sqlite';

const RESERVED = new Set([MANIFEST, 'facts.csv', 'facts.parquet', DEFAULT_DB, `${DEFAULT_DB}-wal`, `${DEFAULT_DB}-shm`]);

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

/** The document of a skipped input, read back from its (trusted) outputs, as database rows. */
async function payloadFromOutputs(task: FileTask) {
  const doc = JSON.parse(await readFile(join(task.outDir, 'document.json'), 'utf8')) as Document;
  const checks = JSON.parse(await readFile(join(task.outDir, 'checks.json'), 'utf8')) as Checks;
  return documentPayload(doc, checks, documentFacts(doc), { path: task.absPath, output: task.output });
}

/**
 * <out>/facts.csv: every document's facts.csv of this run (extracted or skipped), in input order;
 * and <out>/facts.parquet, the same rows typed (src/export/parquet.ts).
 */
async function writeRunFacts(out: string, dirs: string[], excelCsv: boolean): Promise<void> {
  const target = join(out, 'facts.csv');
  const tmp = join(out, `.facts.csv.${process.pid}.${Date.now()}.tmp`);
  const ws = createWriteStream(tmp);
  const write = async (s: string) => {
    if (!ws.write(s)) await once(ws, 'drain');
  };
  const bodies: string[] = [];
  try {
    await write(`${excelCsv ? BOM : ''}${await toCsv(FACT_COLUMNS, [])}`);
    for (const d of dirs) {
      const text = await readFile(join(d, 'facts.csv'), 'utf8').catch(() => '');
      const nl = text.indexOf('\n');
      if (nl >= 0 && nl + 1 < text.length) {
        await write(text.slice(nl + 1));
        bodies.push(text.slice(nl + 1));
      }
    }
    ws.end();
    await once(ws, 'finish');
    await rename(tmp, target);
  } catch (e) {
    ws.destroy();
    await rm(tmp, { force: true });
    throw e;
  }
  const records = await parseCsvRecords(`${await toCsv(FACT_COLUMNS, [])}${bodies.join('')}`);
  await writeFileAtomic(join(out, 'facts.parquet'), factsParquet(FACT_COLUMNS, records));
}

export async function runExtract(inputs: string[], opts: RunOptions): Promise<number> {
  let jobs: number;
  let timeoutS: number;
  let maxDownloadMb: number;
  let downloadTimeoutS: number;
  try {
    jobs = positiveInt(opts.jobs, '--jobs', availableParallelism());
    timeoutS = positiveNumber(opts.timeout, '--timeout', DEFAULT_TIMEOUT_S);
    maxDownloadMb = positiveNumber(opts.maxDownloadMb, '--max-download-mb', DEFAULT_MAX_DOWNLOAD_MB);
    downloadTimeoutS = positiveNumber(opts.downloadTimeout, '--download-timeout', DEFAULT_DOWNLOAD_TIMEOUT_S);
    if (opts.from === '-' && inputs.includes('-')) throw new UsageError('standard input cannot be both the list (--from -) and an input (-)');
  } catch (e) {
    console.error(`yusuan: ${(e as Error).message}`);
    return EXIT.usage;
  }
  const progress = makeProgress(opts.progress ?? 'auto', !!opts.quiet);
  let listed: string[] = [];
  if (opts.from) {
    try {
      listed = await readList(opts.from);
    } catch (e) {
      progress.warn(`yusuan: --from ${opts.from}: cannot read the list: ${(e as Error).message}`);
      return EXIT.usage;
    }
  }
  const { sources, missing } = await resolveSources([...inputs, ...listed], new Set([resolve(opts.out)]));
  for (const m of missing) progress.warn(`yusuan: ${m}: matches no file`);
  if (!sources.length) {
    progress.warn('yusuan: no input files (supported: .pdf .txt .md .markdown .html .htm .xlsx .xls .ods .csv .docx, http(s) URLs, - for standard input)');
    return EXIT.usage;
  }
  const files = sources.map((s) => s.path);
  const out = resolve(opts.out);
  await mkdir(out, { recursive: true });
  // an input named like a run-level output (facts.csv.md) must not get a folder of that name
  const stems = sourceStems(sources, RESERVED);
  const spool = sources.some((s) => s.kind !== 'file') ? await spoolDir() : undefined;
  const tasks: FileTask[] = sources.map((s, i) => ({
    path: s.path,
    absPath: s.absPath,
    outDir: join(out, stems[i]),
    output: stems[i],
    ...(s.kind === 'url' ? { url: s.absPath } : {}),
    ...(opts.password ? { password: opts.password } : {}),
    ...(opts.excelCsv ? { excelCsv: true } : {}),
    ...(opts.xlsx === false ? { workbook: false } : {}),
    force: !!opts.force,
  }));
  const stdinTask = tasks.find((_, i) => sources[i].kind === 'stdin');
  if (stdinTask && spool) {
    stdinTask.readFrom = join(spool.dir, 'stdin');
    await writeFile(stdinTask.readFrom, await readStdin());
  }
  const limits = { maxBytes: maxDownloadMb * 1e6, timeoutMs: downloadTimeoutS * 1000 };
  /** Hand an input to the pool, a URL downloaded first: a failed download fails that input only. */
  const runTask = async (i: number): Promise<FileResult> => {
    const task = tasks[i];
    if (task.url && !task.readFrom && spool) {
      const started = performance.now();
      try {
        const dir = join(spool.dir, String(i));
        await mkdir(dir);
        task.readFrom = await download(task.url, sources[i].name, dir, limits);
      } catch (e) {
        const r = emptyResult(task, Math.round(performance.now() - started));
        r.error = isExtractionError(e) ? { reason: e.reason, message: e.message } : { reason: 'download', message: `${task.url}: cannot download: ${(e as Error).message}` };
        return r;
      }
    }
    return pool.run(task);
  };

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
    // each failure is one line, whatever the error said (pdf.js and fetch messages can span lines)
    if (r.error) r.error.message = r.error.message.replace(/\s*[\r\n]+\s*/g, ' ').trim();
    if (r.status === 'failed' && !r.sha256) {
      // timed out or crashed before the worker said: hash here, for the manifest and the database
      try {
        const bytes = await readFile(task.readFrom ?? task.absPath);
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
    progress.line(summaryLine(r), terminalSummary(r));
  };

  const pool = new FilePool({ jobs: Math.min(jobs, tasks.length), timeoutMs: timeoutS * 1000 });
  let next = 0;
  // One lane per worker. A lane hands its worker the next input *before* storing the result it
  // just got: the database writes and the manifest line (this thread's work) then overlap the
  // worker's next file instead of leaving the worker idle. At most `jobs` inputs are ever in
  // flight, so each input's --timeout clock still starts when its worker starts it.
  const lane = async () => {
    let i = next++;
    let running = runTask(i);
    for (;;) {
      const r = await running;
      const j = next < tasks.length ? next++ : -1;
      if (j >= 0) running = runTask(j);
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
    await spool?.remove();
  }

  const done = results.filter((r): r is FileResult => !!r);
  await writeFileAtomic(manifestPath, done.map((r) => `${JSON.stringify(manifestEntry(r))}\n`).join(''));
  await writeRunFacts(out, tasks.filter((_, i) => results[i] && results[i].status !== 'failed').map((t) => t.outDir), !!opts.excelCsv);
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
