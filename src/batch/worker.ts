/**
 * The pool worker, a child process (./pool.ts): takes one input at a time over IPC and runs the
 * work itself (./task.ts processFile). Compiled to dist/src/batch/worker.js, which the pool starts.
 *
 * A promise that pdf.js rejects without a handler (XRefEntryException, FormatError in a broken
 * object stream) would end the process: here it ends the current input as `corrupt` instead, and
 * the worker is replaced after it, as its state is then unknown.
 *
 * Test-only hooks, read only here, in the worker, with no other effect:
 * YUSUAN_TEST_HANG_ON=<name>[,<name>…] makes this worker spin forever (a busy loop, as a runaway
 * parse would) on inputs with that file name, so the per-file timeout can be tested;
 * YUSUAN_TEST_STRAY_REJECTION=<name>[,…] rejects a promise nobody handles while such an input is
 * read, as pdf.js does on some broken cross-reference tables (XRefEntryException).
 */
import { basename } from 'node:path';
import { Worker } from 'node:worker_threads';
import { classifyPdfError } from '../../extractors/pdf/load-document.js';
import { ExtractionError } from '../core/errors.js';
import { emptyResult, processFile, type FileResult, type FileTask } from './task.js';
import { isAllocationFailure, outOfMemoryDetail } from '../core/memory.js';

// pdf.js inflates Flate streams through DecompressionStream when that global exists. In Node it is
// zlib behind web streams: per-chunk promises and hops to the libuv thread pool cost more than
// pdf.js's own inflate on content streams and fonts of this size (measured over the corpus, same
// facts byte for byte: -j 1 ~11 % faster, -j 2 unchanged). Only this worker's global is touched;
// a process that uses the library keeps its own.
delete (globalThis as { DecompressionStream?: unknown }).DecompressionStream;

const names = (v: string | undefined) => new Set((v ?? '').split(',').map((s) => s.trim()).filter(Boolean));
const HANG_ON = names(process.env.YUSUAN_TEST_HANG_ON);
const STRAY_ON = names(process.env.YUSUAN_TEST_STRAY_REJECTION);

function testHooks(path: string): void {
  if (STRAY_ON.has(basename(path))) {
    void Promise.reject(Object.assign(new Error('Bad (uncompressed) XRef entry: 12R'), { name: 'XRefEntryException' }));
  }
  if (HANG_ON.size && HANG_ON.has(basename(path))) {
    // eslint-disable-next-line no-constant-condition
    for (;;) {
      /* simulated runaway document: only the pool's timeout (killing this process) ends it */
    }
  }
}

/** What an error that escaped every handler means for the input being read. */
function strayError(task: FileTask, e: unknown): ExtractionError {
  if (isAllocationFailure(e)) {
    return new ExtractionError(task.path, 'too-large', outOfMemoryDetail());
  }
  return classifyPdfError(task.path, e, task.password !== undefined);
}

let current: { task: FileTask; fail: (e: unknown) => void } | undefined;
/** a stray error came between inputs: nothing to blame, but this worker is replaced after its next input */
let tainted = false;

function onStray(e: unknown): void {
  if (current) current.fail(e);
  else tainted = true;
}
process.on('unhandledRejection', onStray);
process.on('uncaughtException', onStray);
// the run ended or was killed: nothing is left to report to
process.on('disconnect', () => process.exit(0));
// …and if it was killed while this process is stuck in a runaway parse, 'disconnect' never runs:
// a watchdog thread notices the parent is gone and ends the process, so no orphan spins on
if (process.send) {
  const watchdog = new Worker(
    `const ppid = ${process.ppid}; setInterval(() => { if (process.ppid !== ppid) process.kill(${process.pid}, 'SIGKILL'); }, 500);`,
    { eval: true, resourceLimits: { maxOldGenerationSizeMb: 8 } },
  );
  watchdog.unref();
}

export async function work(task: FileTask): Promise<{ result: FileResult; recycle: boolean }> {
  testHooks(task.path);
  const cpu0 = process.cpuUsage();
  let recycle = tainted;
  const stray = new Promise<FileResult>((resolveStray) => {
    current = {
      task,
      fail: (e) => {
        recycle = true;
        const r = emptyResult(task);
        const err = strayError(task, e);
        r.error = { reason: err.reason, message: err.message };
        resolveStray(r);
      },
    };
  });
  let r: FileResult;
  try {
    // each page read by OCR is told to the pool, which gives the input more time (--ocr-page-timeout)
    r = await Promise.race([processFile(task, (page, pages, ocr) => ocr && process.send?.({ page: { page, pages, ocr } })), stray]);
  } finally {
    current = undefined;
  }
  if (r.error?.reason === 'too-large') recycle = true;
  const mu = process.memoryUsage();
  const cpu = process.cpuUsage(cpu0);
  r.mem = { rss: mu.rss, heapUsed: mu.heapUsed, maxRss: process.resourceUsage().maxRSS * 1024, threadId: process.pid };
  r.cpuMs = Math.round((cpu.user + cpu.system) / 1000);
  return { result: r, recycle };
}

process.on('message', (msg: { task: FileTask }) => {
  void work(msg.task).then((m) => process.send?.(m));
});
// the code is loaded (pdf.js too, lazily, on the first PDF): the pool may start the clock
process.send?.({ ready: true });
