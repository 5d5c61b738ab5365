/**
 * A run over many inputs (docs/batch.md): a pool of workers extracts, validates and writes each
 * input; the main thread is the one writer of the manifest, the database and the run's facts.csv.
 * Re-runs skip inputs whose outputs are complete for the same bytes and version (./marker.ts).
 */
import { closeSync, fstatSync, ftruncateSync, openSync, writeSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { FACT_COLUMNS, type Document } from '../../schemas/document.js';
import type { Checks } from '../../schemas/findings.js';
import type { ManifestEntry } from '../../schemas/manifest.js';
import type { ResultsDb } from '../db/index.js';
import { documentPayload } from '../db/rows.js';
import { documentFacts } from '../export/facts.js';
import { factsParquet } from '../export/parquet.js';
import { BOM } from '../export/write-outputs.js';
import { isExtractionError } from '../core/errors.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { HEADLINE_COLUMNS } from '../export/headlines.js';
import { checkRunAcrossYears } from '../dataset/run-across-years.js';
import { loadOrgAliases } from '../interpret/org-names.js';
import { sha256 } from '../pipeline.js';
import { VERSION } from '../version.js';
import { displayPath } from './inputs.js';
import { checkOutput, OutputError, outputFailure } from './output-check.js';
import { assignOutputFolders } from './output-folders.js';
import { DEFAULT_MAX_MEMORY_MB, FilePool } from './pool.js';
import { makeProgress, type Progress, type ProgressMode, type RunTotals } from './progress.js';
import { keptEntries, MANIFEST, readManifest, removeRunTempFiles, writeManifest, writeRunCsv } from './run-files.js';
import { LockedError, lockOutput } from './run-lock.js';
import { DEFAULT_DOWNLOAD_TIMEOUT_S, DEFAULT_MAX_DOWNLOAD_MB, download, readList, readStdin, resolveSources, spoolDir, type DownloadLimits, type Source } from './sources.js';
import { summaryLine, terminalSummary } from './summary-line.js';
import { emptyResult, type FileResult, type FileTask } from './task.js';
import type { OcrMode } from '../../extractors/source-input.js';
import { readTableSettings, type TableSettings } from '../core/table-settings.js';

export interface RunOptions {
  out: string;
  password?: string;
  /** OCR of page images: auto (pages without text), off, force (every page) */
  ocr?: OcrMode;
  quiet?: boolean;
  strict?: boolean;
  /** worker processes (default: the number of cores) */
  jobs?: number | string;
  /** per-file limit in seconds (default 120) */
  timeout?: number | string;
  /** memory ceiling per worker in MB, everything it allocates (default 1024) */
  maxMemory?: number | string;
  progress?: ProgressMode;
  /** redo every input, even those with complete outputs */
  force?: boolean;
  /** a CSV (alias,org) extending the organisation alias table (data/org-aliases.csv) */
  orgAliases?: string;
  /** a JSON or YAML file of table areas, column edges and layout settings (src/core/table-settings.ts) */
  tableSettings?: string;
  /** database file; default <out>/yusuan.sqlite; false: none (--no-db) */
  db?: string | boolean;
  /** a file listing one input a line (`-`: the list on standard input) */
  from?: string;
  /** seconds added to --timeout for each page read by OCR (default 60) */
  ocrPageTimeout?: number | string;
  /** per-URL download limits */
  maxDownloadMb?: number | string;
  downloadTimeout?: number | string;
  /** CSVs with a UTF-8 byte-order mark, for Excel and WPS */
  excelCsv?: boolean;
  /** false (--no-xlsx): no document.xlsx */
  xlsx?: boolean;
}

/** Exit codes: what each means is EXIT_MEANING, the one list `--help` prints and docs/batch.md repeats. */
export const EXIT = { ok: 0, failed: 1, usage: 2, findings: 3, noContent: 4, output: 5, locked: 6, internal: 70 } as const;

export const EXIT_MEANING: Record<(typeof EXIT)[keyof typeof EXIT], string> = {
  0: 'every input read (ok, partial or skipped as unchanged)',
  1: 'some input failed (unreadable, empty, unknown format, not a PDF, encrypted, corrupt, no text layer, too large, download, timeout), or matched no file; the others were done',
  2: 'usage: no inputs, a bad option or value, an unreadable --from list',
  3: 'with --strict: no input failed, but some document has an error finding',
  4: 'no input failed, but some input has no budget content (a saved error page, an unrelated file)',
  5: 'the output cannot be written (disk full, unwritable, an odd path); the next run resumes',
  6: 'another run holds the output folder (its lock names it)',
  70: 'yusuan itself failed (a bug: please report it with the message)',
};

export const DEFAULT_TIMEOUT_S = 120;
/** A page read by OCR takes seconds (render, detect, recognise): each adds this to the input's limit. */
export const DEFAULT_OCR_PAGE_TIMEOUT_S = 60;
export const DEFAULT_DB = 'yusuan.sqlite';
export { MANIFEST };

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

/** An alias file that cannot be read is a usage error, said once, not a failure of every input. */
function loadOrgAliasesOrUsage(file: string): void {
  try {
    loadOrgAliases([resolve(file)]);
  } catch (e) {
    throw new UsageError(`--org-aliases ${file}: ${(e as Error).message}`);
  }
}

/** A table settings file that cannot be read or is not valid is a usage error, said once in one line. */
function tableSettingsOrUsage(file: string): TableSettings {
  try {
    return readTableSettings(file);
  } catch (e) {
    throw new UsageError(`--table-settings ${(e as Error).message}`);
  }
}

export async function runExtract(inputs: string[], opts: RunOptions): Promise<number> {
  let jobs: number;
  let timeoutS: number;
  let maxMemoryMb: number;
  let maxDownloadMb: number;
  let downloadTimeoutS: number;
  let ocrPageS: number;
  // read and checked once, before the run: every task carries the parsed settings
  let tableSettings: TableSettings | undefined;
  try {
    ocrPageS = positiveNumber(opts.ocrPageTimeout, '--ocr-page-timeout', DEFAULT_OCR_PAGE_TIMEOUT_S);
    maxMemoryMb = positiveInt(opts.maxMemory, '--max-memory', DEFAULT_MAX_MEMORY_MB);
    jobs = positiveInt(opts.jobs, '--jobs', availableParallelism());
    timeoutS = positiveNumber(opts.timeout, '--timeout', DEFAULT_TIMEOUT_S);
    maxDownloadMb = positiveNumber(opts.maxDownloadMb, '--max-download-mb', DEFAULT_MAX_DOWNLOAD_MB);
    downloadTimeoutS = positiveNumber(opts.downloadTimeout, '--download-timeout', DEFAULT_DOWNLOAD_TIMEOUT_S);
    if (opts.from === '-' && inputs.includes('-')) throw new UsageError('standard input cannot be both the list (--from -) and an input (-)');
    if (opts.orgAliases) loadOrgAliasesOrUsage(opts.orgAliases);
    if (opts.tableSettings) tableSettings = tableSettingsOrUsage(opts.tableSettings);
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
  // the output folder: usable, and ours alone, before any work starts
  let out: string;
  let unlock: () => void;
  try {
    out = checkOutput(opts.out);
    unlock = lockOutput(out, (m) => progress.warn(m));
  } catch (e) {
    if (e instanceof LockedError) {
      progress.warn(`yusuan: ${e.message}`);
      return EXIT.locked;
    }
    progress.warn(`yusuan: ${e instanceof OutputError ? e.message : `${opts.out}: cannot write the output: ${outputFailure(e) ?? (e as Error).message}`}`);
    return EXIT.output;
  }
  try {
    return await runLocked(sources, missing, out, opts, tableSettings, { jobs, timeoutS, maxMemoryMb, ocrPageS, download: { maxBytes: maxDownloadMb * 1e6, timeoutMs: downloadTimeoutS * 1000, flags: { size: '--max-download-mb', time: '--download-timeout' } } }, progress);
  } finally {
    unlock();
  }
}

async function runLocked(
  sources: Source[],
  missing: string[],
  out: string,
  opts: RunOptions,
  /** --table-settings, read and checked before the run */
  tableSettings: TableSettings | undefined,
  limits: { jobs: number; timeoutS: number; maxMemoryMb: number; ocrPageS: number; download: DownloadLimits },
  progress: Progress,
): Promise<number> {
  const { jobs, timeoutS, maxMemoryMb } = limits;
  const files = sources.map((s) => s.path);
  /** the first failure to write the output: the run stops handing out inputs and exits 5 */
  let outputProblem: string | undefined;
  const outputFailed = (path: string, e: unknown): boolean => {
    const why = outputFailure(e);
    if (why === undefined) return false;
    outputProblem ??= `${displayPath(path)}: cannot write the output: ${why}`;
    return true;
  };

  // what earlier runs left: their manifest (a torn last line dropped), their temp files
  removeRunTempFiles(out);
  const earlier = await readManifest(out);
  if (earlier.dropped) progress.warn(`yusuan: ${displayPath(join(out, MANIFEST))}: ${earlier.dropped} torn line(s) of an interrupted run dropped`);

  let folders: string[];
  let db: ResultsDb | undefined;
  let manifestFd: number;
  let manifestSize = 0;
  const manifestPath = join(out, MANIFEST);
  try {
    folders = assignOutputFolders(out, sources.map((s) => ({ id: s.absPath, name: s.name })));
    // repaired before anything is appended, so a crash now leaves whole lines only
    if (earlier.dropped) await writeManifest(out, earlier.entries);
    manifestFd = openSync(manifestPath, 'a');
    manifestSize = fstatSync(manifestFd).size;
    if (opts.db !== false) {
      const file = typeof opts.db === 'string' ? resolve(opts.db) : join(out, DEFAULT_DB);
      const { ResultsDb } = await import('../db/index.js');
      try {
        db = new ResultsDb(file);
      } catch (e) {
        if (outputFailed(file, e)) throw e;
        throw Object.assign(new Error(`${file}: cannot open the database: ${(e as Error).message}`), { code: 'SQLITE_CANTOPEN' });
      }
    }
  } catch (e) {
    progress.warn(`yusuan: ${outputProblem ?? `${displayPath(out)}: cannot write the output: ${outputFailure(e) ?? (e as Error).message}`}`);
    return EXIT.output;
  }
  const tasks: FileTask[] = sources.map((s, i) => ({
    path: s.path,
    absPath: s.absPath,
    outDir: join(out, folders[i]),
    output: folders[i],
    ...(s.kind === 'url' ? { url: s.absPath } : {}),
    ...(opts.password ? { password: opts.password } : {}),
    ...(opts.excelCsv ? { excelCsv: true } : {}),
    ...(opts.xlsx === false ? { workbook: false } : {}),
    ...(opts.orgAliases ? { orgAliases: [resolve(opts.orgAliases)] } : {}),
    ...(tableSettings ? { tableSettings } : {}),
    ...(opts.ocr && opts.ocr !== 'auto' ? { ocr: opts.ocr } : {}),
    force: !!opts.force,
    ...(db ? { wantRows: true } : {}),
  }));

  // URLs and standard input are read into a spool folder first (removed at the end)
  const spool = sources.some((s) => s.kind !== 'file') ? await spoolDir() : undefined;
  const stdinTask = tasks.find((_, i) => sources[i].kind === 'stdin');
  if (stdinTask && spool) {
    stdinTask.readFrom = join(spool.dir, 'stdin');
    await writeFile(stdinTask.readFrom, await readStdin());
  }
  /** Hand an input to the pool, a URL downloaded first: a failed download fails that input only. */
  const runTask = async (i: number): Promise<FileResult> => {
    const task = tasks[i];
    if (task.url && !task.readFrom && spool) {
      const started = performance.now();
      try {
        const dir = join(spool.dir, String(i));
        await mkdir(dir);
        task.readFrom = await download(task.url, sources[i].name, dir, limits.download);
      } catch (e) {
        const r = emptyResult(task, Math.round(performance.now() - started));
        r.error = isExtractionError(e) ? { reason: e.reason, message: e.message } : { reason: 'download', message: `${task.url}: cannot download: ${(e as Error).message}` };
        return r;
      }
    }
    return pool.run(task);
  };

  const results: (FileResult | undefined)[] = new Array(files.length);
  const totals: RunTotals = { total: files.length, done: 0, ok: 0, partial: 0, noContent: 0, skipped: 0, failed: 0, pages: 0, elapsedMs: 0 };
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  progress.start(files.length, { jobs, timeoutSec: timeoutS, maxMemoryMb, out, force: !!opts.force, yusuan: VERSION });

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
    if (r.error?.reason === 'output') outputProblem ??= r.error.message;
    if (db) {
      try {
        if (r.rows) db.upsert(r.rows);
        else if (r.status === 'skipped' && r.sha256 && !db.has(r.sha256, VERSION)) db.upsert(await payloadFromOutputs(task));
        else if (r.status === 'failed' && r.sha256) db.forgetStale(task.absPath, r.sha256);
      } catch (e) {
        if (!outputFailed(db.file, e)) progress.warn(`yusuan: ${displayPath(task.path)}: could not store in the database: ${(e as Error).message}`);
      }
      delete r.rows;
    }
    results[i] = r;
    try {
      const line = Buffer.from(`${JSON.stringify(manifestEntry(r))}\n`);
      if (writeSync(manifestFd, line) !== line.length) throw Object.assign(new Error('short write'), { code: 'ENOSPC' });
      manifestSize += line.length;
    } catch (e) {
      // a line written in part is cut off again: the manifest holds whole lines only
      try {
        ftruncateSync(manifestFd, manifestSize);
      } catch {
        /* the next run drops a torn line */
      }
      if (!outputFailed(manifestPath, e)) throw e;
    }
    totals.done++;
    if (r.status === 'no-content') totals.noContent++;
    else totals[r.status]++;
    if (r.status === 'skipped' && r.documentStatus === 'no-content') totals.noContent++;
    if (r.status !== 'skipped') totals.pages += r.pages;
    totals.elapsedMs = Math.round(performance.now() - t0);
    progress.file(r, totals);
    if (r.status === 'failed') progress.warn(`yusuan: ${r.error?.message ?? displayPath(r.path)} [${r.error?.reason ?? 'internal'}]`);
    progress.line(summaryLine(r), terminalSummary(r));
  };

  const pool = new FilePool({
    jobs: Math.min(jobs, tasks.length),
    timeoutMs: timeoutS * 1000,
    maxMemoryMb,
    ocrPageMs: limits.ocrPageS * 1000,
    onOcrPage: (task, page, pages) => progress.ocrPage?.(task.path, page, pages),
  });
  let next = 0;
  // One lane per worker. A lane hands its worker the next input *before* storing the result it
  // just got: the database writes and the manifest line (this thread's work) then overlap the
  // worker's next file instead of leaving the worker idle. At most `jobs` inputs are ever in
  // flight, so each input's --timeout clock still starts when its worker starts it. Once the
  // output cannot be written, no new input is started: the next run resumes where this one stopped.
  const lane = async () => {
    let i = next++;
    let running = runTask(i);
    for (;;) {
      const r = await running;
      const j = next < tasks.length && !outputProblem ? next++ : -1;
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
    await spool?.remove();
    try {
      db?.close();
    } catch (e) {
      outputFailed(db!.file, e);
    }
  }

  const done = results.filter((r): r is FileResult => !!r);
  const thisRun = done.map(manifestEntry);
  const all = [...keptEntries(out, earlier.entries, thisRun), ...thisRun];
  try {
    await writeManifest(out, all);
    const bom = opts.excelCsv ? BOM : '';
    // facts.parquet: the rows of the run's facts.csv, handed over as they are gathered, typed (src/export/parquet.ts)
    const facts: Record<string, string>[] = [];
    await writeRunCsv(out, 'facts.csv', FACT_COLUMNS, all, bom, facts);
    await writeRunCsv(out, 'headlines.csv', HEADLINE_COLUMNS, all, bom);
    await writeFileAtomic(join(out, 'facts.parquet'), factsParquet(FACT_COLUMNS, facts));
  } catch (e) {
    if (!outputFailed(out, e)) throw e;
  }
  // the check across years: every document the folder holds, this run's from memory
  const yearDocs = new Map(tasks.map((t, i) => [t.output, results[i]?.yearDoc]));
  try {
    const docs = all.filter((e) => e.status !== 'failed' && e.output !== undefined).map((e) => ({ dir: join(out, e.output!), ...(yearDocs.get(e.output!) ? { doc: yearDocs.get(e.output!)! } : {}) }));
    await checkRunAcrossYears(out, docs, opts.db === false ? undefined : typeof opts.db === 'string' ? resolve(opts.db) : join(out, DEFAULT_DB));
  } catch (e) {
    progress.warn(`yusuan: the check across years failed: ${(e as Error).message}`);
  }
  totals.elapsedMs = Math.round(performance.now() - t0);
  const withErrors = done.filter((r) => r.status !== 'failed' && r.findings.error > 0).length;
  const failed = totals.failed + missing.length;
  const notRun = tasks.length - done.length;
  const code = outputProblem ? EXIT.output : failed ? EXIT.failed : totals.noContent ? EXIT.noContent : opts.strict && withErrors ? EXIT.findings : EXIT.ok;
  // CPU time of the run: this process and every worker process's time on its inputs
  const cpu = process.cpuUsage(cpu0);
  const cpuMs = Math.round((cpu.user + cpu.system) / 1000) + done.reduce((n, r) => n + (r.cpuMs ?? 0), 0);
  progress.end(totals, { missing: missing.length, notRun, withErrorFindings: withErrors, manifest: manifestPath, db: db?.file ?? null, exit: code, cpuMs, maxMemoryMb, peakWorkerRss: pool.peakRss });
  if (outputProblem) progress.warn(`yusuan: ${outputProblem}; stopped with ${notRun} input${notRun === 1 ? '' : 's'} not started (the next run resumes)`);
  const sec = totals.elapsedMs / 1000;
  progress.warn(
    `yusuan: ${files.length} input${files.length === 1 ? '' : 's'} in ${sec.toFixed(1)} s: ${totals.ok} ok, ${totals.partial} partial, ${totals.noContent ? `${totals.noContent} without budget content, ` : ''}${totals.skipped} skipped (unchanged), ${failed} failed` +
      `${notRun ? `, ${notRun} not started` : ''}${withErrors ? `; ${withErrors} with error findings` : ''}; manifest ${displayPath(manifestPath)}${db ? `, database ${displayPath(db.file)}` : ''}`,
  );
  return code;
}
