/**
 * The shared results database on PostgreSQL (`pg`), for workers on many machines: the same tables
 * as the SQLite one, its DDL translated from the one `TABLES` definition in ./index.ts, so a column
 * or table added there appears here too. A document is keyed by the SHA-256 of its bytes and stored
 * in one transaction (old rows deleted, new ones inserted) under a per-document advisory lock, so a
 * worker killed mid-write leaves nothing and two workers storing the same document never interleave.
 */
import pg from 'pg';
import { REFERENCE_TABLES, SCHEMA_VERSION, TABLES, VIEWS, tableName } from './index.js';
import { SUBJECT_NAMES } from '../core/subject-names.js';
import type { DbPayload, DbRow } from './rows.js';

/** SQLite column types as PostgreSQL spells them (REAL is 4 bytes there; SQLite's is 8). */
const TYPE_MAP: [RegExp, string][] = [
  [/^INTEGER\b/i, 'BIGINT'],
  [/^REAL\b/i, 'DOUBLE PRECISION'],
];

/** Identifiers are quoted: `row`, `value`, `level` are words PostgreSQL treats specially. */
const q = (id: string) => `"${id.replace(/"/g, '""')}"`;
const quoteList = (cols: string) =>
  cols
    .split(',')
    .map((c) => q(c.trim()))
    .join(', ');

/** A table constraint of TABLES (`PRIMARY KEY (a, b)`, `FOREIGN KEY (a) REFERENCES t(b) …`) with its identifiers quoted. */
function constraint(sql: string): string {
  return sql.replace(/\(([^()]*)\)/g, (_, cols: string) => `(${quoteList(cols)})`).replace(/REFERENCES\s+(\w+)/i, (_, t: string) => `REFERENCES ${q(t)}`);
}

function columnType(t: string): string {
  for (const [re, to] of TYPE_MAP) if (re.test(t)) return t.replace(re, to);
  return t;
}

/** A table as src/db/index.ts defines one (columns with SQLite types, key, foreign key, indexes). */
export interface TableDef {
  cols: readonly (readonly [string, string])[];
  key: string;
  foreign?: string;
  indexes?: string[];
}

/** CREATE TABLE and its indexes, in PostgreSQL, for one table definition (idempotent). */
export function tableSql(name: string, def: TableDef): string[] {
  const parts = [...def.cols.map(([c, t]) => `  ${q(c)} ${columnType(t)}`), `  ${constraint(def.key)}`, ...(def.foreign ? [`  ${constraint(def.foreign)}`] : [])];
  return [
    `CREATE TABLE IF NOT EXISTS ${q(name)} (\n${parts.join(',\n')}\n)`,
    ...(def.indexes ?? []).map((ix) => `CREATE INDEX IF NOT EXISTS ${q(`${name}_by_${ix.replace(/[^a-z0-9]+/gi, '_')}`)} ON ${q(name)} (${quoteList(ix)})`),
  ];
}

/**
 * The PostgreSQL DDL of TABLES and REFERENCE_TABLES (idempotent), the meta table holding the schema
 * version, and the researcher views of ./index.ts (PostgreSQL has no CREATE VIEW IF NOT EXISTS).
 */
export function postgresSchemaSql(): string[] {
  return [
    `CREATE TABLE IF NOT EXISTS yusuan_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)`,
    ...[...Object.entries(TABLES), ...Object.entries(REFERENCE_TABLES)].flatMap(([k, def]) => tableSql(tableName(k), def)),
    ...VIEWS.map((v) => v.replace(/^CREATE VIEW IF NOT EXISTS/, 'CREATE OR REPLACE VIEW')),
  ];
}

// BIGINT and NUMERIC come back as strings by default; every integer yusuan stores fits a double
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

/** PostgreSQL's bound-parameter limit per statement. */
const MAX_PARAMS = 65_535;

/** A lock key per document: advisory locks take a 64-bit integer. */
const LOCK_SQL = `SELECT pg_advisory_xact_lock(('x' || substr(md5($1), 1, 15))::bit(60)::bigint)`;

export class PostgresResultsDb {
  readonly pool: pg.Pool;
  private ready?: Promise<void>;

  constructor(readonly url: string) {
    // one connection per concurrent job is plenty; a dead server fails fast so the job is retried
    this.pool = new pg.Pool({ connectionString: url, max: 4, connectionTimeoutMillis: 10_000 });
    // an idle client losing its server must not crash the worker: the next query reports it
    this.pool.on('error', () => {});
  }

  /** Create the tables once per process; a database of another schema version is rebuilt (it is a cache of the outputs). */
  open(): Promise<void> {
    this.ready ??= this.migrate().catch((e) => {
      this.ready = undefined;
      throw e;
    });
    return this.ready;
  }

  /** Run `fn` in one transaction on one connection: committed whole or not at all. */
  private async transaction(fn: (c: pg.PoolClient) => Promise<void>): Promise<void> {
    const c = await this.pool.connect();
    try {
      await c.query('BEGIN');
      await fn(c);
      await c.query('COMMIT');
    } catch (e) {
      await c.query('ROLLBACK').catch(() => {});
      throw e;
    } finally {
      c.release();
    }
  }

  private migrate(): Promise<void> {
    return this.transaction(async (c) => {
      // one migrator at a time across all workers
      await c.query(`SELECT pg_advisory_xact_lock(7275870)`);
      await c.query(`CREATE TABLE IF NOT EXISTS yusuan_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)`);
      const v = await c.query<{ value: string }>(`SELECT value FROM yusuan_meta WHERE key = 'schema_version'`);
      if (v.rows[0]?.value !== String(SCHEMA_VERSION)) {
        for (const k of [...Object.keys(TABLES), ...Object.keys(REFERENCE_TABLES)].reverse()) await c.query(`DROP TABLE IF EXISTS ${q(tableName(k))} CASCADE`);
        for (const sql of postgresSchemaSql()) await c.query(sql);
        for (const n of SUBJECT_NAMES) {
          await c.query(`INSERT INTO subject_names (code, name, former) VALUES ($1, $2, $3) ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, former = EXCLUDED.former`, [n.code, n.name, n.former.join(' / ') || null]);
        }
        await c.query(
          `INSERT INTO yusuan_meta (key, value) VALUES ('schema_version', $1) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`,
          [String(SCHEMA_VERSION)],
        );
      }
    });
  }

  private async insert(c: pg.PoolClient | pg.Pool, name: string, def: TableDef, rows: DbRow[], onConflict = ''): Promise<void> {
    if (!rows.length) return;
    const cols = def.cols.map((col) => col[0]);
    const per = Math.max(1, Math.floor(MAX_PARAMS / cols.length));
    for (let i = 0; i < rows.length; i += per) {
      const chunk = rows.slice(i, i + per);
      const params: unknown[] = [];
      const tuples = chunk.map((r) => `(${cols.map((col) => (params.push(r[col] ?? null), `$${params.length}`)).join(', ')})`);
      await c.query(`INSERT INTO ${q(name)} (${cols.map(q).join(', ')}) VALUES ${tuples.join(', ')}${onConflict}`, params);
    }
  }

  /** Rows into a table of another part of yusuan (the crawl's change feed): created when missing; rows already there are kept. */
  async append(name: string, def: TableDef, rows: DbRow[]): Promise<void> {
    for (const sql of tableSql(name, def)) await this.pool.query(sql);
    await this.insert(this.pool, name, def, rows, ' ON CONFLICT DO NOTHING');
  }

  /** Store one document, replacing its old rows (same hash, or same input path with older content), atomically. */
  async upsert(p: DbPayload): Promise<void> {
    await this.open();
    await this.transaction(async (c) => {
      await c.query(LOCK_SQL, [String(p.document.sha256)]);
      await c.query(`DELETE FROM documents WHERE sha256 = $1 OR path = $2`, [p.document.sha256, p.document.path]);
      for (const k of Object.keys(TABLES) as (keyof typeof TABLES)[]) {
        await this.insert(c, tableName(k), TABLES[k], k === 'document' ? [p.document] : (p[k] as DbRow[]));
      }
    });
  }

  /** Whether the document with this hash, made by this version, is stored. */
  async has(sha256: string, yusuan: string): Promise<boolean> {
    await this.open();
    const r = await this.pool.query(`SELECT 1 FROM documents WHERE sha256 = $1 AND yusuan = $2`, [sha256, yusuan]);
    return (r.rowCount ?? 0) > 0;
  }

  /** An input whose content changed and now fails: the rows of its old content no longer describe it. */
  async forgetStale(path: string, sha256: string | undefined): Promise<void> {
    await this.open();
    if (sha256) await this.pool.query(`DELETE FROM documents WHERE path = $1 AND sha256 <> $2`, [path, sha256]);
    else await this.pool.query(`DELETE FROM documents WHERE path = $1`, [path]);
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
