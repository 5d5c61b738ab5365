/**
 * All outputs of one document under <out>/<stem>/: tables/NN-<kind>.csv with tables/index.csv
 * (each table file's label, title, unit and where it was printed), facts.csv, headlines.csv,
 * projects.csv, checks.json and findings.csv (the review of validateDocument), document.xlsx
 * (./workbook.ts), and document.json. Every file is written atomically; document.json is written
 * last, so its presence (with the input's hash and yusuan's version) marks the set as complete.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { FACT_COLUMNS, type Document, type Fact, type Table } from '../../schemas/document.js';
import type { Checks } from '../../schemas/findings.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { validateDocument } from '../validate/index.js';
import { recordsToCsv, toCsv } from './csv.js';
import { documentFacts } from './facts.js';
import { findingsCsv } from './findings-csv.js';
import { HEADLINE_COLUMNS, headlineRows } from './headlines.js';
import { PROJECT_COLUMNS, projectRows } from './projects.js';
import { documentWorkbook } from './workbook.js';

export { PROJECT_COLUMNS, projectRows } from './projects.js';

export function tableFileName(t: Document['tables'][number]): string {
  return `${String(t.id).padStart(2, '0')}-${t.kind}.csv`;
}

/** tables/index.csv: what each table file is; `where` is the page(s), or the sheet and cell for spreadsheets. */
export const TABLE_INDEX_COLUMNS = ['file', 'table_no', 'table_title', 'table_kind', 'department', 'year', 'unit', 'pages', 'where', 'rows', 'empty'];

function tableIndexRow(t: Table): string[] {
  return [tableFileName(t), t.label ?? '', t.title, t.kind, t.department ?? '', t.year ? String(t.year) : '', t.unit ?? '', t.pages.join(' '), t.cell ?? (t.page ? `p${t.page}` : ''), String(t.rows.length), t.empty ? 'yes' : ''];
}

/** The UTF-8 byte-order mark that makes Excel and WPS read a CSV as UTF-8 (else 合计 shows as åˆè®¡). */
export const BOM = '\uFEFF';

export interface WriteOptions {
  /** the review of the document; made with validateDocument when not given */
  checks?: Checks;
  /** CSVs with a UTF-8 byte-order mark, for Excel and WPS (`--excel-csv`) */
  excelCsv?: boolean;
  /** document.xlsx (default true) */
  workbook?: boolean;
}

export interface WrittenOutputs {
  dir: string;
  facts: Fact[];
  checks: Checks;
}

export async function writeDocumentOutputs(doc: Document, dir: string, opts: WriteOptions = {}): Promise<WrittenOutputs> {
  const facts = documentFacts(doc);
  const checks = opts.checks ?? validateDocument(doc);
  const csv = (text: string) => (opts.excelCsv ? BOM + text : text);
  const tablesDir = join(dir, 'tables');
  // tables from an earlier run of a different version may have other names: clear them first
  rmSync(tablesDir, { recursive: true, force: true });
  for (const t of doc.tables) {
    const width = Math.max(0, ...t.printed.map((r) => r.length));
    const rows = t.printed.map((r) => Array.from({ length: width }, (_, i) => r[i]?.text ?? ''));
    await writeFileAtomic(join(tablesDir, tableFileName(t)), csv(await toCsv(rows[0] ?? [], rows.slice(1))));
  }
  if (doc.tables.length) await writeFileAtomic(join(tablesDir, 'index.csv'), csv(await toCsv(TABLE_INDEX_COLUMNS, doc.tables.map(tableIndexRow))));
  await writeFileAtomic(join(dir, 'facts.csv'), csv(await recordsToCsv(FACT_COLUMNS, facts)));
  await writeFileAtomic(join(dir, 'headlines.csv'), csv(await recordsToCsv([...HEADLINE_COLUMNS], headlineRows(doc))));
  await writeFileAtomic(join(dir, 'projects.csv'), csv(await recordsToCsv([...PROJECT_COLUMNS], projectRows(doc))));
  await writeFileAtomic(join(dir, 'checks.json'), `${JSON.stringify(checks, null, 1)}\n`);
  await writeFileAtomic(join(dir, 'findings.csv'), csv(await findingsCsv(checks)));
  if (opts.workbook !== false) await writeFileAtomic(join(dir, 'document.xlsx'), await documentWorkbook(doc, checks));
  await writeFileAtomic(join(dir, 'document.json'), `${JSON.stringify(doc, null, 1)}\n`);
  return { dir, facts, checks };
}
