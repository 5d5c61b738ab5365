/**
 * `yusuan worker`: takes jobs from the Redis queue (BullMQ) and runs them on this machine. An
 * extract job is the same per-file work as `yusuan extract` (./run-file.ts: same pool, outputs and
 * per-file time and memory limits); its rows go to the results database in one transaction, and
 * only then is the job acknowledged. So whatever dies:
 *  - the worker (kill -9): the transaction never committed, the job's lock expires and BullMQ's
 *    stalled-job check hands it to another worker, which stores it once (keyed by SHA-256);
 *  - the database: the job fails and is retried with backoff;
 *  - Redis: the worker reconnects; with AOF persistence no job is lost (docs/distributed.md).
 * A crawl job (from `yusuan schedule`) crawls a sources file and queues what is new or changed.
 */
import { appendFileSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { UnrecoverableError, Worker, type Job } from 'bullmq';
import { manifestEntry } from '../batch/run.js';
import { VERSION } from '../version.js';
import { CrawlJobData, ExtractJobData, JOB, QUEUE_NAME, checkRedis, connection } from './jobs.js';
import { FileRunner, type FileResult } from './run-file.js';
import { openResultsStore, type ResultsStore } from './results-store.js';
import { fetchInput, isUrl } from './url-input.js';

export interface WorkerOptions {
  redis: string;
  /** postgres://… or a SQLite file; none: outputs only */
  db?: string;
  out: string;
  concurrency: number;
  timeoutS: number;
  /** how long a job stays claimed by a worker that stopped answering (ms) */
  lockMs: number;
  /** log one JSON line */
  log: (o: object) => void;
}

/** Failures that another attempt cannot mend: the input itself is the problem. */
const PERMANENT = new Set(['unreadable', 'empty', 'unknown-format', 'not-pdf', 'encrypted', 'corrupt', 'no-text-layer', 'timeout']);

export interface RunningWorker {
  worker: Worker;
  close(): Promise<void>;
}

export async function startWorker(opts: WorkerOptions): Promise<RunningWorker> {
  await checkRedis(opts.redis);
  const out = resolve(opts.out);
  mkdirSync(out, { recursive: true });
  const store: ResultsStore | undefined = opts.db ? await openResultsStore(opts.db) : undefined;
  const runner = new FileRunner({ jobs: opts.concurrency, timeoutS: opts.timeoutS });
  const manifest = join(out, 'manifest.jsonl');

  const extractJob = async (job: Job): Promise<object> => {
    const data = ExtractJobData.parse(job.data);
    if (store && data.sha256 && (await store.has(data.sha256, VERSION))) {
      return { path: data.input, sha256: data.sha256, status: 'skipped', reason: 'stored with this hash and version' };
    }
    const absPath = isUrl(data.input) ? await fetchInput(data.input, join(out, '.downloads'), data.allowPrivate) : data.input;
    const r: FileResult = await runner.run({
      path: data.input,
      absPath,
      outDir: join(out, data.output),
      output: data.output,
      // with a database, the database says what is done (it is shared; this machine's folders are not)
      force: !!store,
      wantRows: !!store,
    });
    if (r.status === 'failed') {
      await store?.forgetStale(data.input, r.sha256);
      const reason = r.error?.reason ?? 'internal';
      const message = `[${reason}] ${r.error?.message ?? data.input}`;
      appendFileSync(manifest, `${JSON.stringify(manifestEntry(r))}\n`);
      // a crashed pool worker may be the machine's fault (memory): retried; a bad input is not
      throw PERMANENT.has(reason) ? new UnrecoverableError(message) : new Error(message);
    }
    if (store && r.rows) {
      // the input as queued (a URL stays a URL), not where this machine keeps its bytes
      r.rows.document.path = data.input;
      await store.upsert(r.rows);
    }
    delete r.rows;
    const entry = manifestEntry(r);
    // one write per line: lines of several workers sharing --out do not interleave
    appendFileSync(manifest, `${JSON.stringify(entry)}\n`);
    return entry;
  };

  const crawlJob = async (job: Job): Promise<object> => {
    const data = CrawlJobData.parse(job.data);
    const { crawlAndQueue } = await import('../crawl/run.js');
    return crawlAndQueue({ sources: data.sources, store: data.store, ...(data.feed ? { feed: data.feed } : {}), redis: opts.redis, ...(opts.db ? { db: opts.db } : {}) });
  };

  const worker = new Worker(
    QUEUE_NAME,
    async (job) => {
      const t0 = performance.now();
      try {
        const res = job.name === JOB.crawl ? await crawlJob(job) : await extractJob(job);
        opts.log({ event: 'job', id: job.id, name: job.name, attempt: job.attemptsMade + 1, status: (res as { status?: string }).status ?? 'done', ms: Math.round(performance.now() - t0), pid: process.pid });
        return res;
      } catch (e) {
        opts.log({ event: 'job', id: job.id, name: job.name, attempt: job.attemptsMade + 1, status: 'failed', error: (e as Error).message, ms: Math.round(performance.now() - t0), pid: process.pid });
        throw e;
      }
    },
    {
      connection: connection(opts.redis),
      concurrency: opts.concurrency,
      lockDuration: opts.lockMs,
      stalledInterval: Math.max(1000, Math.round(opts.lockMs / 2)),
      // a document that kills its worker this many times is failed rather than retried forever
      maxStalledCount: 3,
      autorun: true,
    },
  );
  worker.on('error', (e) => opts.log({ event: 'error', message: e.message, pid: process.pid }));
  await worker.waitUntilReady();
  opts.log({ event: 'worker', pid: process.pid, concurrency: opts.concurrency, db: store?.where ?? null, out, yusuan: VERSION });

  let closing: Promise<void> | undefined;
  return {
    worker,
    close: () =>
      (closing ??= (async () => {
        // finishes the jobs in hand, takes no more
        await worker.close();
        await runner.close();
        await store?.close();
      })()),
  };
}
