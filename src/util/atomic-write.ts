/**
 * Atomic file writes: write a temporary file beside the target, then rename it over the target.
 * A run killed half-way leaves either the old file or the new one, never a torn one that a later
 * run would trust.
 *
 * The calls are synchronous on purpose: outputs are small (a few KB to ~1 MB) and are written by
 * batch workers that have nothing else to do meanwhile, where a thread-pool round trip per call
 * (mkdir, write, rename) cost more than the writes themselves. The function stays async so callers
 * need not change if that ever does.
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, basename } from 'node:path';

let counter = 0;

export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const dir = dirname(path);
  mkdirSync(dir, { recursive: true });
  const tmp = join(dir, `.${basename(path)}.${process.pid}.${Date.now()}.${counter++}.tmp`);
  try {
    writeFileSync(tmp, data);
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}
