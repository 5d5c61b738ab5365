/**
 * One writer per output folder: `<out>/.yusuan.lock`, created exclusively, names the run that
 * holds it (process id, host, start time, command). A second run on the same --out stops at once
 * with a message naming the holder (exit 6). A lock whose process is gone (killed with -9 on this
 * host) is taken over with a notice.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

export const LOCK_FILE = '.yusuan.lock';

interface Holder {
  pid: number;
  host: string;
  started: string;
  command: string;
}

export class LockedError extends Error {}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readHolder(file: string): Holder | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Holder;
  } catch {
    return undefined;
  }
}

/** Take the lock of `out` (which exists); returns its release. `notice` hears of a stale lock taken over. */
export function lockOutput(out: string, notice: (msg: string) => void): () => void {
  const file = join(out, LOCK_FILE);
  const me: Holder = { pid: process.pid, host: hostname(), started: new Date().toISOString(), command: process.argv.slice(1).join(' ') };
  for (let attempt = 0; ; attempt++) {
    try {
      writeFileSync(file, `${JSON.stringify(me)}\n`, { flag: 'wx' });
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0) throw e;
      const h = readHolder(file);
      if (h && h.host === me.host && !alive(h.pid)) {
        notice(`yusuan: ${file}: the run that held it (pid ${h.pid}, started ${h.started}) is gone; taking over`);
        rmSync(file, { force: true });
        continue;
      }
      if (!h) {
        // a lock being written this instant, or torn by a crash: say so rather than guess
        throw new LockedError(`${out} is locked by another yusuan run (${file} is unreadable); if no run is using it, delete that file`);
      }
      throw new LockedError(`${out} is in use by another yusuan run (pid ${h.pid} on ${h.host}, started ${h.started}: ${h.command}); wait for it to finish, or delete ${file} if that run is gone`);
    }
  }
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    const h = readHolder(file);
    if (h && h.pid === me.pid && h.host === me.host) rmSync(file, { force: true });
    process.off('exit', release);
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  };
  // an exit on an error releases it too, and so do Ctrl-C and kill (the workers end on their own)
  const onSignal = (sig: NodeJS.Signals) => {
    release();
    process.exit(sig === 'SIGINT' ? 130 : 143);
  };
  process.on('exit', release);
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  return release;
}
