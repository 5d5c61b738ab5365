/**
 * A pool of worker *processes*, one input per worker at a time, each input with its own deadline
 * and a hard memory ceiling (docs/batch.md, "Memory ceiling").
 *
 * Processes, not threads: a thread's resource limits cover only its V8 heap, while pdf.js inflates
 * streams into ArrayBuffers outside it (a 2 MB PDF can inflate to GBs). A process can be given a
 * kernel limit on everything it allocates (RLIMIT_DATA, set with util-linux `prlimit` when the
 * worker starts); past it, an allocation fails inside the worker, which reports the input as
 * `too-large`, or the worker dies and the pool reports it so. The pool also watches each worker's
 * resident memory and stops one that grows past the ceiling (systems without `prlimit`).
 * A document still running at the deadline has its worker killed (`timeout`); the run goes on and
 * a new worker takes the next input.
 */
import { fork, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { emptyResult, type FileResult, type FileTask } from './task.js';
import { isOutOfMemory, TOO_LARGE_HINT } from '../core/memory.js';

/**
 * Old-generation heap limit per worker (MB): keeps each worker's memory flat over long runs.
 * V8 lets a heap grow by a factor that rises from 1.4 at this limit to 4 at 2048 MB and above, so
 * 2048 is ~15 % faster (a quarter of the full collections) for ~150 MB more per worker (BENCHMARKS.md).
 * It is capped by the memory ceiling.
 */
export const WORKER_HEAP_MB = Number(process.env.YUSUAN_WORKER_HEAP_MB ?? 512);

/** Memory ceiling per worker (MB), everything it allocates: --max-memory, else YUSUAN_MAX_MEMORY_MB, else 1024. */
export const DEFAULT_MAX_MEMORY_MB = Number(process.env.YUSUAN_MAX_MEMORY_MB ?? 1024);

/** The compiled worker: beside this module in dist/, or dist/ seen from the sources (tests run from src/). */
export function workerFile(): string {
  for (const rel of ['./worker.js', '../../dist/src/batch/worker.js']) {
    const url = new URL(rel, import.meta.url);
    if (existsSync(fileURLToPath(url))) return fileURLToPath(url);
  }
  throw new Error('the batch worker is not compiled (dist/src/batch/worker.js): run `npm run build`');
}

let prlimitPath: string | null | undefined;
/** util-linux prlimit, if this system has it (Linux); null otherwise. */
function prlimit(): string | null {
  if (prlimitPath === undefined) {
    const r = spawnSync('prlimit', ['--version'], { stdio: 'ignore' });
    prlimitPath = r.status === 0 ? 'prlimit' : null;
  }
  return prlimitPath;
}

export interface PoolOptions {
  jobs: number;
  /** per input, in milliseconds */
  timeoutMs: number;
  /** more time for each page the input has read by OCR, in milliseconds (a scan is slow by nature) */
  ocrPageMs?: number;
  /** told of each page read by OCR (progress on long scans) */
  onOcrPage?: (task: FileTask, page: number, pages: number) => void;
  /** memory ceiling per worker, MB */
  maxMemoryMb?: number;
}

/** Resident and peak resident memory of a process, bytes (Linux /proc; undefined elsewhere or once it is gone). */
function procMemory(pid: number): { rss: number; hwm: number } | undefined {
  try {
    const s = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (k: string) => Number(new RegExp(`^${k}:\\s+(\\d+)`, 'm').exec(s)?.[1] ?? 0) * 1024;
    return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
  } catch {
    return undefined;
  }
}

const WATCH_MS = 50;

/**
 * Test-only: YUSUAN_TEST_DEADLINE_ONLY_ON=<name>[,…] arms the per-file deadline only for inputs
 * with those file names, so that a test of a short --timeout on a hanging input (the worker's
 * YUSUAN_TEST_HANG_ON) cannot also time out the ordinary inputs of a busy machine.
 */
const DEADLINE_ONLY_ON = new Set((process.env.YUSUAN_TEST_DEADLINE_ONLY_ON ?? '').split(',').map((s) => s.trim()).filter(Boolean));
const hasDeadline = (task: FileTask) => !DEADLINE_ONLY_ON.size || DEADLINE_ONLY_ON.has(basename(task.path));
/** The last bytes of a worker's stderr, kept to tell why it died (never printed as is). */
const STDERR_KEEP = 4096;

interface Worker {
  child: ChildProcess;
  stderr: string;
  /** settles when the worker has loaded its code (true) or died before that (false) */
  ready: Promise<boolean>;
}

export class FilePool {
  private readonly idle: Worker[] = [];
  private readonly all = new Set<Worker>();
  readonly maxMemoryMb: number;
  /** peak resident memory of any worker seen by the pool (bytes) */
  peakRss = 0;

  constructor(readonly opts: PoolOptions) {
    this.maxMemoryMb = opts.maxMemoryMb ?? DEFAULT_MAX_MEMORY_MB;
  }

  private spawn(): Worker {
    const ceiling = this.maxMemoryMb * 1024 * 1024;
    // the kernel limit covers data (heap, ArrayBuffers, malloc); the mapped code of node itself is
    // resident too, so data gets the ceiling less a reserve for it, and resident memory stays under the ceiling
    const data = ceiling - Math.min(96 * 1024 * 1024, Math.floor(ceiling / 4));
    // V8's heap must stop below the kernel limit, with room for what lives beside it (code, thread
    // stacks, malloc): a heap as large as the limit made a worker abort on a thread it could not
    // start ("Resource temporarily unavailable") instead of reporting a full heap
    const heapMb = Math.max(64, Math.min(WORKER_HEAP_MB, Math.floor((data / 2 ** 20) * 0.75)));
    const node = [`--max-old-space-size=${heapMb}`];
    const limiter = prlimit();
    const child = fork(workerFile(), [], {
      ...(limiter ? { execPath: limiter, execArgv: [`--data=${data}:${data}`, process.execPath, ...node] } : { execArgv: node }),
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      env: { ...process.env, YUSUAN_MAX_MEMORY_MB: String(this.maxMemoryMb) },
    });
    const ready = new Promise<boolean>((res) => {
      const onReady = (m: { ready?: boolean }) => {
        if (m?.ready) {
          child.off('message', onReady);
          res(true);
        }
      };
      child.on('message', onReady);
      child.once('exit', () => res(false));
    });
    const w: Worker = { child, stderr: '', ready };
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (s: string) => {
      w.stderr = (w.stderr + s).slice(-STDERR_KEEP);
    });
    child.on('exit', () => {
      this.all.delete(w);
      const i = this.idle.indexOf(w);
      if (i >= 0) this.idle.splice(i, 1);
    });
    // an IPC error (the worker gone mid-send) surfaces through 'exit'
    child.on('error', () => undefined);
    this.all.add(w);
    return w;
  }

  /**
   * Run one input. The caller keeps at most `jobs` inputs in flight, so the deadline starts when
   * the input starts, not while it waits in a queue.
   */
  async run(task: FileTask): Promise<FileResult> {
    const w = this.idle.pop() ?? this.spawn();
    // the deadline starts when the worker can start the input, not while node loads its code
    if (!(await w.ready)) {
      const r = emptyResult(task);
      const last = w.stderr.trim().split('\n').slice(-1)[0] ?? '';
      r.error = { reason: 'internal', message: `${task.path}: the worker process could not start${last ? `: ${last.slice(0, 300)}` : ''}` };
      return r;
    }
    const started = performance.now();
    const ceiling = this.maxMemoryMb * 1024 * 1024;
    return new Promise<FileResult>((resolveRun) => {
      let stopped: 'timeout' | 'too-large' | undefined;
      let peak = 0;
      const watch = setInterval(() => {
        const m = w.child.pid ? procMemory(w.child.pid) : undefined;
        if (!m) return;
        peak = Math.max(peak, m.hwm, m.rss);
        this.peakRss = Math.max(this.peakRss, peak);
        if (m.rss > ceiling && !stopped) {
          stopped = 'too-large';
          w.child.kill('SIGKILL');
        }
      }, WATCH_MS);
      const expire = () => {
        stopped ??= 'timeout';
        w.child.kill('SIGKILL');
      };
      let limitMs = this.opts.timeoutMs;
      let timer = hasDeadline(task) ? setTimeout(expire, limitMs) : undefined;
      const done = (r: FileResult, reusable: boolean) => {
        clearInterval(watch);
        clearTimeout(timer);
        w.child.off('message', onMessage);
        w.child.off('exit', onExit);
        if (reusable) this.idle.push(w);
        else if (w.child.exitCode === null && w.child.signalCode === null) w.child.kill('SIGKILL');
        resolveRun(r);
      };
      const onMessage = (msg: { result?: FileResult; recycle?: boolean; page?: { page: number; pages: number; ocr: boolean } }) => {
        if (msg.page?.ocr && !stopped) {
          // a page read by OCR moves the deadline on: --timeout covers the text-layer work, each scanned page adds its own allowance
          limitMs += this.opts.ocrPageMs ?? 0;
          clearTimeout(timer);
          if (hasDeadline(task)) timer = setTimeout(expire, Math.max(0, started + limitMs - performance.now()));
          this.opts.onOcrPage?.(task, msg.page.page, msg.page.pages);
          return;
        }
        const r = msg.result;
        if (!r) return;
        if (r.mem) r.mem.maxRss = Math.max(r.mem.maxRss, peak);
        // a worker that hit its ceiling or saw a stray rejection may be in a bad state: replace it
        done(r, !msg.recycle && !stopped);
      };
      const onExit = (code: number | null, signal: NodeJS.Signals | null) => {
        const r = emptyResult(task, Math.round(performance.now() - started));
        const mb = this.maxMemoryMb;
        if (stopped === 'timeout') {
          r.error = {
            reason: 'timeout',
            message: `${task.path}: took longer than ${Math.round(limitMs / 1000)} s (the per-file limit, --timeout${limitMs > this.opts.timeoutMs ? ', with --ocr-page-timeout for each page read by OCR' : ''}); its worker was stopped`,
          };
        } else if (stopped === 'too-large' || isOutOfMemory(w.stderr, signal)) {
          r.error = { reason: 'too-large', message: `${task.path}: needs more than ${mb} MB of memory (the per-worker ceiling, --max-memory); its worker was stopped. ${TOO_LARGE_HINT}` };
        } else {
          const last = w.stderr.trim().split('\n').filter((l) => !/^\s+at /.test(l)).slice(-1)[0] ?? '';
          r.error = { reason: 'internal', message: `${task.path}: the worker process ended unexpectedly (${signal ?? `exit ${code}`})${last ? `: ${last.slice(0, 300)}` : ''}` };
        }
        r.mem = { rss: 0, heapUsed: 0, maxRss: peak, threadId: w.child.pid ?? 0 };
        done(r, false);
      };
      w.child.on('message', onMessage);
      w.child.once('exit', onExit);
      // gone between its last input and this one: 'exit' has already been emitted
      if (w.child.exitCode !== null || w.child.signalCode !== null) {
        onExit(w.child.exitCode, w.child.signalCode);
        return;
      }
      w.child.send({ task }, (err) => {
        // the worker died before it could take the task: 'exit' reports it
        if (err && !w.child.killed) w.child.kill('SIGKILL');
      });
    });
  }

  async close(): Promise<void> {
    const exits = [...this.all].map((w) => new Promise<void>((res) => (w.child.exitCode !== null || w.child.signalCode !== null ? res() : w.child.once('exit', () => res()))));
    for (const w of this.all) w.child.kill('SIGKILL');
    this.idle.length = 0;
    await Promise.all(exits);
  }
}
