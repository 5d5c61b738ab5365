/**
 * A pool of worker threads (piscina), one input per worker at a time, each input with its own
 * deadline: a document still running at the deadline has its worker terminated (piscina replaces
 * it) and is reported as failed with reason `timeout`; the run goes on.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import { emptyResult, type FileResult, type FileTask } from './task.js';

/**
 * Old-generation heap limit per worker (MB): keeps each worker's memory flat over long runs.
 * V8 lets a heap grow by a factor that rises from 1.4 at this limit to 4 at 2048 MB and above, so
 * 2048 is ~15 % faster (a quarter of the full collections) for ~150 MB more per worker (BENCHMARKS.md).
 */
export const WORKER_HEAP_MB = Number(process.env.YUSUAN_WORKER_HEAP_MB ?? 512);

/** The compiled worker: beside this module in dist/, or dist/ seen from the sources (tests run from src/). */
export function workerFile(): string {
  for (const rel of ['./worker.js', '../../dist/src/batch/worker.js']) {
    const url = new URL(rel, import.meta.url);
    if (existsSync(fileURLToPath(url))) return url.href;
  }
  throw new Error('the batch worker is not compiled (dist/src/batch/worker.js): run `npm run build`');
}

export interface PoolOptions {
  jobs: number;
  /** per input, in milliseconds */
  timeoutMs: number;
}

export class FilePool {
  private readonly piscina: Piscina<FileTask, FileResult>;

  constructor(readonly opts: PoolOptions) {
    this.piscina = new Piscina<FileTask, FileResult>({
      filename: workerFile(),
      minThreads: opts.jobs,
      maxThreads: opts.jobs,
      concurrentTasksPerWorker: 1,
      idleTimeout: 30_000,
      // a bounded old generation makes V8 collect before a worker grows past its share of memory;
      // one document needs far less (measured: 512 MB keeps the process under 400 MB RSS on the corpus for ~15% more time)
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
    });
  }

  /**
   * Run one input. The caller keeps at most `jobs` inputs in flight, so the deadline starts when
   * the input starts, not while it waits in a queue.
   */
  async run(task: FileTask): Promise<FileResult> {
    const started = performance.now();
    const ac = new AbortController();
    const timer = setTimeout(() => ac.abort(), this.opts.timeoutMs);
    try {
      return await this.piscina.run(task, { signal: ac.signal });
    } catch (e) {
      const r = emptyResult(task, Math.round(performance.now() - started));
      if (ac.signal.aborted) {
        r.error = {
          reason: 'timeout',
          message: `${task.path}: took longer than ${Math.round(this.opts.timeoutMs / 1000)} s (the per-file limit, --timeout); its worker was stopped`,
        };
      } else {
        const err = e as Error;
        r.error = { reason: 'internal', message: `${task.path}: the worker failed: ${err?.message ?? String(e)}`, stack: err?.stack };
      }
      return r;
    } finally {
      clearTimeout(timer);
    }
  }

  async close(): Promise<void> {
    await this.piscina.destroy();
  }
}
