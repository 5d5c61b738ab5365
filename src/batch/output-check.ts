/**
 * The output folder must be writable before any work starts, and a write that fails during the
 * run (disk full, folder made read-only) must end the run with one line naming the path and the
 * reason (exit 5), not a stack trace. Checked up front: not inside a virtual file system (/proc,
 * /sys, /dev, where a recursive mkdir can spin forever), no parent that is a file, the folder can
 * be created, a file can be written and synced there, and some space is free.
 */
import { closeSync, fsyncSync, mkdirSync, openSync, realpathSync, rmSync, statSync, statfsSync, writeSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export class OutputError extends Error {
  constructor(
    readonly path: string,
    readonly why: string,
  ) {
    super(`${path}: cannot write the output: ${why}`);
  }
}

/** Free space below which a run does not start (bytes). */
const MIN_FREE = 16 * 1024 * 1024;
const VIRTUAL = ['/proc', '/sys', '/dev'];

const REASONS: Record<string, string> = {
  ENOSPC: 'no space left on the device (disk full)',
  EDQUOT: 'disk quota exceeded',
  EROFS: 'read-only file system',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EEXIST: 'a file of that name is in the way',
  EISDIR: 'a folder of that name is in the way',
  ENAMETOOLONG: 'the path is too long',
  EIO: 'input/output error on the device',
  ENOENT: 'a folder of the path does not exist',
  ELOOP: 'too many symbolic links in the path',
  EMFILE: 'too many open files',
};

/** A file-system error that means the output cannot be written, as a plain reason; undefined for anything else. */
export function outputFailure(e: unknown): string | undefined {
  const code = (e as { code?: unknown } | undefined)?.code;
  if (typeof code !== 'string') return undefined;
  if (REASONS[code]) return `${REASONS[code]} (${code})`;
  // better-sqlite3's codes for the same conditions
  if (code === 'SQLITE_FULL') return 'no space left on the device (disk full, SQLITE_FULL)';
  if (code === 'SQLITE_READONLY' || code.startsWith('SQLITE_READONLY_')) return `the database is read-only (${code})`;
  if (code === 'SQLITE_CANTOPEN') return 'the database file cannot be opened (SQLITE_CANTOPEN)';
  if (code.startsWith('SQLITE_IOERR')) return `input/output error writing the database (${code})`;
  return undefined;
}

function nearestExisting(p: string): string {
  let cur = p;
  for (;;) {
    try {
      statSync(cur);
      return cur;
    } catch {
      const up = dirname(cur);
      if (up === cur) return cur;
      cur = up;
    }
  }
}

/** Make sure `out` exists and takes files; throws OutputError naming the path and the reason. */
export function checkOutput(outArg: string): string {
  const out = resolve(outArg);
  const existing = nearestExisting(out);
  let real = existing;
  try {
    real = realpathSync(existing);
  } catch {
    /* checked by mkdir below */
  }
  if (VIRTUAL.some((v) => real === v || real.startsWith(`${v}/`))) throw new OutputError(out, `${real} is a virtual file system of the kernel, not a place for files`);
  if (!statSync(existing).isDirectory()) throw new OutputError(out, existing === out ? 'it is a file, not a folder' : `${existing} is a file, not a folder`);
  try {
    mkdirSync(out, { recursive: true });
  } catch (e) {
    throw new OutputError(out, outputFailure(e) ?? (e as Error).message);
  }
  const probe = join(out, `.yusuan-probe-${process.pid}.tmp`);
  try {
    const fd = openSync(probe, 'w');
    try {
      writeSync(fd, Buffer.alloc(64 * 1024));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch (e) {
    throw new OutputError(out, outputFailure(e) ?? (e as Error).message);
  } finally {
    rmSync(probe, { force: true });
  }
  try {
    const s = statfsSync(out);
    const free = s.bavail * s.bsize;
    if (free < MIN_FREE) throw new OutputError(out, `no space left on the device (disk full: ${Math.round(free / 1024)} KB free)`);
  } catch (e) {
    if (e instanceof OutputError) throw e;
  }
  return out;
}
