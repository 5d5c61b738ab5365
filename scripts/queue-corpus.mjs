#!/usr/bin/env node
/**
 * The distributed mode's crash run (issue: exactly once, whatever dies), on the corpus PDFs:
 * a redis-server and a PostgreSQL cluster of its own; every PDF queued; two worker processes; one
 * killed with SIGKILL while it is mid-document; a third started. Then: every document in
 * PostgreSQL exactly once, its facts equal to a local `yusuan extract` of the same files, no job
 * lost, failed or stuck. The result goes to BENCHMARKS.md (section "queue-crash") and stdout.
 *
 *   npm run build && node scripts/queue-corpus.mjs [--corpus DIR] [--kill-after N] [--lock SECONDS]
 * Not a CI test (it needs the shared corpus and several minutes).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, arg, machine, runYusuan, writeSection } from './bench-common.mjs';
import { compareFacts, pdfsUnder, startWorker, yusuanJson } from './queue-common.mjs';
import { startPostgres, startRedis } from './services.mjs';

const corpus = path.resolve(ROOT, arg('corpus', '../shared/corpus'));
const killAfter = Number(arg('kill-after', '8'));
const lock = arg('lock', '10');
const log = (s) => process.stderr.write(`queue-corpus: ${s}\n`);

if (!existsSync(corpus)) {
  log(`${corpus} not found`);
  process.exit(2);
}
const pdfs = pdfsUnder(corpus);
const work = mkdtempSync(path.join(os.tmpdir(), 'yusuan-queue-corpus-'));
const m = machine();
log(`${pdfs.length} PDFs; machine: ${m.nproc} cores, load ${m.load}; work ${work}`);
const [redis, pgs] = await Promise.all([startRedis(), startPostgres()]);
const procs = [];
try {
  const t0 = performance.now();
  const added = yusuanJson(['queue', 'add', ...pdfs, '--redis', redis.url])[0];
  log(`queued ${added.queued}`);
  const common = ['--redis', redis.url, '--db', pgs.url, '--concurrency', '1', '--lock', lock];
  let killed;
  const done = { a: 0, b: 0, c: 0 };
  const a = startWorker([...common, '-o', path.join(work, 'out-a')], {
    onEvent: (ev) => {
      if (ev.event === 'job' && ++done.a === killAfter) {
        // A takes its next job as soon as it finishes one: a moment later it is mid-document
        setTimeout(() => {
          a.p.kill('SIGKILL');
          killed = { afterJobs: done.a, atSec: Math.round((performance.now() - t0) / 100) / 10 };
          log(`killed worker A (SIGKILL) after ${done.a} jobs, half a second into its next; starting worker C`);
          const c = startWorker([...common, '-o', path.join(work, 'out-c'), '--until-empty'], { onEvent: (e) => e.event === 'job' && done.c++ });
          procs.push(c);
          // the job A held stays active until its lock expires; then B or C takes it
          killed.activeAfterKill = yusuanJson(['queue', 'status', '--redis', redis.url])[0].active;
        }, 500);
      }
    },
  });
  const b = startWorker([...common, '-o', path.join(work, 'out-b'), '--until-empty'], { onEvent: (ev) => ev.event === 'job' && done.b++ });
  procs.push(a, b);
  const bEnd = await b.exited;
  // C exists once A was killed; wait for it too
  while (procs.length < 3) await new Promise((r) => setTimeout(r, 500));
  const cEnd = await procs[2].exited;
  const queueSec = Math.round((performance.now() - t0) / 100) / 10;
  const status = yusuanJson(['queue', 'status', '--redis', redis.url])[0];
  const failed = yusuanJson(['queue', 'failed', '--redis', redis.url]);
  const jobEvents = procs.flatMap((w) => w.events.filter((e) => e.event === 'job'));
  // the job A held when it was killed: BullMQ counts it as stalled once, then another worker completed it
  const { Queue } = await import('bullmq');
  const q = new Queue('yusuan', { connection: { url: redis.url } });
  const completed = await q.getCompleted(0, -1);
  await q.close();
  const recovered = completed.filter((j) => j.stalledCounter > 0).map((j) => path.basename(j.data.input));
  log(`queue done in ${queueSec} s: ${JSON.stringify(status)}; local extract for comparison …`);

  const local = await runYusuan([...pdfs, '-o', path.join(work, 'local'), '--jobs', '2']);
  const cmp = await compareFacts(pgs.url, path.join(work, 'local', 'yusuan.sqlite'));
  const result = {
    date: m.date,
    machine: `${m.nproc} cores, ${m.cpu}, ${m.ramGiB} GiB, Node ${m.node}`,
    pdfs: pdfs.length,
    queued: added.queued,
    killed,
    jobsByWorker: done,
    workerExit: { b: bEnd.code, c: cEnd.code },
    status,
    failed: failed.length,
    jobRuns: jobEvents.length,
    recoveredFromKilledWorker: recovered,
    queueSec,
    localExit: local.code,
    facts: cmp,
  };
  const ok =
    killed && jobEvents.length === pdfs.length && recovered.length === 1 && status.completed === pdfs.length && status.failed === 0 && status.active === 0 && status.waiting === 0 && status.delayed === 0 &&
    cmp.sharedDocuments === pdfs.length && cmp.sharedDistinct === pdfs.length && cmp.equal && cmp.localFacts === cmp.sharedFacts;
  result.verdict = ok ? 'pass' : 'FAIL';
  process.stdout.write(`${JSON.stringify(result, null, 1)}\n`);
  writeSection(
    'queue-crash',
    `## Queue: a worker killed mid-run over the corpus (\`node scripts/queue-corpus.mjs\`)

${m.date.slice(0, 10)}, ${result.machine}. ${pdfs.length} corpus PDFs queued to Redis; workers A and B
(\`yusuan worker --concurrency 1 --lock ${lock} --db postgres://…\`, one redis-server with AOF and one
PostgreSQL 15 cluster of the script's own); A killed with SIGKILL half a second after its job ${killed?.afterJobs} (${done.a} finished in all, the last lines read after the kill), in the middle of the next
(${killed?.activeAfterKill} jobs active just after the kill, A's orphan among them), at ${killed?.atSec} s; worker C started then.
Every job ran to completion once: ${jobEvents.length} completions for ${pdfs.length} jobs. The job A held
(${recovered.join(', ') || 'none'}) was recovered as stalled after its lock expired and completed by B or C.

| | |
| --- | --- |
| jobs recovered from the killed worker (stalled, then completed elsewhere) | ${recovered.length} |
| jobs done by A / B / C | ${done.a} (killed) / ${done.b} / ${done.c} |
| queue at the end | ${status.completed} completed, ${status.failed} failed, ${status.active} active, ${status.waiting} waiting, ${status.delayed} delayed |
| documents in PostgreSQL | ${cmp.sharedDocuments} rows, ${cmp.sharedDistinct} distinct SHA-256 |
| facts | PostgreSQL ${cmp.sharedFacts}, local \`extract\` ${cmp.localFacts}: ${cmp.equal ? 'equal, row for row, every column' : `differ from row ${cmp.firstDiff}`} |
| wall time, queue (add → last worker exits) | ${queueSec} s (includes ${lock} s of lock expiry for A's job) |
| verdict | **${result.verdict}** |
`,
  );
  process.exitCode = ok ? 0 : 1;
} finally {
  for (const w of procs) if (w.p.exitCode === null && w.p.signalCode === null) w.p.kill('SIGKILL');
  await redis.stop();
  await pgs.stop();
  rmSync(work, { recursive: true, force: true });
}
