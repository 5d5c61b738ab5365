/**
 * The work for one input, the same whether it runs in a pool worker or in-process: read and hash
 * the bytes; skip when the output folder is complete for this hash and version; else extract,
 * validate and write every output atomically, the completion marker last.
 */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Document } from '../../schemas/document.js';
import type { Checks, Finding } from '../../schemas/findings.js';
import type { FindingCounts, ManifestStatus } from '../../schemas/manifest.js';
import { documentPayload, type DbPayload } from '../db/rows.js';
import { isExtractionError, type FailureReason } from '../errors.js';
import { toCsv } from '../export/csv.js';
import { writeDocumentOutputs } from '../export/write-outputs.js';
import { extract, readInput } from '../pipeline.js';
import * as validate from '../validate/index.js';
import { VERSION } from '../version.js';
import { MARKER, trustedMarker, writeMarker } from './marker.js';

export interface FileTask {
  /** the input as listed (shown and stored in the manifest) */
  path: string;
  /** absolute path of the input */
  absPath: string;
  /** the output folder of this input */
  outDir: string;
  /** the output folder relative to --out */
  output: string;
  password?: string;
  force?: boolean;
  /** return the database rows of an extracted document */
  wantRows?: boolean;
}

export interface FileResult {
  path: string;
  output: string;
  sha256?: string;
  bytes?: number;
  status: ManifestStatus;
  documentStatus?: 'success' | 'partial' | 'failure';
  pages: number;
  tables: number;
  facts: number;
  projects: number;
  diagnostics: { warning: number; error: number };
  findings: FindingCounts;
  durationMs: number;
  error?: { reason: FailureReason; message: string; stack?: string };
  rows?: DbPayload;
  /** memory of the thread that did the work, after it (bytes) */
  mem?: { rss: number; heapUsed: number; maxRss: number; threadId: number };
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

export const FINDING_COLUMNS = [
  'document', 'rule', 'severity', 'message_zh', 'message_en', 'table_id', 'table', 'page', 'row', 'item', 'code', 'column',
  'expected', 'found', 'difference',
];

/** findings.csv: the validator's own writer when it has one, else these columns. */
export async function findingsCsv(checks: Checks): Promise<string> {
  const own = (validate as unknown as Record<string, unknown>).findingsCsv;
  if (typeof own === 'function') return String(await (own as (c: Checks) => string | Promise<string>)(checks));
  const row = (f: Finding) => [
    checks.document, f.rule, f.severity, f.message.zh, f.message.en, f.where.tableId, f.where.table, f.where.page, f.where.row,
    f.where.item, f.where.code, f.where.column, f.expected, f.found, f.difference,
  ].map((v) => (v === undefined ? '' : String(v)));
  return toCsv(FINDING_COLUMNS, checks.findings.map(row));
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
  };
}

/** Process one input. Never throws: a failure is a result with status failed and a reason. */
export async function processFile(task: FileTask): Promise<FileResult> {
  const started = performance.now();
  const res = emptyResult(task);
  try {
    const src = await readInput(task.absPath);
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
        });
        return res;
      }
    }
    const doc = await extract({ bytes: src.bytes, name: src.name, path: task.path });
    const checks = validate.validateDocument(doc);
    // the folder is rewritten from scratch: first it stops being trusted (marker gone), then any
    // file of an earlier run (or temp file of a killed one) goes, then the outputs, marker last
    await rm(join(task.outDir, MARKER), { force: true });
    await rm(task.outDir, { recursive: true, force: true });
    const { facts } = await writeDocumentOutputs(doc, task.outDir, {
      'checks.json': `${JSON.stringify(checks, null, 1)}\n`,
      'findings.csv': await findingsCsv(checks),
    });
    const c = counts(doc, checks, facts.length);
    await writeMarker(task.outDir, { sha256: src.sha256, yusuan: VERSION, source: task.path, documentStatus: doc.status, ...c });
    Object.assign(res, c, {
      status: doc.status === 'success' ? 'ok' : doc.status === 'partial' ? 'partial' : 'failed',
      documentStatus: doc.status,
    });
    if (doc.status === 'failure') res.error = { reason: 'internal', message: `${task.path}: the conversion failed` };
    if (task.wantRows) res.rows = documentPayload(doc, checks, facts, { path: task.absPath, output: task.output });
  } catch (e) {
    res.status = 'failed';
    if (isExtractionError(e)) res.error = { reason: e.reason, message: e.message };
    else {
      const err = e as Error;
      res.error = { reason: 'internal', message: `${task.path}: internal error: ${err?.message ?? String(e)}`, stack: err?.stack };
    }
  } finally {
    res.durationMs = Math.round(performance.now() - started);
  }
  return res;
}
