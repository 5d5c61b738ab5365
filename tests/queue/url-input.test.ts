/**
 * A queued URL is fetched with the batch's downloader, under the queue's stricter rules: a private
 * address only when the job allows it, redirects kept to the URL's own host.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { urlName } from '../../src/batch/sources.js';
import { urlFolder } from '../../src/queue/admin.js';
import { fetchInput } from '../../src/queue/url-input.js';

let server: Server;
let base: string;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'yusuan-url-input-'));
  server = createServer((req, res) => {
    if (req.url === '/away') {
      res.writeHead(302, { location: 'http://localhost.invalid/a.csv' });
      res.end();
    } else {
      res.writeHead(200, { 'content-type': 'text/csv' });
      res.end('a,b\n1,2\n');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

describe('fetchInput', () => {
  it('refuses a private address unless the job allows it', async () => {
    await expect(fetchInput(`${base}/export`, dir)).rejects.toMatchObject({ reason: 'download', message: expect.stringMatching(/private address/) });
    const file = await fetchInput(`${base}/export`, dir, true);
    expect(basename(file)).toBe('export.csv'); // the extension from the Content-Type
    expect(basename(dirname(file))).toMatch(/^[0-9a-f]{16}$/);
    expect(readFileSync(file, 'utf8')).toBe('a,b\n1,2\n');
  });

  it('does not follow a redirect off the URL’s host', async () => {
    await expect(fetchInput(`${base}/away`, dir, true)).rejects.toMatchObject({ reason: 'download', message: expect.stringMatching(/not an allowed host/) });
  });
});

describe('names of URL inputs', () => {
  it('a malformed %-escape names the input as written instead of ending the run', () => {
    expect(urlName('http://x.test/%E0%A4%A.pdf')).toBe('%E0%A4%A.pdf');
    expect(urlName('http://x.test/a/%E9%A2%84%E7%AE%97.pdf?id=1')).toBe('预算.pdf');
    expect(urlName('http://x.test/')).toBe('x.test');
  });

  it('a URL naming no file takes the fallback given (the crawler’s document.<ext>), and a long name keeps its extension', () => {
    expect(urlName('http://x.test/', 'document.pdf')).toBe('document.pdf');
    expect(urlName('http://x.test/a/b.xlsx', 'document.pdf')).toBe('b.xlsx');
    const long = urlName(`http://x.test/${'预'.repeat(200)}.pdf`);
    expect(long).toHaveLength(120);
    expect(long.endsWith('预.pdf')).toBe(true);
  });

  it('a queued URL gets a safe folder with a hash of the URL', () => {
    expect(urlFolder('http://x.test/files/2024%E5%B9%B4%E9%A2%84%E7%AE%97.pdf')).toMatch(/^2024年预算-[0-9a-f]{8}$/);
    expect(urlFolder('http://x.test/..%2F..%2Fetc')).toMatch(/^[^./\\][^/\\]*-[0-9a-f]{8}$/); // no way out of --out
    expect(urlFolder('http://x.test/%E0%A4%A.pdf')).toMatch(/^%E0%A4%A-[0-9a-f]{8}$/);
    expect(urlFolder('http://x.test/a.pdf')).not.toBe(urlFolder('http://y.test/a.pdf'));
  });
});
