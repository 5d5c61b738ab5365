/**
 * The work for one input, the same whether it runs in a pool worker or in-process: read and hash
 * the bytes; skip when the output folder is complete for this hash and version; else extract,
 * validate and write every output atomically, the completion marker last.
 */
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { ConversionStatus, Document } from '../../schemas/document.js';
import type { Checks } from '../../schemas/findings.js';
import type { FindingCounts, ManifestStatus } from '../../schemas/manifest.js';
import type { YearDoc } from '../dataset/across-years.js';
import { yearDocOf } from '../dataset/run-across-years.js';
import { documentPayload, type DbPayload } from '../db/rows.js';
import type { DocumentCounts } from './marker.js';
import { isExtractionError, type FailureReason } from '../core/errors.js';
import { writeDocumentOutputs } from '../export/write-outputs.js';
import { noTimings, type OcrMode, type PdfTimings } from '../../extractors/source-input.js';
import { extractRead, readInput } from '../pipeline.js';
import { summaryLine, validateDocument } from '../validate/index.js';
import { VERSION } from '../version.js';
import { displayPath } from './inputs.js';
import { MARKER, trustedMarker, writeMarker } from './marker.js';
import { outputFailure } from './output-check.js';
import { isAllocationFailure, outOfMemoryDetail } from '../core/memory.js';
import type { TableSettings } from '../core/table-settings.js';

export interface FileTask {
  /** the input as listed (shown and stored in the manifest) */
  path: string;
  /** absolute path of the input */
  absPath: string;
  /** the output folder of this input */
  outDir: string;
  /** the output folder relative to --out */
  output: string;
  /** the file holding the bytes when absPath is not one: a downloaded URL, standard input */
  readFrom?: string;
  /** the input is this URL, downloaded before it is handed to a worker */
  url?: string;
  /** CSVs with a UTF-8 byte-order mark (--excel-csv) */
  excelCsv?: boolean;
  /** false: no document.xlsx (--no-xlsx) */
  workbook?: boolean;
  password?: string;
  /** OCR mode when not the default (auto) */
  ocr?: OcrMode;
  force?: boolean;
  /** files that extend the organisation alias table (--org-aliases) */
  orgAliases?: string[];
  /** table areas, column edges and layout settings (--table-settings), read and checked once by the run */
  tableSettings?: TableSettings;
  /** return the database rows of an extracted document */
  wantRows?: boolean;
}

export interface FileResult extends DocumentCounts {
  path: string;
  output: string;
  sha256?: string;
  bytes?: number;
  status: ManifestStatus;
  documentStatus?: ConversionStatus;
  durationMs: number;
  error?: { reason: FailureReason; message: string; stack?: string };
  rows?: DbPayload;
  /** what the check across years needs of the document (identity, headlines, narrative figures) */
  yearDoc?: YearDoc;
  /** where the time went (ms): reading and interpreting, of it inside pdf.js; validating; writing */
  timings?: FileTimings;
  /** memory of the worker process that did the work, after it (bytes); threadId is its process id */
  mem?: { rss: number; heapUsed: number; maxRss: number; threadId: number };
  /** CPU time the worker process spent on this input (ms) */
  cpuMs?: number;
}

export interface FileTimings {
  extractMs: number;
  validateMs: number;
  writeMs: number;
  /** PDFs only: the part of extractMs spent waiting on pdf.js */
  pdfjs?: PdfTimings;
}

const NO_FINDINGS: FindingCounts = { error: 0, warning: 0, info: 0 };

export function emptyResult(task: Pick<FileTask, 'path' | 'output'>, durationMs = 0): FileResult {
  return {
    path: task.path,
    output: task.output,
    status: 'failed',
    pages: 0,
    tables: 0,
    facts: 0,
    projects: 0,
    diagnostics: { warning: 0, error: 0 },
    findings: { ...NO_FINDINGS },
    durationMs,
  };
}

function counts(doc: Document, checks: Checks, facts: number) {
  return {
    pages: doc.source.pages ?? 0,
    tables: doc.tables.length,
    facts,
    projects: doc.projects.length,
    diagnostics: {
      warning: doc.diagnostics.filter((d) => d.severity === 'warning').length,
      error: doc.diagnostics.filter((d) => d.severity === 'error').length,
    },
    findings: { error: checks.summary.error, warning: checks.summary.warning, info: checks.summary.info },
    checksLine: summaryLine(checks),
  };
}

/** The files yusuan writes in an output folder; only these (and its temp files) are ever deleted. */
const OUTPUT_FILES = new Set(['document.json', 'document.xlsx', 'facts.csv', 'headlines.csv', 'projects.csv', 'checks.json', 'findings.csv', 'tables']);

export async function clearOutputs(dir: string): Promise<void> {
  // synchronous, like the writes (src/util/atomic-write.ts): a handful of small deletions
  rmSync(join(dir, MARKER), { force: true });
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const n of names) {
    if (OUTPUT_FILES.has(n) || (n.startsWith('.') && n.endsWith('.tmp'))) rmSync(join(dir, n), { recursive: true, force: true });
  }
}

/** The manifest status of an extracted document. */
const MANIFEST_STATUS: Record<ConversionStatus, ManifestStatus> = { success: 'ok', partial: 'partial', 'no-content': 'no-content' };

const round1 = (ms: number) => Math.round(ms * 10) / 10;

/** Process one input. Never throws: a failure is a result with status failed and a reason. */
/** What a worker hears while an input runs: each PDF page as it is done, and whether OCR read it. */
export type PageProgress = (page: number, pages: number, ocr: boolean) => void;

export async function processFile(task: FileTask, onPage?: PageProgress): Promise<FileResult> {
  const started = performance.now();
  const res = emptyResult(task);
  try {
    const src = await readInput(task.readFrom ?? task.absPath);
    res.sha256 = src.sha256;
    res.bytes = src.bytes.length;
    if (!task.force) {
      const m = await trustedMarker(task.outDir, src.sha256, VERSION);
      if (m) {
        Object.assign(res, {
          status: 'skipped',
          documentStatus: m.documentStatus,
          pages: m.pages,
          tables: m.tables,
          facts: m.facts,
          projects: m.projects,
          diagnostics: m.diagnostics,
          findings: m.findings,
          ...(m.checksLine ? { checksLine: m.checksLine } : {}),
        });
        return res;
      }
    }
    const pdfjs = noTimings();
    const t0 = performance.now();
    const doc = await extractRead({ ...src, path: task.path }, { timings: pdfjs, ...(task.password ? { password: task.password } : {}), ...(task.orgAliases ? { orgAliases: task.orgAliases } : {}), ...task.tableSettings, ...(task.ocr ? { ocr: task.ocr } : {}), ...(onPage ? { onPage } : {}) });
    const t1 = performance.now();
    const checks = validateDocument(doc);
    const t2 = performance.now();
    // the folder is rewritten: first it stops being trusted (marker gone), then the files of an
    // earlier run (and temp files of a killed one) go, then the outputs, the marker last
    await clearOutputs(task.outDir);
    const { facts } = await writeDocumentOutputs(doc, task.outDir, { checks, ...(task.excelCsv ? { excelCsv: true } : {}), ...(task.workbook === false ? { workbook: false } : {}) });
    res.timings = {
      extractMs: round1(t1 - t0),
      validateMs: round1(t2 - t1),
      writeMs: round1(performance.now() - t2),
      ...(doc.source.format === 'pdf' ? { pdfjs: { openMs: round1(pdfjs.openMs), textMs: round1(pdfjs.textMs), operatorsMs: round1(pdfjs.operatorsMs) } } : {}),
    };
    const c = counts(doc, checks, facts.length);
    Object.assign(res, c, { documentStatus: doc.status });
    await writeMarker(task.outDir, { sha256: src.sha256, yusuan: VERSION, source: task.path, documentStatus: doc.status, ...c });
    res.status = MANIFEST_STATUS[doc.status];
    res.yearDoc = yearDocOf(doc);
    if (task.wantRows) res.rows = documentPayload(doc, checks, facts, { path: task.absPath, output: task.output });
  } catch (e) {
    res.status = 'failed';
    if (isExtractionError(e)) res.error = { reason: e.reason, message: e.message };
    else if (outputFailure(e)) {
      res.error = { reason: 'output', message: `${displayPath(task.outDir)}: cannot write the output: ${outputFailure(e)}` };
    } else if (isAllocationFailure(e)) {
      res.error = { reason: 'too-large', message: `${task.path}: ${outOfMemoryDetail()}` };
    } else {
      const err = e as Error;
      res.error = { reason: 'internal', message: `${task.path}: internal error: ${err?.message ?? String(e)}`, stack: err?.stack };
    }
  } finally {
    res.durationMs = Math.round(performance.now() - started);
  }
  return res;
}
