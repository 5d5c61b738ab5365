/**
 * A small `npm run fuzz` in CI: fresh mutants of the samples and the whole hostile set (bomb, deep
 * nesting, page-tree loop, many pages, encrypted, JavaScript, empty, non-PDF, UTF-16, invalid
 * bytes, nested and unclosed HTML tables, no budget content) in one batch. The script itself
 * checks: no input internal or missing from the manifest, no stack trace, good inputs done,
 * memory within the ceiling (scripts/fuzz.mjs).
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../batch/build.js';
import { ensureDist } from '../batch/helpers.js';

beforeAll(() => ensureDist(), 180_000);

describe('fuzz (small)', () => {
  it('40 mutants and the hostile set: every check passes', async () => {
    // spawned, not spawnSync: a blocked test worker misses vitest's own calls
    const child = spawn(process.execPath, [join(ROOT, 'scripts/fuzz.mjs'), '--small', '--mutants', '40', '--seed', '11', '--no-corpus', '--jobs', '2', '--timeout', '60'], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr!.on('data', (d) => (stderr += d));
    const status = await new Promise<number | null>((res) => child.on('close', (code) => res(code)));
    expect(stderr).toContain('all checks pass');
    expect(status, stderr).toBe(0);
  }, 300_000);
});
