/**
 * The run database (SQLite through better-sqlite3): every document of every run, one writer (the
 * main thread). A document is keyed by the SHA-256 of its input bytes; storing it again deletes
 * the old rows first (children go by ON DELETE CASCADE) in one transaction, so re-runs never
 * duplicate. Schema and example queries: docs/database.md.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { SUBJECT_NAMES } from '../core/subject-names.js';
import type { DbPayload, DbRow } from './rows.js';

export type { DbPayload } from './rows.js';
export { documentPayload } from './rows.js';

/** Bump when the tables change; an older database is migrated by dropping and recreating (it is a cache of the outputs). */
export const SCHEMA_VERSION = 2;

type Col = [name: string, type: string];
interface TableDef {
  cols: Col[];
  key: string;
  foreign?: string;
  indexes?: string[];
}

export const TABLES: Record<keyof Omit<DbPayload, never>, TableDef> = {
  document: {
    cols: [
      ['sha256', 'TEXT NOT NULL'], ['path', 'TEXT NOT NULL'], ['output', 'TEXT'], ['name', 'TEXT NOT NULL'],
      ['format', 'TEXT NOT NULL'], ['bytes', 'INTEGER'], ['pages', 'INTEGER'], ['producer', 'TEXT'], ['yusuan', 'TEXT NOT NULL'],
      ['status', 'TEXT NOT NULL'], ['department', 'TEXT'], ['year', 'INTEGER'], ['doc_kind', 'TEXT'],
      ['organisation', 'TEXT'], ['org', 'TEXT'], ['identity_source', 'TEXT'],
      ['n_tables', 'INTEGER'], ['n_facts', 'INTEGER'], ['n_projects', 'INTEGER'],
      ['diagnostics_warning', 'INTEGER'], ['diagnostics_error', 'INTEGER'],
      ['findings_error', 'INTEGER'], ['findings_warning', 'INTEGER'], ['findings_info', 'INTEGER'], ['extracted_at', 'TEXT'],
    ],
    key: 'PRIMARY KEY (sha256)',
    indexes: ['department, year', 'year', 'path', 'org, doc_kind, year'],
  },
  tables: {
    cols: [
      ['document', 'TEXT NOT NULL'], ['table_id', 'INTEGER NOT NULL'], ['label', 'TEXT'], ['title', 'TEXT NOT NULL'],
      ['kind', 'TEXT NOT NULL'], ['department', 'TEXT'], ['year', 'INTEGER'], ['unit', 'TEXT'], ['pages', 'TEXT'],
      ['first_page', 'INTEGER'], ['empty', 'INTEGER'], ['side_by_side', 'INTEGER'], ['method', 'TEXT'], ['confidence', 'REAL'],
      ['n_rows', 'INTEGER'],
    ],
    key: 'PRIMARY KEY (document, table_id)',
    foreign: 'FOREIGN KEY (document) REFERENCES documents(sha256) ON DELETE CASCADE',
    indexes: ['kind, department, year'],
  },
  rows: {
    cols: [
      ['document', 'TEXT NOT NULL'], ['table_id', 'INTEGER NOT NULL'], ['seq', 'INTEGER NOT NULL'], ['row_index', 'INTEGER'],
      ['block', 'TEXT'], ['kind', 'TEXT'], ['code', 'TEXT'], ['code_kind', 'TEXT'], ['level', 'TEXT'], ['parent_code', 'TEXT'],
      ['ordinal', 'TEXT'], ['item', 'TEXT'], ['page', 'INTEGER'], ['amounts', 'TEXT'],
    ],
    key: 'PRIMARY KEY (document, table_id, seq)',
    foreign: 'FOREIGN KEY (document, table_id) REFERENCES tables(document, table_id) ON DELETE CASCADE',
    indexes: ['code'],
  },
  facts: {
    cols: [
      ['document', 'TEXT NOT NULL'], ['seq', 'INTEGER NOT NULL'], ['table_id', 'INTEGER'], ['table_no', 'TEXT'],
      ['table_kind', 'TEXT'], ['table_title', 'TEXT'], ['department', 'TEXT'], ['year', 'INTEGER'], ['page', 'INTEGER'],
      ['block', 'TEXT'], ['row', 'INTEGER'], ['code', 'TEXT'], ['item', 'TEXT'], ['column_path', 'TEXT'],
      ['value', 'TEXT NOT NULL'], ['value_num', 'REAL'], ['unit', 'TEXT'],
      ['doc_kind', 'TEXT'], ['org', 'TEXT'], ['value_yuan', 'TEXT'], ['period', 'INTEGER'], ['measure', 'TEXT'],
    ],
    key: 'PRIMARY KEY (document, seq)',
    foreign: 'FOREIGN KEY (document) REFERENCES documents(sha256) ON DELETE CASCADE',
    indexes: ['code, year', 'department, year', 'table_kind', 'org, period'],
  },
  headlines: {
    cols: [
      ['document', 'TEXT NOT NULL'], ['seq', 'INTEGER NOT NULL'], ['figure', 'TEXT NOT NULL'], ['basis', 'TEXT'],
      ['value', 'TEXT NOT NULL'], ['unit', 'TEXT NOT NULL'], ['value_yuan', 'TEXT NOT NULL'], ['table_id', 'INTEGER'],
      ['table_kind', 'TEXT'], ['page', 'INTEGER'], ['row', 'INTEGER'], ['column_path', 'TEXT'], ['bbox', 'TEXT'],
    ],
    key: 'PRIMARY KEY (document, seq)',
    foreign: 'FOREIGN KEY (document) REFERENCES documents(sha256) ON DELETE CASCADE',
    indexes: ['figure'],
  },
  findings: {
    cols: [
      ['document', 'TEXT NOT NULL'], ['seq', 'INTEGER NOT NULL'], ['rule', 'TEXT NOT NULL'], ['severity', 'TEXT NOT NULL'],
      ['message_zh', 'TEXT'], ['message_en', 'TEXT'], ['table_id', 'INTEGER'], ['table_title', 'TEXT'], ['page', 'INTEGER'],
      ['row', 'INTEGER'], ['item', 'TEXT'], ['code', 'TEXT'], ['column_path', 'TEXT'], ['sentence', 'TEXT'],
      ['expected', 'TEXT'], ['found', 'TEXT'], ['difference', 'TEXT'],
    ],
    key: 'PRIMARY KEY (document, seq)',
    foreign: 'FOREIGN KEY (document) REFERENCES documents(sha256) ON DELETE CASCADE',
    indexes: ['rule, severity', 'severity'],
  },
  projects: {
    cols: [
      ['document', 'TEXT NOT NULL'], ['seq', 'INTEGER NOT NULL'], ['table_id', 'INTEGER'], ['name', 'TEXT NOT NULL'],
      ['department', 'TEXT'], ['department_code', 'TEXT'], ['implementing_unit', 'TEXT'], ['attribute', 'TEXT'], ['period', 'TEXT'],
      ['funds_unit', 'TEXT'], ['implementation_total', 'TEXT'], ['annual_total', 'TEXT'], ['funds', 'TEXT'],
      ['goal_implementation', 'TEXT'], ['goal_annual', 'TEXT'], ['page', 'INTEGER'],
    ],
    key: 'PRIMARY KEY (document, seq)',
    foreign: 'FOREIGN KEY (document) REFERENCES documents(sha256) ON DELETE CASCADE',
    indexes: ['name', 'department'],
  },
  indicators: {
    cols: [
      ['document', 'TEXT NOT NULL'], ['project_seq', 'INTEGER NOT NULL'], ['seq', 'INTEGER NOT NULL'], ['period', 'TEXT'],
      ['level1', 'TEXT'], ['level2', 'TEXT'], ['level3', 'TEXT'], ['value', 'TEXT'], ['page', 'INTEGER'],
    ],
    key: 'PRIMARY KEY (document, project_seq, seq)',
    foreign: 'FOREIGN KEY (document, project_seq) REFERENCES projects(document, seq) ON DELETE CASCADE',
    indexes: ['level3'],
  },
};

/**
 * Subject codes under one name across the renames the disclosures show (src/core/subject-names.ts);
 * written when the database is created, not per document.
 */
export const REFERENCE_TABLES: Record<string, TableDef> = {
  subject_names: {
    cols: [['code', 'TEXT NOT NULL'], ['name', 'TEXT NOT NULL'], ['former', 'TEXT']],
    key: 'PRIMARY KEY (code)',
  },
};

/**
 * Views a researcher can query directly (docs/database.md): facts and headline figures with the
 * document's identity, and each document linked to its organisation's previous year.
 */
export const VIEWS: string[] = [
  `CREATE VIEW IF NOT EXISTS v_facts AS
  SELECT f.org, d.organisation, f.department, f.doc_kind, f.year, f.period, f.table_kind, f.table_title, f.code,
         COALESCE(s.name, f.item) AS subject, f.item, f.block, f.measure, f.column_path, f.value, f.unit, f.value_yuan,
         f.page, d.name AS file, f.document AS sha256
  FROM facts f JOIN documents d ON d.sha256 = f.document LEFT JOIN subject_names s ON s.code = f.code`,
  `CREATE VIEW IF NOT EXISTS v_headlines AS
  SELECT d.org, d.organisation, d.department, d.year, d.doc_kind, h.figure, h.basis, h.value, h.unit, h.value_yuan,
         h.table_kind, h.page, h.row, h.column_path, d.name AS file, h.document AS sha256
  FROM headlines h JOIN documents d ON d.sha256 = h.document`,
  `CREATE VIEW IF NOT EXISTS v_document_links AS
  SELECT d.org, d.doc_kind, d.year, d.name AS file, d.sha256, p.year AS previous_year, p.name AS previous_file, p.sha256 AS previous_sha256
  FROM documents d JOIN documents p ON p.org = d.org AND p.doc_kind = d.doc_kind AND p.year = d.year - 1
  WHERE d.org IS NOT NULL`,
];

export const tableName = (k: string) => (k === 'document' ? 'documents' : k);

export function schemaSql(): string {
  const out: string[] = [];
  for (const [k, def] of [...Object.entries(TABLES), ...Object.entries(REFERENCE_TABLES)]) {
    const name = tableName(k);
    const parts = [...def.cols.map(([c, t]) => `  ${c} ${t}`), `  ${def.key}`, ...(def.foreign ? [`  ${def.foreign}`] : [])];
    out.push(`CREATE TABLE IF NOT EXISTS ${name} (\n${parts.join(',\n')}\n);`);
    for (const ix of def.indexes ?? []) {
      out.push(`CREATE INDEX IF NOT EXISTS ${name}_by_${ix.replace(/[^a-z0-9]+/gi, '_')} ON ${name} (${ix});`);
    }
  }
  out.push(...VIEWS.map((v) => `${v};`));
  return out.join('\n');
}

export class ResultsDb {
  readonly db: Database.Database;
  private readonly inserts: Record<string, Database.Statement>;
  private readonly upsertTx: (p: DbPayload) => void;

  constructor(readonly file: string) {
    mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('busy_timeout = 10000');
    const version = this.db.pragma('user_version', { simple: true }) as number;
    if (version !== SCHEMA_VERSION) {
      // an older (or foreign) layout: the database is rebuilt from the outputs by re-running
      const names = this.db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`).all() as { name: string }[];
      const known = new Set([...Object.keys(TABLES), ...Object.keys(REFERENCE_TABLES)].map(tableName));
      if (names.some((t) => !known.has(t.name))) throw new Error(`${file}: not a yusuan database (unknown tables); choose another --db`);
      this.db.pragma('foreign_keys = OFF');
      for (const v of this.db.prepare(`SELECT name FROM sqlite_master WHERE type = 'view'`).all() as { name: string }[]) this.db.exec(`DROP VIEW IF EXISTS ${v.name}`);
      for (const k of [...Object.keys(TABLES), ...Object.keys(REFERENCE_TABLES)].reverse()) this.db.exec(`DROP TABLE IF EXISTS ${tableName(k)}`);
      this.db.pragma('foreign_keys = ON');
      this.db.exec(schemaSql());
      const put = this.db.prepare('INSERT OR REPLACE INTO subject_names (code, name, former) VALUES (?, ?, ?)');
      for (const s of SUBJECT_NAMES) put.run(s.code, s.name, s.former.join(' / ') || null);
      this.db.pragma(`user_version = ${SCHEMA_VERSION}`);
    }
    this.inserts = Object.fromEntries(
      Object.entries(TABLES).map(([k, def]) => [
        k,
        this.db.prepare(`INSERT INTO ${tableName(k)} (${def.cols.map((c) => c[0]).join(', ')}) VALUES (${def.cols.map((c) => `@${c[0]}`).join(', ')})`),
      ]),
    );
    const del = this.db.prepare('DELETE FROM documents WHERE sha256 = @sha256 OR path = @path');
    this.upsertTx = this.db.transaction((p: DbPayload) => {
      del.run({ sha256: p.document.sha256, path: p.document.path });
      this.insert('document', [p.document]);
      this.insert('tables', p.tables);
      this.insert('rows', p.rows);
      this.insert('facts', p.facts);
      this.insert('headlines', p.headlines);
      this.insert('findings', p.findings);
      this.insert('projects', p.projects);
      this.insert('indicators', p.indicators);
    });
  }

  private insert(k: keyof typeof TABLES, rows: DbRow[]): void {
    const st = this.inserts[k];
    const cols = TABLES[k].cols.map((c) => c[0]);
    for (const r of rows) {
      const full: DbRow = {};
      for (const c of cols) full[c] = r[c] ?? null;
      st.run(full);
    }
  }

  /** Store one document: its old rows (same hash, or same input path with older content) go first. */
  upsert(p: DbPayload): void {
    this.upsertTx(p);
  }

  /** Whether the document with this hash, made by this version, is stored. */
  has(sha256: string, yusuan: string): boolean {
    return !!this.db.prepare('SELECT 1 FROM documents WHERE sha256 = ? AND yusuan = ?').get(sha256, yusuan);
  }

  /** An input whose content changed and now fails: the rows of its old content no longer describe it. */
  forgetStale(path: string, sha256: string | undefined): void {
    if (sha256) this.db.prepare('DELETE FROM documents WHERE path = ? AND sha256 <> ?').run(path, sha256);
    else this.db.prepare('DELETE FROM documents WHERE path = ?').run(path);
  }

  close(): void {
    this.db.pragma('optimize');
    this.db.pragma('wal_checkpoint(TRUNCATE)');
    this.db.close();
  }
}
