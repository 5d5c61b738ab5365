/**
 * The check across years over a run (./across-years.ts): the run's documents, read back from their
 * outputs, against each other and against the documents the database already holds. Findings go
 * to <out>/across-years.csv and, when there is a database, to its findings table under the later
 * document (rule across.change), replacing that document's earlier ones.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Document } from '../../schemas/document.js';
import type { Finding } from '../../schemas/findings.js';
import { toCsv } from '../export/csv.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { checkAcrossYears, previousYear, type YearDoc } from './across-years.js';

export const ACROSS_YEARS_CSV = 'across-years.csv';
export const ACROSS_YEARS_COLUMNS = [
  'document', 'org', 'year', 'doc_kind', 'previous_document', 'rule', 'severity', 'page', 'expected', 'found', 'difference', 'message_zh', 'message_en', 'sentence',
];

/** What the check needs of a document: identity, headline figures, narrative figures (small; crosses from the worker). */
export function yearDocOf(doc: Document): YearDoc {
  const id = doc.identity;
  return {
    name: doc.source.name,
    sha256: doc.source.sha256,
    ...(id?.org ? { org: id.org } : {}),
    ...(id?.year ?? doc.year ? { year: id?.year ?? doc.year } : {}),
    ...(id?.doc_kind ?? doc.docKind ? { doc_kind: id?.doc_kind ?? doc.docKind } : {}),
    headlines: doc.headlines ?? [],
    narrative: doc.narrative,
  };
}

/** The documents a database holds (identity and headline figures only). */
async function databaseDocs(file: string): Promise<YearDoc[]> {
  const { default: Database } = await import('better-sqlite3');
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const rows = db
      .prepare(`SELECT d.sha256, d.name, d.org, d.year, d.doc_kind, h.figure, h.basis, h.value_yuan FROM documents d LEFT JOIN headlines h ON h.document = d.sha256 WHERE d.org IS NOT NULL`)
      .all() as { sha256: string; name: string; org: string; year: number | null; doc_kind: string | null; figure: string | null; basis: string | null; value_yuan: string | null }[];
    const docs = new Map<string, YearDoc>();
    for (const r of rows) {
      if (!docs.has(r.sha256)) docs.set(r.sha256, { name: r.name, sha256: r.sha256, org: r.org, ...(r.year ? { year: r.year } : {}), ...(r.doc_kind ? { doc_kind: r.doc_kind } : {}), headlines: [], narrative: [] });
      if (r.figure && r.value_yuan) docs.get(r.sha256)!.headlines.push({ figure: r.figure, basis: r.basis, value_yuan: r.value_yuan });
    }
    return [...docs.values()];
  } finally {
    db.close();
  }
}

async function storeFindings(file: string, found: Map<string, Finding[]>, checked: string[]): Promise<void> {
  const { default: Database } = await import('better-sqlite3');
  const db = new Database(file, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 10000');
    const known = db.prepare('SELECT 1 FROM documents WHERE sha256 = ?');
    const clear = db.prepare(`DELETE FROM findings WHERE document = ? AND rule LIKE 'across.%'`);
    const next = db.prepare('SELECT COALESCE(MAX(seq), 0) AS seq FROM findings WHERE document = ?');
    const put = db.prepare(
      `INSERT INTO findings (document, seq, rule, severity, message_zh, message_en, page, sentence, expected, found, difference) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    db.transaction(() => {
      for (const sha of checked) {
        if (!known.get(sha)) continue;
        clear.run(sha);
        let seq = (next.get(sha) as { seq: number }).seq;
        for (const f of found.get(sha) ?? []) {
          put.run(sha, ++seq, f.rule, f.severity, f.message.zh, f.message.en, f.where.page ?? null, f.where.sentence ?? null, f.expected ?? null, f.found ?? null, f.difference ?? null);
        }
      }
    })();
  } finally {
    db.close();
  }
}

/**
 * Check the run's documents across years: each given as the worker made it, or else (an input
 * skipped as unchanged) by its output folder, whose document.json is read. `dbFile`: the run's
 * database, if any.
 */
export async function checkRunAcrossYears(out: string, items: { dir: string; doc?: YearDoc }[], dbFile?: string): Promise<number> {
  const docs: YearDoc[] = [];
  for (const { dir, doc } of items) {
    if (doc) {
      docs.push(doc);
      continue;
    }
    try {
      docs.push(yearDocOf(JSON.parse(readFileSync(join(dir, 'document.json'), 'utf8')) as Document));
    } catch {
      /* no readable document.json: nothing to compare */
    }
  }
  const inDb = dbFile && existsSync(dbFile) ? await databaseDocs(dbFile) : [];
  const previous = previousYear(docs, inDb);
  const found = new Map<string, Finding[]>();
  const rows: (string | number | undefined)[][] = [];
  for (const d of docs) {
    const p = previous.get(d.sha256);
    if (!p) continue;
    const fs = checkAcrossYears(d, p);
    found.set(d.sha256, fs);
    for (const f of fs) {
      rows.push([d.name, d.org, d.year, d.doc_kind, p.name, f.rule, f.severity, f.where.page, f.expected, f.found, f.difference, f.message.zh, f.message.en, f.where.sentence]);
    }
  }
  await writeFileAtomic(join(out, ACROSS_YEARS_CSV), await toCsv(ACROSS_YEARS_COLUMNS, rows));
  if (dbFile && existsSync(dbFile)) await storeFindings(dbFile, found, docs.map((d) => d.sha256));
  return rows.length;
}
