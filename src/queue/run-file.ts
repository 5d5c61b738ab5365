/**
 * The one place the queue calls the batch's per-file work (src/batch): the same pool, task and
 * limits as `yusuan extract`, so a worker's outputs equal a local run's. If the batch's task or
 * pool signature changes, this adapter is what follows it.
 */
import { FilePool } from '../batch/pool.js';
import type { FileResult, FileTask } from '../batch/task.js';
import { DEFAULT_OCR_PAGE_TIMEOUT_S } from '../batch/run.js';

export type { FileResult } from '../batch/task.js';

export interface FileRunnerOptions {
  /** files in flight at once (worker threads) */
  jobs: number;
  /** per-file limit, seconds */
  timeoutS: number;
}

export interface FileJob {
  /** the input as named in the job (shown and stored) */
  path: string;
  /** where its bytes are on this machine */
  absPath: string;
  /** output folder and its name under --out */
  outDir: string;
  output: string;
  /** redo even if the output folder is complete (the results database decides skips instead) */
  force: boolean;
  /** return the database rows */
  wantRows: boolean;
}

export class FileRunner {
  private readonly pool: FilePool;

  constructor(opts: FileRunnerOptions) {
    // the same limits as extract: --timeout, and more time for each page read by OCR
    this.pool = new FilePool({ jobs: opts.jobs, timeoutMs: opts.timeoutS * 1000, ocrPageMs: DEFAULT_OCR_PAGE_TIMEOUT_S * 1000 });
  }

  run(job: FileJob): Promise<FileResult> {
    const task: FileTask = { path: job.path, absPath: job.absPath, outDir: job.outDir, output: job.output, force: job.force, wantRows: job.wantRows };
    return this.pool.run(task);
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}
