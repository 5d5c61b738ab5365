/**
 * The distributed mode, run for real: a redis-server and a PostgreSQL cluster of the test's own
 * (scripts/services.mjs), `yusuan worker` processes started from the compiled CLI. A worker is
 * killed with SIGKILL mid-document and another takes its job; every document ends up in
 * PostgreSQL once, with the facts of a local `extract`; a database that is down makes jobs fail
 * and be retried; a Redis restart keeps the queue. Skipped when redis-server or PostgreSQL's
 * binaries are absent.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TABLES, tableName } from '../../src/db/index.js';
import { PostgresResultsDb } from '../../src/db/postgres.js';
import { postgresBinDir, redisServerBin, startPostgres, startRedis, type PostgresServer, type RedisServer } from '../../scripts/services.mjs';
import { ROOT } from '../batch/build.js';
import { startFakeSite } from '../crawl/fake-site.js';
import { disclosure, ensureDist, removeTempDirs, runCli, tempDir } from '../batch/helpers.js';

const available = !!redisServerBin() && !!postgresBinDir();
const CLI = join(ROOT, 'bin/yusuan.js');

let redis: RedisServer;
let pgs: PostgresServer;
/** queries of the test itself (a pool: it survives the server being stopped and started) */
let db: PostgresResultsDb;
let dir: string;
const procs: ChildProcess[] = [];

/** A `yusuan worker`; its JSON lines collected. */
function worker(args: string[], env: Record<string, string> = {}) {
  const p = spawn(process.execPath, [CLI, 'worker', '--redis', redis.url, '--db', pgs.url, '--concurrency', '1', '--lock', '4', ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  procs.push(p);
  const lines: Record<string, unknown>[] = [];
  let buf = '';
  p.stdout!.on('data', (d: Buffer) => {
    buf += d.toString();
    let nl;
    while ((nl = buf.indexOf('\n')) >= 0) {
      const l = buf.slice(0, nl);
      buf = buf.slice(nl + 1);
      try {
        lines.push(JSON.parse(l));
      } catch {
        /* not JSON */
      }
    }
  });
  let stderr = '';
  p.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((r) => p.on('exit', (code) => r(code)));
  return { p, lines, exited, stderr: () => stderr };
}

async function cli(...args: string[]) {
  const r = await runCli(args);
  return { ...r, json: r.stdout.trim() ? r.stdout.trim().split('\n').map((l) => JSON.parse(l)) : [] };
}

async function status(): Promise<Record<string, number>> {
  return (await cli('queue', 'status', '--redis', redis.url)).json[0];
}

async function waitFor(what: string, cond: () => Promise<boolean> | boolean, ms = 60_000): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await cond()) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const DEPTS = ['忻州市信访局', '忻州市财政局', '忻州市教育局', '忻州市民政局', '忻州市审计局', '忻州市统计局'];
const HANG = 'd0.md';

describe.skipIf(!available)('queue: Redis workers, PostgreSQL results', () => {
  beforeAll(async () => {
    ensureDist();
    [redis, pgs] = await Promise.all([startRedis(), startPostgres()]);
    db = new PostgresResultsDb(pgs.url);
    dir = tempDir('yusuan-queue-');
    mkdirSync(join(dir, 'in'));
    DEPTS.forEach((d, i) => writeFileSync(join(dir, 'in', `d${i}.md`), disclosure(d, i)));
  });

  afterAll(async () => {
    for (const p of procs) if (p.exitCode === null && p.signalCode === null) p.kill('SIGKILL');
    await db?.close().catch(() => {});
    await redis?.stop();
    await pgs?.stop();
    removeTempDirs();
  });

  it('a worker killed with SIGKILL mid-document: its job goes to another; each document in PostgreSQL once, facts as a local extract', { timeout: 180_000 }, async () => {
    // worker A takes d0.md first and hangs in it (the batch's test hook), as a document mid-way would
    expect((await cli('queue', 'add', join(dir, 'in', HANG), '--redis', redis.url)).code).toBe(0);
    const a = worker(['-o', join(dir, 'out-a'), '--timeout', '600'], { YUSUAN_TEST_HANG_ON: HANG });
    await waitFor('worker A to take d0.md', async () => (await status()).active === 1);
    // the rest (d0.md again is the same document: queued once)
    const add = await cli('queue', 'add', join(dir, 'in'), '--redis', redis.url);
    expect(add.json[0]).toMatchObject({ queued: DEPTS.length });
    const s0 = await status();
    expect(s0.waiting + s0.active + s0.completed).toBe(DEPTS.length);
    const b = worker(['-o', join(dir, 'out-b'), '--until-empty']);
    a.p.kill('SIGKILL');
    expect(await a.exited).toBe(null);
    const c = worker(['-o', join(dir, 'out-c'), '--until-empty']);
    expect(await b.exited).toBe(0);
    expect(await c.exited).toBe(0);
    expect(await status()).toMatchObject({ waiting: 0, active: 0, delayed: 0, failed: 0, completed: DEPTS.length });
    // the hung document was done by B or C, after A's lock expired
    // (a worker starved of CPU past its lock may have a job taken over and done twice: the database still holds it once)
    const done = [...b.lines, ...c.lines].filter((l) => l.event === 'job' && l.status === 'ok');
    expect(new Set(done.map((l) => l.id)).size).toBe(DEPTS.length);

    const docs = await db.pool.query('SELECT sha256, name, n_facts FROM documents ORDER BY name');
    expect(docs.rows.map((r) => r.name)).toEqual(DEPTS.map((_, i) => `d${i}.md`));
    expect(new Set(docs.rows.map((r) => r.sha256)).size).toBe(DEPTS.length);

    // the same files through a local `extract`: the same facts, row for row
    expect((await runCli(['extract', join(dir, 'in'), '-o', join(dir, 'local'), '--quiet', '--progress', 'none'])).code).toBe(0);
    const lite = new Database(join(dir, 'local', 'yusuan.sqlite'), { readonly: true });
    const cols = TABLES.facts.cols.map((col) => `"${col[0]}"`).join(', ');
    const local = lite.prepare(`SELECT ${cols} FROM facts ORDER BY document, seq`).all();
    lite.close();
    const shared = (await db.pool.query(`SELECT ${cols} FROM facts ORDER BY document, seq`)).rows;
    expect(shared.length).toBeGreaterThan(DEPTS.length * 5);
    expect(shared).toEqual(local);
  });

  it('PostgreSQL down: the job fails and is retried, then stored once', { timeout: 120_000 }, async () => {
    const w = worker(['-o', join(dir, 'out-w')]);
    try {
      await waitFor('the worker', () => w.lines.some((l) => l.event === 'worker'));
      writeFileSync(join(dir, 'in', 'd6.md'), disclosure('忻州市公安局', 6));
      pgs.pause();
      try {
        expect((await cli('queue', 'add', join(dir, 'in', 'd6.md'), '--redis', redis.url)).code).toBe(0);
        await waitFor('a failed attempt', () => w.lines.some((l) => l.event === 'job' && l.status === 'failed'));
        expect((await status()).failed).toBe(0); // failed once, not dropped: waiting for its retry
      } finally {
        pgs.resume();
      }
      await waitFor('the retry to succeed', () => w.lines.some((l) => l.event === 'job' && l.status === 'ok'), 60_000);
      const runs = w.lines.filter((l) => l.event === 'job').map((l) => l.status);
      expect(runs.at(-1)).toBe('ok');
      expect(runs.slice(0, -1).every((st) => st === 'failed')).toBe(true);
    } finally {
      w.p.kill('SIGTERM');
    }
    expect(await w.exited).toBe(0);
    const n = await db.pool.query('SELECT count(*)::int AS n, count(DISTINCT sha256)::int AS d FROM documents');
    expect(n.rows[0]).toEqual({ n: DEPTS.length + 1, d: DEPTS.length + 1 });
  });

  it('a Redis restart keeps the queued jobs (AOF)', { timeout: 60_000 }, async () => {
    expect((await cli('queue', 'add', join(dir, 'in'), '--force', '--redis', redis.url)).code).toBe(0);
    const before = await status();
    expect(before.waiting).toBe(DEPTS.length + 1);
    await redis.restart();
    expect(await status()).toEqual(before);
    const w = worker(['-o', join(dir, 'out-r'), '--until-empty']);
    expect(await w.exited).toBe(0);
    expect((await status()).waiting).toBe(0);
    // all seven were stored already: skipped, not redone, not duplicated
    expect(w.lines.filter((l) => l.event === 'job').map((l) => l.status)).toEqual(Array(DEPTS.length + 1).fill('skipped'));
    const n = await db.pool.query('SELECT count(*)::int AS n FROM documents');
    expect(n.rows[0].n).toBe(DEPTS.length + 1);
  });

  it('a worker rides out a Redis restart and goes on taking jobs', { timeout: 90_000 }, async () => {
    const w = worker(['-o', join(dir, 'out-rr')]);
    try {
      await waitFor('the worker', () => w.lines.some((l) => l.event === 'worker'));
      await redis.restart();
      expect((await cli('queue', 'add', join(dir, 'in', 'd2.md'), '--force', '--redis', redis.url)).code).toBe(0);
      await waitFor('the job after the restart', () => w.lines.some((l) => l.event === 'job' && l.status === 'skipped'), 60_000);
      expect(w.p.exitCode).toBe(null);
    } finally {
      w.p.kill('SIGTERM');
    }
    expect(await w.exited).toBe(0);
  });

  it('a bad input fails once (no pointless retries) and can be listed and retried', { timeout: 60_000 }, async () => {
    const bad = join(dir, 'bad.pdf');
    writeFileSync(bad, 'this is not a PDF');
    await cli('queue', 'add', bad, '--redis', redis.url);
    const w = worker(['-o', join(dir, 'out-f'), '--until-empty']);
    expect(await w.exited).toBe(0);
    const failed = (await cli('queue', 'failed', '--redis', redis.url)).json;
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ input: bad, attempts: 1, reason: expect.stringMatching(/^\[not-pdf\] /) });
    expect((await cli('queue', 'retry', '--redis', redis.url)).json[0]).toEqual({ retried: 1 });
    expect((await status()).waiting).toBe(1);
  });

  it('schedules: add, list, remove (BullMQ job schedulers on a cron expression)', async () => {
    const add = await cli('schedule', 'add', 'nightly', join(dir, 'sources.yaml'), '--cron', '0 2 * * *', '--tz', 'Asia/Shanghai', '--store', join(dir, 'store'), '--redis', redis.url);
    expect(add.code).toBe(0);
    const list = (await cli('schedule', 'list', '--redis', redis.url)).json;
    expect(list).toEqual([expect.objectContaining({ id: 'nightly', cron: '0 2 * * *', tz: 'Asia/Shanghai', next: expect.any(String) })]);
    expect(list[0].data).toEqual({ sources: join(dir, 'sources.yaml'), store: join(dir, 'store') });
    expect((await cli('schedule', 'remove', 'nightly', '--redis', redis.url)).json[0]).toEqual({ removed: true, id: 'nightly' });
    expect((await cli('schedule', 'list', '--redis', redis.url)).json).toEqual([]);
  });

  it('a scheduled crawl, run by a worker, queues what it found; the document lands in PostgreSQL', { timeout: 180_000 }, async () => {
    const site = await startFakeSite();
    // one document on the list page keeps this short
    site.pages.set('/list/index.html', [['/files/a.pdf', '忻州市信访局2024年部门预算']]);
    const sources = join(dir, 'site.yaml');
    writeFileSync(sources, `sources:\n  - name: fake\n    start: ["${site.url}/list/index.html"]\n    allowPrivate: true\n    rate: 50\n`);
    const w = worker(['-o', join(dir, 'out-s'), '--concurrency', '2']);
    try {
      const add = await cli('schedule', 'add', 'every-second', sources, '--cron', '* * * * * *', '--store', join(dir, 'crawl-store'), '--redis', redis.url);
      expect(add.code).toBe(0);
      await waitFor('the crawled document in PostgreSQL', async () => (await db.pool.query(`SELECT 1 FROM documents WHERE name = 'a.pdf'`)).rowCount === 1, 150_000);
      expect((await cli('schedule', 'remove', 'every-second', '--redis', redis.url)).code).toBe(0);
      const crawls = w.lines.filter((l) => l.event === 'job' && l.name === 'crawl');
      expect(crawls.length).toBeGreaterThan(0);
      // later crawls found it unchanged: one download, one extract job
      expect(site.hits.filter((h) => h.path === '/files/a.pdf' && h.status === 200)).toHaveLength(1);
      const doc = (await db.pool.query(`SELECT path, n_facts FROM documents WHERE name = 'a.pdf'`)).rows[0];
      expect(doc.path).toContain(join(dir, 'crawl-store', 'objects'));
      expect(doc.n_facts).toBe(391);
      // the change feed's table, beside the documents
      const feed = (await db.pool.query(`SELECT change, url, link_text FROM crawl_changes`)).rows;
      expect(feed).toEqual([{ change: 'new', url: `${site.url}/files/a.pdf`, link_text: '忻州市信访局2024年部门预算' }]);
    } finally {
      w.p.kill('SIGTERM');
      await w.exited;
      await site.close();
    }
  });

  it('the PostgreSQL tables are those of TABLES, column for column', async () => {
    await db.open();
    for (const [k, def] of Object.entries(TABLES)) {
      const r = await db.pool.query(`SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1 ORDER BY ordinal_position`, [tableName(k)]);
      expect(r.rows.map((x) => x.column_name)).toEqual(def.cols.map((c) => c[0]));
    }
  });
});

describe('queue commands without a reachable Redis', () => {
  it('say so in one line and exit 1, rather than wait forever', { timeout: 60_000 }, async () => {
    ensureDist();
    const r = await runCli(['queue', 'status', '--redis', 'redis://127.0.0.1:1']);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^yusuan: cannot reach Redis at 127\.0\.0\.1:1: /)]);
    const bad = await runCli(['queue', 'status', '--redis', 'http://127.0.0.1:1']);
    expect(bad.code).toBe(2);
  });
});
