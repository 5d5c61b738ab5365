/**
 * The distributed mode's subcommands (docs/distributed.md): `queue add|status|failed|retry`,
 * `worker`, `schedule add|list|remove`. Results are JSON on stdout; problems one line on stderr.
 */
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { DEFAULT_TIMEOUT_S, EXIT } from '../batch/run.js';

// BullMQ and the worker are loaded when a command of theirs runs, not on every `yusuan extract`
const admin = () => import('./admin.js');

const json = (o: unknown): void => {
  process.stdout.write(`${JSON.stringify(o)}\n`);
};

function positive(v: string, name: string, integer: boolean): number {
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0 || (integer && !Number.isInteger(n))) throw new Error(`${name} must be a positive ${integer ? 'whole ' : ''}number (got ${JSON.stringify(v)})`);
  return n;
}

/** Run a command body: usage problems exit 2, a service that cannot be reached (or any other failure) exits 1, with one line. */
async function guarded(setCode: (c: number) => void, fn: () => Promise<number | void>): Promise<void> {
  try {
    setCode((await fn()) ?? EXIT.ok);
  } catch (e) {
    const msg = (e as Error).message ?? String(e);
    process.stderr.write(`yusuan: ${msg}\n`);
    setCode(/must be|--redis must|not valid|Invalid/i.test(msg) ? EXIT.usage : EXIT.failed);
  }
}

/** Resolves when the queue has nothing waiting, delayed or active (checked every second). */
async function untilEmpty(redis: string): Promise<void> {
  const { STATES } = await admin();
  const { openQueue } = await import('./jobs.js');
  const q = await openQueue(redis);
  try {
    for (;;) {
      await new Promise((r) => setTimeout(r, 1000));
      const c = await q.getJobCounts(...STATES.filter((s) => s !== 'completed' && s !== 'failed'));
      if (Object.values(c).every((n) => n === 0)) return;
    }
  } finally {
    await q.close();
  }
}

export function registerQueueCommands(program: Command, setCode: (c: number) => void): void {
  const queue = program.command('queue').description('the Redis work queue shared by `yusuan worker` processes (docs/distributed.md)');
  queue
    .command('add')
    .description('queue inputs for extraction: files, directories, globs, or http(s) URLs; each document is queued once (by its SHA-256)')
    .argument('<inputs...>')
    .requiredOption('--redis <url>', 'Redis URL, e.g. redis://127.0.0.1:6379')
    .option('--force', 'queue again documents already queued or done')
    .option('--allow-private', 'URL inputs may be on loopback or private addresses')
    .action((inputs: string[], o: { redis: string; force?: boolean; allowPrivate?: boolean }) =>
      guarded(setCode, async () => {
        const r = await (await admin()).queueAdd(inputs, o);
        for (const m of r.missing) process.stderr.write(`yusuan: ${m}: matches no file\n`);
        json(r);
        return r.missing.length ? EXIT.failed : r.queued ? EXIT.ok : EXIT.usage;
      }),
    );
  queue
    .command('status')
    .description('JSON counts of jobs by state (waiting, active, delayed, completed, failed …) and the number of workers')
    .requiredOption('--redis <url>', 'Redis URL')
    .action((o: { redis: string }) => guarded(setCode, async () => json(await (await admin()).queueStatus(o.redis))));
  queue
    .command('failed')
    .description('the failed jobs, one JSON line each: input, reason, attempts')
    .requiredOption('--redis <url>', 'Redis URL')
    .action((o: { redis: string }) => guarded(setCode, async () => (await (await admin()).queueFailed(o.redis)).forEach(json)));
  queue
    .command('retry')
    .description('move every failed job back to the queue')
    .requiredOption('--redis <url>', 'Redis URL')
    .action((o: { redis: string }) => guarded(setCode, async () => json({ retried: await (await admin()).queueRetry(o.redis) })));

  program
    .command('worker')
    .description('take jobs from the queue and run them here: the same per-file work and limits as `extract`; stops on SIGINT/SIGTERM after the jobs in hand')
    .requiredOption('--redis <url>', 'Redis URL')
    .option('--db <url-or-file>', 'results database: postgres://… (shared) or a SQLite file')
    .option('-o, --out <dir>', 'output directory', 'out')
    .option('--concurrency <n>', 'documents at once (worker threads)', String(availableParallelism()))
    .option('--timeout <seconds>', 'per-file limit', String(DEFAULT_TIMEOUT_S))
    .option('--lock <seconds>', 'how long a job stays claimed by a worker that stopped answering (killed) before another worker takes it', '30')
    .option('--until-empty', 'exit once the queue has nothing waiting or active')
    .action((o: { redis: string; db?: string; out: string; concurrency: string; timeout: string; lock: string; untilEmpty?: boolean }) =>
      guarded(setCode, async () => {
        const { startWorker } = await import('./worker.js');
        const w = await startWorker({
          redis: o.redis,
          ...(o.db ? { db: o.db } : {}),
          out: o.out,
          concurrency: positive(o.concurrency, '--concurrency', true),
          timeoutS: positive(o.timeout, '--timeout', false),
          lockMs: Math.round(positive(o.lock, '--lock', false) * 1000),
          log: json,
        });
        await new Promise<void>((done) => {
          const stop = () => void w.close().then(done);
          process.once('SIGINT', stop);
          process.once('SIGTERM', stop);
          if (o.untilEmpty) void untilEmpty(o.redis).then(stop);
        });
      }),
    );

  const schedule = program.command('schedule').description('crawls repeated on a cron expression (BullMQ job schedulers), run by the workers');
  schedule
    .command('add')
    .description('add or replace the schedule <id>: crawl SOURCES into --store on --cron and queue what is new or changed')
    .argument('<id>')
    .argument('<sources>', 'sources file (JSON or YAML), on a path the workers see')
    .requiredOption('--redis <url>', 'Redis URL')
    .requiredOption('--cron <expression>', 'e.g. "0 2 * * *" (02:00 every day)')
    .requiredOption('--store <dir>', 'download store, on a path the workers see')
    .option('--feed <file>', 'JSON-lines change feed (default <store>/changes.jsonl)')
    .option('--tz <zone>', 'time zone of the cron expression, e.g. Asia/Shanghai')
    .action((id: string, sources: string, o: { redis: string; cron: string; store: string; feed?: string; tz?: string }) =>
      guarded(setCode, async () => {
        await (await admin()).scheduleAdd(id, {
          redis: o.redis,
          cron: o.cron,
          ...(o.tz ? { tz: o.tz } : {}),
          data: { sources: resolve(sources), store: resolve(o.store), ...(o.feed ? { feed: resolve(o.feed) } : {}) },
        });
        json({ scheduled: id, cron: o.cron });
      }),
    );
  schedule
    .command('list')
    .description('the schedules, one JSON line each, with their next run')
    .requiredOption('--redis <url>', 'Redis URL')
    .action((o: { redis: string }) => guarded(setCode, async () => (await (await admin()).scheduleList(o.redis)).forEach(json)));
  schedule
    .command('remove')
    .argument('<id>')
    .requiredOption('--redis <url>', 'Redis URL')
    .action((id: string, o: { redis: string }) =>
      guarded(setCode, async () => {
        const removed = await (await admin()).scheduleRemove(o.redis, id);
        json({ removed, id });
        return removed ? EXIT.ok : EXIT.failed;
      }),
    );
}
