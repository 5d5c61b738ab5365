/**
 * Telling "this input needs more memory than a worker may have" from a bug: the worker's own
 * allocation failures (the kernel's limit refuses an ArrayBuffer, V8's heap is full) and the way
 * a worker process dies when it runs out.
 */

export const TOO_LARGE_HINT = 'A bigger ceiling (--max-memory) may read it, if the machine has the memory.';

/**
 * A JavaScript allocation that failed for lack of memory (not a bug in the caller). pdf.js passes
 * errors of its worker code on as its own UnknownErrorException, so the message is what tells.
 */
export function isAllocationFailure(e: unknown): boolean {
  const msg = (e as { message?: unknown } | undefined)?.message;
  return typeof msg === 'string' && /allocation failed|Invalid (typed )?array length|Invalid string length|Array buffer allocation|out of memory/i.test(msg);
}

/** The message of a too-large input that ran out of memory. */
export function outOfMemoryDetail(): string {
  const mb = process.env.YUSUAN_MAX_MEMORY_MB;
  return `needs more memory than a worker may have${mb ? ` (${mb} MB, the per-worker ceiling, --max-memory)` : ''}: a decompression bomb, or simply too big. ${TOO_LARGE_HINT}`;
}

/**
 * A worker process that died of memory exhaustion: V8's fatal out-of-memory report, or killed while
 * allocating. Under the kernel's data limit a thread that cannot get its stack fails with EAGAIN
 * ("Resource temporarily unavailable") and node aborts, and C++ code aborts on std::bad_alloc: that is memory too.
 */
export function isOutOfMemory(stderr: string, signal: NodeJS.Signals | null): boolean {
  return /out of memory|allocation failed|Invalid array length|Reached heap limit/i.test(stderr) || (signal === 'SIGABRT' && /heap|memory|bad_alloc|Resource temporarily unavailable/i.test(stderr));
}
