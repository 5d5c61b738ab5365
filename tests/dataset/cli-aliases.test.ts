/** --org-aliases: a user's alias file extends the project's without code; an unreadable one is a usage error. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { disclosure, ensureDist, removeTempDirs, runCli, tempDir } from '../batch/helpers.js';

describe('--org-aliases', () => {
  afterAll(removeTempDirs);

  it('files every fact under the canonical org of the alias file; a missing file exits 2', async () => {
    ensureDist();
    const dir = tempDir('yusuan-aliases-');
    const input = join(dir, 'a.md');
    writeFileSync(input, disclosure('测试局'));
    const aliases = join(dir, 'aliases.csv');
    writeFileSync(aliases, 'alias,org\n测试局,某市测试局\n');
    const out = join(dir, 'out');
    const r = await runCli(['extract', input, '-o', out, '--no-db', '--progress=none', '--org-aliases', aliases]);
    expect(r.code, r.stderr).toBe(0);
    const [header, ...rows] = readFileSync(join(out, 'facts.csv'), 'utf8').trim().split('\n');
    const org = header.split(',').indexOf('org');
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((l) => l.split(',')[org]))).toEqual(new Set(['某市测试局']));
    const bad = await runCli(['extract', input, '-o', out, '--no-db', '--progress=none', '--org-aliases', join(dir, 'none.csv')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--org-aliases');
  });
});
