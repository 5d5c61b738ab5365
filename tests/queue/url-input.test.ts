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
