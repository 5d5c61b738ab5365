/**
 * Issue 11, cases 1 and 3–5, on the compiled CLI: a decompression bomb under the memory ceiling,
 * twin and odd input names, odd / unwritable / full output folders, two runs on one -o and
 * batches run one after another into it.
 */
import { appendFileSync, chmodSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flateBombPdf } from '../../scripts/hostile-inputs.js';
import { byName, disclosure, ensureDist, events, readManifest, removeTempDirs, runCli, startCli, tempDir, walk, writeFixtures } from '../batch/helpers.js';

beforeAll(() => ensureDist(), 180_000);
afterAll(() => removeTempDirs());

const base = (out: string) => ['extract', '-o', out, '--progress', 'json', '--jobs', '2'];
const STACK = /^\s+at .+:\d+:\d+\)?$/m;
const factRows = (out: string) => readFileSync(join(out, 'facts.csv'), 'utf8').trim().split('\n').length - 1;
const isRoot = process.getuid?.() === 0;

function mountTmpfs(dir: string, opts: string): boolean {
  mkdirSync(dir, { recursive: true });
  return isRoot && spawnSync('mount', ['-t', 'tmpfs', '-o', opts, 'tmpfs', dir]).status === 0;
}
const umount = (dir: string) => spawnSync('umount', ['-l', dir]);

describe('memory ceiling (case 1)', () => {
  it('a content stream that inflates far past the ceiling is too-large; the good input of the batch is done', async () => {
    const dir = tempDir();
    const out = join(dir, 'out');
    writeFileSync(join(dir, 'bomb.pdf'), await flateBombPdf(800 * 1024 * 1024));
    writeFixtures(dir, 1);
    const r = await runCli([...base(out), '--max-memory', '256', dir]);
    expect(r.code).toBe(1);
    const m = byName(readManifest(out));
    expect(m.get('bomb.pdf')).toMatchObject({ status: 'failed', error: { reason: 'too-large' } });
    expect(m.get('d01.md')!.status).toBe('ok');
    const end = events(r.stderr).find((e) => e.event === 'end')!;
    expect(end.peakWorkerRss as number).toBeLessThanOrEqual(256 * 1024 * 1024);
    expect(r.stderr + r.stdout).not.toMatch(STACK);
  });
});

describe('output folder names (case 3)', () => {
  it('twin file names in two folders get two folders, both kept, both skipped on a re-run, stable when run apart', async () => {
    const dir = tempDir();
    const out = join(dir, 'out');
    for (const d of ['a', 'b']) {
      mkdirSync(join(dir, d));
      writeFileSync(join(dir, d, '2024年部门预算.md'), disclosure(`${d}局`));
    }
    const r1 = await runCli([...base(out), join(dir, 'a'), join(dir, 'b')]);
    expect(r1.code, r1.stderr).toBe(0);
    const m1 = readManifest(out);
    expect(m1).toHaveLength(2);
    expect(new Set(m1.map((e) => e.output)).size).toBe(2);
    for (const e of m1) expect(JSON.parse(readFileSync(join(out, e.output!, 'document.json'), 'utf8')).source.path).toBe(e.path);
    const r2 = await runCli([...base(out), join(dir, 'a'), join(dir, 'b')]);
    expect(readManifest(out).map((e) => e.status)).toEqual(['skipped', 'skipped']);
    expect(r2.code).toBe(0);
    // b alone, in a later batch: the same folder as before, still skipped
    const r3 = await runCli([...base(out), join(dir, 'b')]);
    expect(r3.code).toBe(0);
    const m3 = byName(readManifest(out));
    expect(m3.size).toBe(1); // both twins share a file name: byName keeps one; the manifest has both
    expect(readManifest(out)).toHaveLength(2);
    const bEntry = readManifest(out).find((e) => e.path.includes(`${join(dir, 'b')}`))!;
    expect(bEntry.status).toBe('skipped');
    expect(bEntry.output).toBe(m1.find((e) => e.path.includes(join(dir, 'b')))!.output);
  });

  it('an input named "...md" writes inside -o, and nothing outside it is touched', async () => {
    const dir = tempDir();
    const parent = join(dir, 'parent');
    const out = join(parent, 'out');
    mkdirSync(join(parent, 'tables'), { recursive: true });
    writeFileSync(join(parent, 'tables', 'keep.txt'), 'mine');
    writeFileSync(join(parent, 'facts.csv'), 'mine');
    const inputs = join(dir, 'in');
    mkdirSync(inputs);
    writeFileSync(join(inputs, '...md'), disclosure('点局'));
    const r = await runCli([...base(out), join(inputs, '...md')]);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(join(parent, 'facts.csv'), 'utf8')).toBe('mine');
    expect(readFileSync(join(parent, 'tables', 'keep.txt'), 'utf8')).toBe('mine');
    const [e] = readManifest(out);
    expect(e.output).toBeTruthy();
    expect(existsSync(join(out, e.output!, 'document.json'))).toBe(true);
  });
});

describe('odd, unwritable and full outputs (case 4)', () => {
  it('an output path that is a file, under a file, or in /proc: one line naming it, exit 5, no stack trace', async () => {
    const dir = tempDir();
    writeFixtures(dir, 1);
    const file = join(dir, 'a-file');
    writeFileSync(file, 'x');
    for (const out of [file, join(file, 'sub'), '/proc/yusuan-out', '/proc/self/yusuan']) {
      const r = await runCli(['extract', '-o', out, '--progress', 'none', join(dir, 'd01.md')]);
      expect(r.code, `${out}: ${r.stderr}`).toBe(5);
      expect(r.stderr).toContain(out);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).not.toMatch(STACK);
    }
  });

  it('an unwritable output folder: exit 5 before any work', async () => {
    const dir = tempDir();
    writeFixtures(dir, 1);
    const out = join(dir, 'ro');
    let mounted = false;
    if (isRoot) mounted = mountTmpfs(out, 'ro,size=1m');
    else {
      mkdirSync(out);
      chmodSync(out, 0o555);
    }
    if (isRoot && !mounted) return; // no way to make a folder root cannot write
    try {
      const r = await runCli(['extract', '-o', out, '--progress', 'none', join(dir, 'd01.md')]);
      expect(r.code).toBe(5);
      expect(r.stderr).toMatch(/read-only|permission denied/);
      expect(r.stderr).not.toMatch(STACK);
    } finally {
      if (mounted) umount(out);
    }
  });

  it('a disk that fills during the run: exit 5, one line, whole manifest lines; the next run with space completes everything', async () => {
    const dir = tempDir();
    const out = join(dir, 'small');
    if (!mountTmpfs(out, 'size=18m')) return; // needs root to mount a small file system
    try {
      writeFixtures(dir, 200);
      const run = startCli([...base(out), '--jobs', '1', '--no-db', dir]);
      let stdout = '';
      let stderr = '';
      run.stdout!.on('data', (d) => (stdout += d));
      run.stderr!.on('data', (d) => (stderr += d));
      const closed = new Promise<number | null>((res) => run.on('close', (code) => res(code)));
      // once a few inputs are done, the disk fills up (another program, a log, a core dump …)
      const manifest = join(out, 'manifest.jsonl');
      const deadline = Date.now() + 60_000;
      while ((!existsSync(manifest) || readFileSync(manifest, 'utf8').split('\n').length < 4) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      const chunk = Buffer.alloc(256 * 1024);
      try {
        for (let i = 0; ; i++) appendFileSync(join(out, 'filler.bin'), chunk);
      } catch {
        /* full */
      }
      const r1 = { code: await closed, stdout, stderr };
      expect(r1.code, r1.stderr).toBe(5);
      expect(r1.stderr).toMatch(/no space left/);
      expect(r1.stderr + r1.stdout).not.toMatch(STACK);
      for (const line of readFileSync(join(out, 'manifest.jsonl'), 'utf8').split('\n').filter(Boolean)) expect(() => JSON.parse(line)).not.toThrow();
      // space again: everything is done, nothing is lost, no temp file is left
      spawnSync('rm', [join(out, 'filler.bin')]);
      const r2 = await runCli([...base(out), '--no-db', dir]);
      expect(r2.code, r2.stderr).toBe(0);
      const m = readManifest(out);
      expect(m).toHaveLength(200);
      expect(m.every((e) => e.status === 'ok' || e.status === 'skipped')).toBe(true);
      expect(walk(out).filter((f) => f.endsWith('.tmp'))).toEqual([]);
      expect(factRows(out)).toBe(m.reduce((n, e) => n + e.facts, 0));
    } finally {
      umount(out);
    }
  });
});

describe('one writer, every document (case 5)', () => {
  it('a second run on a busy -o stops with the holder named (exit 6); after a kill -9 the lock is taken over', async () => {
    const dir = tempDir();
    const out = join(dir, 'out');
    writeFixtures(dir, 1, 'hang');
    const first = startCli([...base(out), '--timeout', '600', dir], { YUSUAN_TEST_HANG_ON: 'hang01.md' });
    const lock = join(out, '.yusuan.lock');
    const deadline = Date.now() + 30_000;
    while (!existsSync(lock) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    const second = await runCli([...base(out), dir]);
    expect(second.code).toBe(6);
    expect(second.stderr).toContain(`pid ${first.pid}`);
    const closed = new Promise((r) => first.on('close', r));
    first.kill('SIGKILL');
    await closed;
    const third = await runCli([...base(out), dir]);
    expect(third.code, third.stderr).toBe(0);
    expect(third.stderr).toMatch(/is gone; taking over/);
    expect(existsSync(lock)).toBe(false);
  });

  it('batches run one after another into one -o: manifest, facts.csv and database describe all of them', async () => {
    const dir = tempDir();
    const out = join(dir, 'out');
    const a = join(dir, 'a');
    const b = join(dir, 'b');
    mkdirSync(a);
    mkdirSync(b);
    writeFixtures(a, 3, 'a');
    writeFixtures(b, 2, 'b');
    expect((await runCli([...base(out), a])).code).toBe(0);
    // a torn manifest line and a temp file, as a crash leaves them
    appendFileSync(join(out, 'manifest.jsonl'), '{"path":"half');
    writeFileSync(join(out, '.facts.csv.1234.5678.tmp'), 'partial');
    const r = await runCli([...base(out), b]);
    expect(r.code, r.stderr).toBe(0);
    const m = readManifest(out);
    expect(m.map((e) => e.path.split('/').pop()).sort()).toEqual(['a01.md', 'a02.md', 'a03.md', 'b01.md', 'b02.md']);
    expect(factRows(out)).toBe(m.reduce((n, e) => n + e.facts, 0));
    expect(readdirSync(out).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    const db = new Database(join(out, 'yusuan.sqlite'), { readonly: true });
    try {
      expect((db.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n).toBe(5);
    } finally {
      db.close();
    }
  });
});
