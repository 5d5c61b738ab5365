/**
 * The command line of issue 12: examples in --help, no arguments → help on stderr and exit 2,
 * every exit code documented (help and docs/batch.md from one list), summary lines that fit a
 * terminal (counts first, wrapped, never cut, the last one shown), no bar off a terminal.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT, EXIT_MEANING } from '../../src/batch/run.js';
import { terminalSummary, wrapLine } from '../../src/batch/summary-line.js';
import type { FileResult } from '../../src/batch/task.js';
import { ensureDist, removeTempDirs, runCli, tempDir, writeFixtures } from '../batch/helpers.js';
import { ROOT } from '../batch/build.js';

beforeAll(() => ensureDist());
afterAll(() => removeTempDirs());

/** The screen's text: a cursor back to column 1 or a cleared line starts a new line, other escapes go. */
const strip = (s: string) => s.replace(/\x1b\[(1G|2K|0K)/g, '\n').replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '').replace(/\r/g, '');

describe('help and usage', () => {
  it('no arguments: the help on stderr, nothing on stdout, exit 2', async () => {
    const r = await runCli([]);
    expect(r.code).toBe(EXIT.usage);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/Usage: yusuan/);
  });

  it('--help and extract --help show examples and every exit code', async () => {
    for (const args of [['--help'], ['extract', '--help']]) {
      const r = await runCli(args);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/Examples:\n {2}yusuan extract/);
      expect(r.stdout).toMatch(/--from /);
      for (const [code, meaning] of Object.entries(EXIT_MEANING)) expect(r.stdout).toContain(`${code.padStart(2)}  ${meaning}`);
    }
  });

  it('extract without inputs is a usage error', async () => {
    const r = await runCli(['extract', '-o', join(tempDir(), 'out')]);
    expect(r.code).toBe(EXIT.usage);
    expect(r.stderr).toMatch(/no inputs/);
  });

  it('docs/batch.md documents every exit code', () => {
    const doc = readFileSync(join(ROOT, 'docs/batch.md'), 'utf8');
    for (const code of Object.values(EXIT)) expect(doc, `exit ${code}`).toMatch(new RegExp(`^\\| ${code} \\|`, 'm'));
  });
});

describe('summary lines', () => {
  const r: FileResult = {
    path: 'corpus/某某市/很长的文件夹名称/忻州市信访局2024年部门预算公开报告.pdf',
    output: 'x',
    status: 'ok',
    documentStatus: 'success',
    pages: 35,
    tables: 25,
    facts: 391,
    projects: 10,
    diagnostics: { warning: 7, error: 0 },
    findings: { error: 1, warning: 0, info: 12 },
    checksLine: '1 error, 0 warnings, 12 info (totals.rows 1)',
    durationMs: 4050,
  };

  it('on a terminal: counts first, the path last; wrapped at the width, nothing lost', () => {
    const line = terminalSummary(r);
    expect(line).toMatch(/^success: 25 tables, 391 facts/);
    expect(line.endsWith(r.path)).toBe(true);
    for (const width of [40, 80, 160]) {
      const wrapped = wrapLine(line, width);
      const width2 = (s: string) => [...s].reduce((n, ch) => n + (/[\u2e80-\uffef]/.test(ch) ? 2 : 1), 0);
      for (const l of wrapped.split('\n')) expect(width2(l), l).toBeLessThanOrEqual(width);
      expect(wrapped.replace(/\n {2}/g, '').replace(/\s+/g, '')).toBe(line.replace(/\s+/g, ''));
    }
  });

  it.skipIf(spawnSync('script', ['--version']).status !== 0)('on a 60-column terminal every document line is whole, the last one included', () => {
    const dir = tempDir();
    const out = join(dir, 'out');
    writeFixtures(dir, 3);
    const cmd = [process.execPath, join(ROOT, 'bin/yusuan.js'), 'extract', '-o', out, '--jobs', '1', '--no-xlsx', dir].map((a) => `'${a}'`).join(' ');
    const res = spawnSync('script', ['-qec', `stty cols 60 rows 40; ${cmd}`, '/dev/null'], { encoding: 'utf8' });
    expect(res.status, res.stdout).toBe(0);
    const screen = strip(res.stdout);
    for (const n of ['d01.md', 'd02.md', 'd03.md']) {
      // the wrapped line, joined again, has its counts, its checks and its path
      const joined = screen.replace(/\n {2}/g, ' ');
      expect(joined, n).toMatch(new RegExp(`success: 1 tables, \\d+ facts, .*checks: .*${n.replace('.', '\\.')}`));
    }
    for (const l of screen.split('\n')) expect(l.length, l).toBeLessThanOrEqual(60);
  });

  it('a failed input is one line on stdout and one on stderr, naming the file and the reason', async () => {
    const dir = tempDir();
    writeFixtures(dir, 1);
    writeFileSync(join(dir, 'fake.pdf'), 'not a pdf\nat all\n');
    const res = await runCli(['extract', '-o', join(dir, 'out'), '--progress', 'none', '--no-xlsx', dir]);
    expect(res.code).toBe(EXIT.failed);
    expect(res.stdout.split('\n').filter((l) => l.includes('fake.pdf'))).toEqual([expect.stringMatching(/fake\.pdf: failed \[not-pdf\] .*fake\.pdf: named \.pdf but it is not a PDF/)]);
    expect(res.stderr.split('\n').filter((l) => l.includes('fake.pdf'))).toHaveLength(1);
  });

  it('--progress bar off a terminal draws no bar (no "ETA NFs"), the lines stay', async () => {
    const dir = tempDir();
    writeFixtures(dir, 1);
    const res = await runCli(['extract', '-o', join(dir, 'out'), '--progress', 'bar', '--no-xlsx', dir]);
    expect(res.code).toBe(0);
    expect(res.stderr).not.toMatch(/ETA|NF/);
    expect(res.stdout).toMatch(/d01\.md: success, 1 tables/);
  });
});
