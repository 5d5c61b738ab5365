/**
 * The catalog of a run database (docs/database.md), read-only: every answer is one bounded SQL
 * query, so a run of thousands of documents is never loaded into memory. Columns and tables that
 * later versions add (documents.org, the headlines table) are used when present.
 */
import Database from 'better-sqlite3';
import type { Catalog, DocSummary, SearchHit } from './catalog.js';

type Row = Record<string, string | number | null>;

const str = (v: unknown): string | undefined => (v === null || v === undefined ? undefined : String(v));
const int = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);

/** LIKE pattern for "contains q", with the wildcards of q escaped. */
const contains = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export class DbCatalog implements Catalog {
  readonly mode = 'database' as const;
  private readonly db: Database.Database;
  private readonly org: string;
  private readonly hasHeadlines: boolean;
  private readonly headlineExtra: string = '';

  constructor(file: string) {
    this.db = new Database(file, { readonly: true, fileMustExist: true });
    this.db.pragma('busy_timeout = 5000');
    const cols = new Set((this.db.prepare('PRAGMA table_info(documents)').all() as { name: string }[]).map((c) => c.name));
    this.org = cols.has('org') ? 'COALESCE(d.org, d.department)' : 'd.department';
    // the headlines table of the identity contract: used only with the columns this query needs
    const hcols = new Set((this.db.prepare('PRAGMA table_info(headlines)').all() as { name: string }[]).map((c) => c.name));
    this.hasHeadlines = ['document', 'figure', 'value'].every((c) => hcols.has(c));
    this.headlineExtra = ['unit', 'page'].map((c) => (hcols.has(c) ? `h.${c}` : `NULL AS ${c}`)).join(', ');
  }

  private docCols(): string {
    return `d.output AS id, d.name, d.format, ${this.org} AS org, d.year, d.doc_kind AS kind`;
  }

  count(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM documents WHERE output IS NOT NULL').get() as { n: number }).n;
  }

  documents(offset: number, limit: number): DocSummary[] {
    const rows = this.db
      .prepare(
        `SELECT ${this.docCols()}, d.status, d.findings_error, d.findings_warning, d.findings_info, d.n_tables, d.n_facts
         FROM documents d WHERE d.output IS NOT NULL ORDER BY org, d.year, d.name LIMIT ? OFFSET ?`,
      )
      .all(limit, offset) as Row[];
    return rows.map((r) => ({
      id: String(r.id),
      name: String(r.name),
      format: String(r.format),
      org: str(r.org) ?? null,
      year: int(r.year) ?? null,
      kind: str(r.kind) ?? null,
      status: String(r.status),
      findings: { error: Number(r.findings_error ?? 0), warning: Number(r.findings_warning ?? 0), info: Number(r.findings_info ?? 0) },
      tables: Number(r.n_tables ?? 0),
      facts: Number(r.n_facts ?? 0),
    }));
  }

  search(q: string, limit: number): SearchHit[] {
    const needle = q.trim();
    if (!needle) return [];
    const like = contains(needle);
    const isCode = /^\d{3,}$/.test(needle);
    const hits: SearchHit[] = [];
    const base = (r: Row) => ({ id: String(r.id), org: str(r.org) ?? null, year: int(r.year) ?? null, kind: str(r.kind) ?? null, name: String(r.name) });
    const left = () => limit - hits.length;
    const esc = `ESCAPE '\\'`;

    for (const r of this.db
      .prepare(`SELECT ${this.docCols()} FROM documents d WHERE d.output IS NOT NULL AND (${this.org} LIKE ? ${esc} OR d.name LIKE ? ${esc}) ORDER BY org, d.year LIMIT ?`)
      .all(like, like, left()) as Row[]) {
      hits.push({ ...base(r), match: 'document' });
    }
    if (this.hasHeadlines && left() > 0) {
      for (const r of this.db
        .prepare(
          `SELECT ${this.docCols()}, h.figure, h.value, ${this.headlineExtra} FROM headlines h CROSS JOIN documents d ON d.sha256 = h.document
           WHERE d.output IS NOT NULL AND h.figure LIKE ? ${esc} ORDER BY org, d.year LIMIT ?`,
        )
        .all(like, left()) as Row[]) {
        hits.push({ ...base(r), match: 'headline', item: str(r.figure), value: str(r.value), unit: str(r.unit), page: int(r.page) });
      }
    }
    // Join order: for a code, the facts of the code's index range drive the join (CROSS JOIN is
    // SQLite's join-order hint), else the code index would be searched once per document; for
    // words, the documents in list order drive it, each scanning its own facts by key, so that the
    // first page of results comes without scanning the whole facts table (measured: BENCHMARKS.md)
    if (left() > 0) {
      // a subject code by prefix (a range on the (code, year) index), anything else by its words
      const where = isCode
        ? `f.code >= ? AND f.code < ?`
        : `(f.item LIKE ? ${esc} OR f.table_title LIKE ? ${esc} OR f.column_path LIKE ? ${esc})`;
      const args = isCode ? [needle, `${needle}\uffff`] : [like, like, like];
      for (const r of this.db
        .prepare(
          `SELECT ${this.docCols()}, f.table_id, f.table_title, f.page, f.block, f.row, f.code, f.item, f.column_path, f.value, f.unit
           FROM facts f ${isCode ? 'CROSS JOIN' : 'JOIN'} documents d ON d.sha256 = f.document
           WHERE d.output IS NOT NULL AND ${where} ORDER BY org, d.year, f.seq LIMIT ?`,
        )
        .all(...args, left()) as Row[]) {
        hits.push({
          ...base(r), match: 'fact', table: int(r.table_id), tableTitle: str(r.table_title), page: int(r.page), block: str(r.block),
          row: int(r.row), code: str(r.code), item: str(r.item), column: str(r.column_path), value: str(r.value), unit: str(r.unit),
        });
      }
    }
    if (left() > 0) {
      for (const r of this.db
        .prepare(
          `SELECT ${this.docCols()}, fi.rule, fi.severity, fi.message_zh, fi.table_id, fi.table_title, fi.page, fi.row, fi.item, fi.column_path
           FROM findings fi JOIN documents d ON d.sha256 = fi.document
           WHERE d.output IS NOT NULL AND (fi.rule LIKE ? ${esc} OR fi.message_zh LIKE ? ${esc}) ORDER BY org, d.year, fi.seq LIMIT ?`,
        )
        .all(like, like, left()) as Row[]) {
        hits.push({
          ...base(r), match: 'finding', rule: str(r.rule), severity: str(r.severity), message: str(r.message_zh), table: int(r.table_id),
          tableTitle: str(r.table_title), page: int(r.page), row: int(r.row), item: str(r.item), column: str(r.column_path),
        });
      }
    }
    return hits;
  }

  has(id: string): boolean {
    return !!this.db.prepare('SELECT 1 FROM documents WHERE output = ?').get(id);
  }

  recordedPaths(id: string): string[] {
    return (this.db.prepare('SELECT path FROM documents WHERE output = ?').all(id) as { path: string }[]).map((r) => r.path);
  }

  close(): void {
    this.db.close();
  }
}
