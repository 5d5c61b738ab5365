/**
 * A crawl as the command line and scheduled jobs run it: load the sources, crawl, append the
 * changes to the JSON-lines feed and (with a database) to its `crawl_changes` table, and (with
 * Redis) queue the new, changed and moved documents yusuan can read for extraction. A document
 * is queued under its SHA-256, so bytes already queued or done are not redone.
 */
import { appendFile, mkdir } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { SUPPORTED } from '../batch/inputs.js';
import type { DbRow } from '../db/rows.js';
import type { TableDef } from '../db/postgres.js';
import { crawl, type Change, type CrawlReport } from './crawl.js';
import { loadSources } from './sources.js';
import { DownloadStore } from './store.js';

/** The change feed as a database table (PostgreSQL). */
export const CHANGES_TABLE: TableDef = {
  cols: [
    ['time', 'TEXT NOT NULL'], ['change', 'TEXT NOT NULL'], ['source', 'TEXT NOT NULL'], ['url', 'TEXT NOT NULL'],
    ['previous_url', 'TEXT'], ['sha256', 'TEXT'], ['previous_sha256', 'TEXT'], ['file', 'TEXT'], ['bytes', 'INTEGER'],
    ['title', 'TEXT'], ['link_text', 'TEXT'],
  ],
  key: 'PRIMARY KEY (time, source, url, change)',
  indexes: ['sha256', 'source, time'],
};

function changeRow(c: Change): DbRow {
  return {
    time: c.time, change: c.change, source: c.source, url: c.url, previous_url: c.previousUrl ?? null, sha256: c.sha256 ?? null,
    previous_sha256: c.previousSha256 ?? null, file: c.file ?? null, bytes: c.bytes ?? null, title: c.title ?? null, link_text: c.linkText ?? null,
  };
}

export interface CrawlRunOptions {
  sources: string;
  store: string;
  /** JSON-lines change feed (default <store>/changes.jsonl) */
  feed?: string;
  /** postgres://… : the changes also go to its crawl_changes table */
  db?: string;
  /** redis://… : new and changed documents are queued for extraction */
  redis?: string;
  log?: (line: string) => void;
}

export interface CrawlRunResult extends CrawlReport {
  feed: string;
  queued: number;
}

export async function crawlAndQueue(opts: CrawlRunOptions): Promise<CrawlRunResult> {
  const sources = await loadSources(opts.sources);
  const store = new DownloadStore(resolve(opts.store));
  await store.load();
  const report = await crawl(sources, store, { ...(opts.log ? { log: opts.log } : {}) });
  const feed = resolve(opts.feed ?? join(opts.store, 'changes.jsonl'));
  await mkdir(dirname(feed), { recursive: true });
  if (report.changes.length) await appendFile(feed, report.changes.map((c) => `${JSON.stringify(c)}\n`).join(''));
  if (opts.db && /^postgres(ql)?:\/\//i.test(opts.db) && report.changes.length) {
    const { PostgresResultsDb } = await import('../db/postgres.js');
    const db = new PostgresResultsDb(opts.db);
    try {
      await db.append('crawl_changes', CHANGES_TABLE, report.changes.map(changeRow));
    } finally {
      await db.close();
    }
  }
  let queued = 0;
  if (opts.redis) {
    const toQueue = report.changes.filter((c) => c.change !== 'gone' && c.file && c.sha256 && SUPPORTED.test(c.file));
    if (toQueue.length) {
      const { extractJob } = await import('../queue/admin.js');
      const { openQueue } = await import('../queue/jobs.js');
      const q = await openQueue(opts.redis);
      try {
        await q.addBulk(
          toQueue.map((c) => {
            const name = basename(c.file!);
            return extractJob(
              { input: join(store.dir, c.file!), output: `${basename(name, extname(name))}-${c.sha256!.slice(0, 8)}`, sha256: c.sha256!, url: c.url, ...(c.title ?? c.linkText ? { title: c.title ?? c.linkText } : {}) },
              false,
            );
          }),
        );
        queued = toQueue.length;
      } finally {
        await q.close();
      }
    }
  }
  return { ...report, feed, queued };
}
