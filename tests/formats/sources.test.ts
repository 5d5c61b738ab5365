/**
 * Inputs beyond files (issue 12): URLs served on 127.0.0.1 give the same facts as the file; a
 * redirect is followed and the content sniffed; a 404, an oversize body and a server that does not
 * answer in time fail those inputs only (reason download); `-` reads standard input; `--from LIST`
 * reads one input a line, from a file or from standard input.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { ensureDist, readManifest, removeTempDirs, runCli, tempDir } from '../batch/helpers.js';
import { ROOT } from '../batch/build.js';
import { runCliWithInput } from './cli-helpers.js';

const XLSX_FILE = join(ROOT, 'samples/xinzhou-xinfang-2024-budget.xlsx');
const MD_FILE = join(ROOT, 'samples/xinzhou-xinfang-2024-budget.md');
const CSV_FILE = join(ROOT, 'samples/xinzhou-xinfang-2024-budget.csv');

let server: Server;
let base = '';
const pending: NodeJS.Timeout[] = [];

beforeAll(async () => {
  ensureDist();
  server = createServer((req, res) => {
    const url = req.url ?? '/';
    if (url === '/files/budget.xlsx') {
      res.writeHead(200, { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
      res.end(readFileSync(XLSX_FILE));
    } else if (url === '/redirect') {
      res.writeHead(302, { location: '/files/budget.xlsx' });
      res.end();
    } else if (url.startsWith('/export?')) {
      res.writeHead(200, { 'content-type': 'text/csv; charset=utf-8' });
      res.end(readFileSync(CSV_FILE));
    } else if (url === '/big.pdf') {
      res.writeHead(200, { 'content-type': 'application/pdf' });
      res.end(Buffer.alloc(2_100_000, 0x20));
    } else if (url === '/slow.pdf') {
      pending.push(setTimeout(() => res.end('%PDF-1.4'), 20_000)); // never in time
    } else {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const t of pending) clearTimeout(t);
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  removeTempDirs();
});

/** facts.csv of one output folder without the document column (the name differs between runs) */
const factsOf = (dir: string) =>
  readFileSync(join(dir, 'facts.csv'), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.slice(l.indexOf(',') + 1));

describe('URLs', () => {
  it('downloads, follows redirects, sniffs the content; a failed download fails that input only', async () => {
    const dir = tempDir();
    const out = join(dir, 'out');
    const urls = [`${base}/files/budget.xlsx`, `${base}/redirect`, `${base}/export?id=3`, `${base}/missing.pdf`, `${base}/big.pdf`, `${base}/slow.pdf`];
    const r = await runCli(['extract', '-o', out, '--progress', 'none', '--jobs', '2', '--max-download-mb', '2', '--download-timeout', '2', ...urls]);
    expect(r.code, r.stderr).toBe(1);
    const byUrl = new Map(readManifest(out).map((e) => [e.path, e]));
    expect([...byUrl.keys()]).toEqual(urls);
    for (const u of urls.slice(0, 3)) expect(byUrl.get(u), u).toMatchObject({ status: 'ok', facts: 391 });
    for (const u of urls.slice(3)) expect(byUrl.get(u)?.error?.reason, u).toBe('download');
    expect(byUrl.get(urls[3])?.error?.message).toMatch(/HTTP 404/);
    expect(byUrl.get(urls[4])?.error?.message).toMatch(/--max-download-mb/);
    expect(byUrl.get(urls[5])?.error?.message).toMatch(/--download-timeout/);
    // the same facts as the file itself
    const fileOut = join(dir, 'file-out');
    expect((await runCli(['extract', '-o', fileOut, '--progress', 'none', '--no-db', XLSX_FILE])).code).toBe(0);
    const fromFile = factsOf(join(fileOut, 'xinzhou-xinfang-2024-budget'));
    expect(factsOf(join(out, byUrl.get(urls[0])!.output!))).toEqual(fromFile);
    expect(factsOf(join(out, byUrl.get(urls[1])!.output!))).toEqual(fromFile);
    // the URL is the input's name in the database too
    const db = new Database(join(out, 'yusuan.sqlite'), { readonly: true });
    const paths = (db.prepare('SELECT path FROM documents ORDER BY path').all() as { path: string }[]).map((x) => x.path);
    db.close();
    // (the database keys documents by content: the file and its redirect are one document, stored under the later URL)
    expect(paths).toContain(urls[2]);
    expect(paths.filter((p) => p === urls[0] || p === urls[1])).toHaveLength(1);
    expect(paths).toHaveLength(2);
  });
});

describe('standard input and lists', () => {
  it('- reads the document from standard input', async () => {
    const out = join(tempDir(), 'out');
    const r = await runCliWithInput(['extract', '-', '-o', out, '--progress', 'none', '--no-db'], readFileSync(MD_FILE));
    expect(r.code, r.stderr).toBe(0);
    expect(readManifest(out)).toMatchObject([{ path: '-', output: 'stdin', status: 'ok', facts: 391 }]);
  });

  it('--from LIST reads one input a line (comments and blank lines skipped), from a file or from standard input', async () => {
    const dir = tempDir();
    const list = join(dir, 'inputs.txt');
    writeFileSync(list, `# the sample and a URL\n${MD_FILE}\n\n${base}/export?id=1\n`);
    const out = join(dir, 'out');
    const r = await runCli(['extract', '--from', list, '-o', out, '--progress', 'none', '--no-db']);
    expect(r.code, r.stderr).toBe(0);
    expect(readManifest(out).map((e) => [e.path, e.status])).toEqual([
      [MD_FILE, 'ok'],
      [`${base}/export?id=1`, 'ok'],
    ]);
    const out2 = join(dir, 'out2');
    const r2 = await runCliWithInput(['extract', '--from', '-', '-o', out2, '--progress', 'none', '--no-db'], `${MD_FILE}\n`);
    expect(r2.code, r2.stderr).toBe(0);
    expect(readManifest(out2).map((e) => e.status)).toEqual(['ok']);
    // standard input cannot be the list and an input at once
    const r3 = await runCliWithInput(['extract', '--from', '-', '-', '-o', join(dir, 'out3')], '');
    expect(r3.code).toBe(2);
    expect(r3.stderr).toMatch(/standard input/);
  });
});
