/**
 * Batch runs (issue 5): resumable, idempotent, atomic outputs, per-file timeout, manifest, exit
 * codes and the database — on tiny markdown fixtures written at run time (no PDF, no ../shared).
 * The CLI under test is the compiled one (dist/), as its worker pool needs compiled code.
 */
import { appendFileSync, copyFileSync, existsSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MARKER, trustedMarker } from '../../src/batch/marker.js';
import { VERSION } from '../../src/version.js';
import { ROOT } from './build.js';
import { byName, ensureDist, events, readManifest, removeTempDirs, runCli, startCli, tempDir, walk, writeFixtures } from './helpers.js';

beforeAll(() => ensureDist(), 180_000);
afterAll(() => removeTempDirs());

const base = (out: string) => ['extract', '-o', out, '--progress', 'json', '--jobs', '2'];

function dbCounts(file: string) {
  const db = new Database(file, { readonly: true });
  try {
    const n = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    return {
      documents: n('SELECT count(*) AS n FROM documents'),
      facts: n('SELECT count(*) AS n FROM facts'),
      tables: n('SELECT count(*) AS n FROM tables'),
      rows: n('SELECT count(*) AS n FROM rows'),
      dupFacts: n('SELECT count(*) AS n FROM (SELECT document, seq FROM facts GROUP BY 1, 2 HAVING count(*) > 1)'),
      paths: (db.prepare('SELECT path, sha256 FROM documents ORDER BY path').all() as { path: string; sha256: string }[]),
    };
  } finally {
    db.close();
  }
}

const factLines = (out: string) => readFileSync(join(out, 'facts.csv'), 'utf8').trim().split('\n');

describe('a batch run', () => {
  it('writes outputs, manifest, database and the run facts.csv; a re-run skips, a changed file is redone', async () => {
    const dir = tempDir();
    const out = join(dir, 'out');
    const files = writeFixtures(dir, 4);

    const r1 = await runCli([...base(out), dir]);
    expect(r1.code, r1.stderr).toBe(0);
    const m1 = readManifest(out);
    expect(m1).toHaveLength(4);
    expect(m1.every((e) => e.status === 'ok' && e.sha256?.length === 64 && e.tables === 1 && e.facts > 0)).toBe(true);
    // manifest in input order after the run
    expect(m1.map((e) => e.path.split('/').pop())).toEqual(['d01.md', 'd02.md', 'd03.md', 'd04.md']);
    for (const e of m1) {
      for (const f of ['document.json', 'facts.csv', 'projects.csv', 'checks.json', 'findings.csv', MARKER]) expect(existsSync(join(out, e.output!, f))).toBe(true);
    }
    // per-document summary lines stay on stdout; JSON progress on stderr
    expect(r1.stdout).toMatch(/d01\.md: success, 1 tables, \d+ facts/);
    const ev = events(r1.stderr);
    expect(ev[0]).toMatchObject({ event: 'start', total: 4 });
    expect(ev.filter((e) => e.event === 'file')).toHaveLength(4);
    expect(ev.find((e) => e.event === 'end')).toMatchObject({ ok: 4, failed: 0, exit: 0 });
    // no temp file left anywhere
    expect(walk(out).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    const facts1 = factLines(out);
    const totalFacts = m1.reduce((s, e) => s + e.facts, 0);
    expect(facts1).toHaveLength(1 + totalFacts);
    const c1 = dbCounts(join(out, 'yusuan.sqlite'));
    expect(c1).toMatchObject({ documents: 4, facts: totalFacts, tables: 4, dupFacts: 0 });

    // unchanged: every input skipped, nothing rewritten, nothing duplicated
    const docMtime = readFileSync(join(out, 'd01', MARKER), 'utf8');
    const r2 = await runCli([...base(out), dir]);
    expect(r2.code, r2.stderr).toBe(0);
    const m2 = readManifest(out);
    expect(m2.map((e) => e.status)).toEqual(['skipped', 'skipped', 'skipped', 'skipped']);
    expect(m2.map((e) => e.facts)).toEqual(m1.map((e) => e.facts));
    expect(readFileSync(join(out, 'd01', MARKER), 'utf8')).toBe(docMtime);
    expect(factLines(out)).toEqual(facts1); // the run's facts.csv is complete though nothing was redone
    expect(dbCounts(join(out, 'yusuan.sqlite'))).toMatchObject({ documents: 4, facts: totalFacts, dupFacts: 0 });

    // one file changed: only it is redone; its old rows leave the database
    appendFileSync(files[1], '\n说明：本表数据为测试。\n');
    const r3 = await runCli([...base(out), dir]);
    expect(r3.code, r3.stderr).toBe(0);
    const m3 = byName(readManifest(out));
    expect(m3.get('d02.md')!.status).toBe('ok');
    expect(m3.get('d02.md')!.sha256).not.toBe(m1[1].sha256);
    expect(['d01.md', 'd03.md', 'd04.md'].map((n) => m3.get(n)!.status)).toEqual(['skipped', 'skipped', 'skipped']);
    const c3 = dbCounts(join(out, 'yusuan.sqlite'));
    expect(c3.documents).toBe(4);
    expect(c3.paths.find((p) => p.path.endsWith('d02.md'))!.sha256).toBe(m3.get('d02.md')!.sha256);
    expect(c3.dupFacts).toBe(0);

    // --force redoes all; still one row per document
    const r4 = await runCli([...base(out), '--force', dir]);
    expect(r4.code, r4.stderr).toBe(0);
    expect(readManifest(out).map((e) => e.status)).toEqual(['ok', 'ok', 'ok', 'ok']);
    expect(dbCounts(join(out, 'yusuan.sqlite'))).toMatchObject({ documents: 4, facts: c3.facts, dupFacts: 0 });
  });

  it('does not trust a torn or unmarked output folder, and cleans temp files of a killed run', async () => {
    const dir = tempDir();
    const out = join(dir, 'out');
    writeFixtures(dir, 3);
    expect((await runCli([...base(out), dir])).code).toBe(0);
    const m1 = readManifest(out);
    // d01: document.json torn after the marker was written (size no longer matches)
    truncateSync(join(out, 'd01', 'document.json'), 100);
    // d02: killed before its marker: outputs present, marker absent, a temp file left
    rmSync(join(out, 'd02', MARKER));
    writeFileSync(join(out, 'd02', '.facts.csv.999.1.0.tmp'), 'half a file');
    // d03: marker of another version
    const mk = JSON.parse(readFileSync(join(out, 'd03', MARKER), 'utf8'));
    writeFileSync(join(out, 'd03', MARKER), JSON.stringify({ ...mk, yusuan: '0.0.0-old' }));
    expect(await trustedMarker(join(out, 'd01'), m1[0].sha256!, VERSION)).toBeUndefined();

    const r = await runCli([...base(out), dir]);
    expect(r.code, r.stderr).toBe(0);
    expect(readManifest(out).map((e) => e.status)).toEqual(['ok', 'ok', 'ok']);
    expect(walk(out).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(JSON.parse(readFileSync(join(out, 'd01', 'document.json'), 'utf8')).source.sha256).toBe(m1[0].sha256);
    expect(await trustedMarker(join(out, 'd01'), m1[0].sha256!, VERSION)).toBeDefined();
    expect(dbCounts(join(out, 'yusuan.sqlite')).documents).toBe(3);
  });

  it('stops a file that hangs at the timeout, reports it as failed (timeout) and finishes the others', async () => {
    const dir = tempDir();
    const out = join(dir, 'out');
    writeFixtures(dir, 3);
    writeFixtures(dir, 1, 'hang');
    // the 2 s deadline is armed for the hanging input only: the others, however slow a busy machine
    // makes them, cannot time out, and the hanging one always does
    const r = await runCli([...base(out), '--timeout', '2', dir], { YUSUAN_TEST_HANG_ON: 'hang01.md', YUSUAN_TEST_DEADLINE_ONLY_ON: 'hang01.md' });
    expect(r.code).toBe(1);
    const m = byName(readManifest(out));
    expect(m.size).toBe(4);
    expect(m.get('hang01.md')).toMatchObject({ status: 'failed', error: { reason: 'timeout' } });
    expect(m.get('hang01.md')!.sha256).toHaveLength(64);
    expect(['d01.md', 'd02.md', 'd03.md'].map((n) => m.get(n)!.status)).toEqual(['ok', 'ok', 'ok']);
    expect(r.stderr).toContain('"reason":"timeout"');
    // the hung file has no trusted output: a re-run (without the hook) does it and skips the rest
    const r2 = await runCli([...base(out), dir]);
    expect(r2.code, r2.stderr).toBe(0);
    const m2 = byName(readManifest(out));
    expect(m2.get('hang01.md')!.status).toBe('ok');
    expect(['d01.md', 'd02.md', 'd03.md'].map((n) => m2.get(n)!.status)).toEqual(['skipped', 'skipped', 'skipped']);
  });

  it('resumes after SIGKILL: the partial manifest is kept, done files are not redone', async () => {
    const dir = tempDir();
    const out = join(dir, 'out');
    writeFixtures(dir, 5);
    writeFixtures(dir, 1, 'zz');
    const child = startCli([...base(out), '--jobs', '1', dir], { YUSUAN_TEST_HANG_ON: 'zz01.md' });
    const manifest = join(out, 'manifest.jsonl');
    const lines = () => (existsSync(manifest) ? readFileSync(manifest, 'utf8').split('\n').filter(Boolean).length : 0);
    const deadline = Date.now() + 60_000;
    while (lines() < 5 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    const closed = new Promise((r) => child.on('close', r));
    child.kill('SIGKILL');
    await closed;
    const partial = readManifest(out);
    expect(partial).toHaveLength(5);
    expect(partial.every((e) => e.status === 'ok')).toBe(true);

    const r = await runCli([...base(out), dir]);
    expect(r.code, r.stderr).toBe(0);
    const m = byName(readManifest(out));
    expect(m.size).toBe(6);
    expect([1, 2, 3, 4, 5].map((i) => m.get(`d0${i}.md`)!.status)).toEqual(Array(5).fill('skipped'));
    expect(m.get('zz01.md')!.status).toBe('ok');
    expect(walk(out).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(dbCounts(join(out, 'yusuan.sqlite'))).toMatchObject({ documents: 6, dupFacts: 0 });
  });
});

describe('exit codes and failures', () => {
  it('exits 1 when an input fails, with its reason in the manifest; the others are done', async () => {
    const dir = tempDir();
    const out = join(dir, 'out');
    writeFixtures(dir, 2);
    writeFileSync(join(dir, 'empty.md'), '');
    writeFileSync(join(dir, 'fake.pdf'), 'this is not a PDF at all');
    writeFileSync(join(dir, 'broken.pdf'), '%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage');
    const r = await runCli([...base(out), dir]);
    expect(r.code).toBe(1);
    const m = byName(readManifest(out));
    expect(m.get('empty.md')).toMatchObject({ status: 'failed', error: { reason: 'empty' } });
    expect(m.get('fake.pdf')).toMatchObject({ status: 'failed', error: { reason: 'not-pdf' } });
    expect(m.get('broken.pdf')).toMatchObject({ status: 'failed' });
    expect(['corrupt', 'empty']).toContain(m.get('broken.pdf')!.error!.reason);
    expect(m.get('d01.md')!.status).toBe('ok');
    expect(m.get('d02.md')!.status).toBe('ok');
    expect(dbCounts(join(out, 'yusuan.sqlite')).documents).toBe(2);
  });

  it('exits 2 on usage errors', async () => {
    const dir = tempDir();
    const out = join(dir, 'out');
    writeFixtures(dir, 1);
    expect((await runCli(['extract', '-o', out, join(dir, 'nothing-*.md')])).code).toBe(2);
    expect((await runCli(['extract', '-o', out, '--jobs', '0', dir])).code).toBe(2);
    expect((await runCli(['extract', '-o', out, '--timeout', 'soon', dir])).code).toBe(2);
    expect((await runCli(['extract', '-o', out, '--no-such-flag', dir])).code).toBe(2);
    expect((await runCli(['extract', '-o', out, '--progress', 'loud', dir])).code).toBe(2);
    expect((await runCli(['--version'])).code).toBe(0);
  });

  it('with --strict exits 3 exactly when an error finding is reported', async () => {
    const dir = tempDir();
    const out = join(dir, 'out');
    // a total that does not add up: the validator's totals rule should call it an error
    writeFileSync(
      join(dir, 'bad-total.md'),
      readFileSync(writeFixtures(dir, 1)[0], 'utf8').replace(/\| \| 合计 \| (\d+)\.00/, '| | 合计 | 999.00'),
    );
    rmSync(join(dir, 'd01.md'));
    const r = await runCli([...base(out), '--strict', dir]);
    const errors = readManifest(out).reduce((s, e) => s + e.findings.error, 0);
    expect(r.code, r.stderr).toBe(errors > 0 ? 3 : 0);
    const plain = await runCli([...base(out), dir]);
    expect(plain.code).toBe(0);
  });

  it.skipIf(spawnSync('script', ['--version']).status !== 0)('on a terminal, shows a progress bar with files/s, pages/s and ETA', () => {
    // `script` (util-linux) gives the CLI a pseudo-terminal, so --progress auto picks the bar
    const dir = tempDir();
    const out = join(dir, 'out');
    writeFixtures(dir, 2);
    const cmd = [process.execPath, join(ROOT, 'bin/yusuan.js'), 'extract', '-o', out, '--jobs', '1', dir].map((a) => `'${a}'`).join(' ');
    // a wide terminal, so the bar's line is not cut at 80 columns
    const r = spawnSync('script', ['-qec', `stty cols 200 rows 40; ${cmd}`, '/dev/null'], { encoding: 'utf8' });
    expect(r.status, r.stdout).toBe(0);
    const screen = r.stdout.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '');
    expect(screen).toMatch(/2\/2 files \| [\d.]+ files\/s \| [\d.]+ pages\/s \| ETA/);
    expect(screen).toMatch(/yusuan: 2 inputs in [\d.]+ s: 2 ok/);
    expect(events(r.stdout)).toEqual([]);
  });

  it('--password opens an encrypted PDF; without it the file fails as encrypted and the run exits 1', async () => {
    const dir = tempDir();
    const out = join(dir, 'out');
    copyFileSync(join(ROOT, 'tests/fixtures/pdf-bad/encrypted.pdf'), join(dir, 'locked.pdf'));
    const without = await runCli([...base(out), dir]);
    expect(without.code).toBe(1);
    expect(readManifest(out)[0]).toMatchObject({ status: 'failed', error: { reason: 'encrypted' } });
    expect(without.stderr).toMatch(/--password/);
    const wrong = await runCli([...base(out), '--password', 'wrong', dir]);
    expect(wrong.code).toBe(1);
    expect(readManifest(out)[0]).toMatchObject({ status: 'failed', error: { reason: 'encrypted' } });
    const right = await runCli([...base(out), '--password', 'secret', dir]);
    expect(right.code, right.stderr).toBe(0);
    expect(readManifest(out)[0].status).not.toBe('failed');
    expect(readManifest(out)[0].tables).toBeGreaterThan(0);
  });

  it('--no-db writes no database; --db puts it elsewhere', async () => {
    const dir = tempDir();
    const out = join(dir, 'out');
    writeFixtures(dir, 1);
    expect((await runCli([...base(out), '--no-db', dir])).code).toBe(0);
    expect(existsSync(join(out, 'yusuan.sqlite'))).toBe(false);
    const other = join(dir, 'elsewhere.sqlite');
    // skipped (outputs complete) yet missing from this database: read back from the outputs
    const r = await runCli([...base(out), '--db', other, dir]);
    expect(r.code, r.stderr).toBe(0);
    expect(readManifest(out)[0].status).toBe('skipped');
    expect(dbCounts(other)).toMatchObject({ documents: 1 });
    expect(dbCounts(other).facts).toBe(readManifest(out)[0].facts);
  });
});
