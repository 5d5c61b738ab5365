/**
 * The pool worker (piscina): one input at a time, the work itself in ./task.ts. Compiled to
 * dist/src/batch/worker.js, which the pool loads.
 *
 * Test-only hook: YUSUAN_TEST_HANG_ON=<name>[,<name>…] makes this worker spin forever (a busy loop,
 * as a runaway parse would) on inputs with that file name, so the per-file timeout can be tested.
 * It is read only here, in the worker, and has no other effect.
 */
import { basename } from 'node:path';
import { threadId } from 'node:worker_threads';
import { processFile, type FileResult, type FileTask } from './task.js';

// pdf.js inflates Flate streams through DecompressionStream when that global exists. In Node it is
// zlib behind web streams: per-chunk promises and hops to the libuv thread pool cost more than
// pdf.js's own inflate on content streams and fonts of this size (measured over the corpus, same
// facts byte for byte: -j 1 ~11 % faster, -j 2 unchanged). Only this worker's global is touched;
// a process that uses the library keeps its own.
delete (globalThis as { DecompressionStream?: unknown }).DecompressionStream;

const HANG_ON = new Set((process.env.YUSUAN_TEST_HANG_ON ?? '').split(',').map((s) => s.trim()).filter(Boolean));

function testHang(path: string): void {
  if (HANG_ON.size && HANG_ON.has(basename(path))) {
    // eslint-disable-next-line no-constant-condition
    for (;;) {
      /* simulated runaway document: only the pool's timeout (terminating this thread) ends it */
    }
  }
}

export default async function work(task: FileTask): Promise<FileResult> {
  testHang(task.path);
  const r = await processFile(task);
  const mu = process.memoryUsage();
  r.mem = { rss: mu.rss, heapUsed: mu.heapUsed, maxRss: process.resourceUsage().maxRSS * 1024, threadId };
  return r;
}
