/**
 * Where a queue worker stores documents: PostgreSQL (`postgres://…`, shared by every worker) or a
 * SQLite file (one machine). Both keyed by the document's SHA-256; both replace a document's rows
 * in one transaction.
 */
import { resolve } from 'node:path';
import type { DbPayload } from '../db/rows.js';

export interface ResultsStore {
  readonly where: string;
  upsert(p: DbPayload): Promise<void>;
  has(sha256: string, yusuan: string): Promise<boolean>;
  forgetStale(path: string, sha256: string | undefined): Promise<void>;
  close(): Promise<void>;
}

export const isPostgresUrl = (s: string) => /^postgres(ql)?:\/\//i.test(s);

/** The URL without its password, for messages. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return url;
  }
}

export async function openResultsStore(where: string): Promise<ResultsStore> {
  if (isPostgresUrl(where)) {
    const { PostgresResultsDb } = await import('../db/postgres.js');
    const db = new PostgresResultsDb(where);
    try {
      await db.open();
    } catch (e) {
      await db.close().catch(() => {});
      throw new Error(`cannot use the database ${redactUrl(where)}: ${(e as Error).message}`);
    }
    return {
      where: redactUrl(where),
      upsert: (p) => db.upsert(p),
      has: (s, v) => db.has(s, v),
      forgetStale: (p, s) => db.forgetStale(p, s),
      close: () => db.close(),
    };
  }
  const { ResultsDb } = await import('../db/index.js');
  const db = new ResultsDb(resolve(where));
  return {
    where: db.file,
    upsert: async (p) => db.upsert(p),
    has: async (s, v) => db.has(s, v),
    forgetStale: async (p, s) => db.forgetStale(p, s),
    close: async () => db.close(),
  };
}
