/**
 * A fake disclosure site on 127.0.0.1 for the crawler tests: two list pages (下一页 pagination),
 * documents made from the project's samples (each a distinct variant, so each has its own hash),
 * ETag / Last-Modified with 304s, a redirect to a renamed file, a redirect off the allowed hosts,
 * an off-site link, a 500, a slow download, and a robots.txt that disallows /private/. `edit()`
 * changes the site between crawls; every request is logged with its time.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

export interface Hit {
  path: string;
  status: number;
  start: number;
  end: number;
}

const sample = readFileSync(join(import.meta.dirname, '../../samples/xinzhou-xinfang-2024-budget.chromium.pdf'));
/** a distinct but valid PDF: a comment after %%EOF changes the hash, not the document */
export const variant = (tag: string) => Buffer.concat([sample, Buffer.from(`\n% yusuan test variant ${tag}\n`)]);

export interface FakeSite {
  url: string;
  hits: Hit[];
  files: Map<string, Buffer>;
  /** list page → links (href, text) */
  pages: Map<string, [string, string][]>;
  slowMs: number;
  close(): Promise<void>;
}

export async function startFakeSite(): Promise<FakeSite> {
  const files = new Map<string, Buffer>([
    ['/files/a.pdf', variant('a')],
    ['/files/b.pdf', variant('b')],
    ['/files/c.pdf', variant('c')],
    ['/files/d.pdf', variant('d')],
    ['/files/e-2024.pdf', variant('e')],
    ['/files/slow.pdf', variant('slow')],
    ['/private/p.pdf', variant('p')],
  ]);
  const mtime = new Map<string, Date>([...files.keys()].map((k) => [k, new Date('2024-03-01T00:00:00Z')]));
  const site: FakeSite = {
    url: '',
    hits: [],
    files,
    slowMs: 3000,
    pages: new Map([
      [
        '/list/index.html',
        [
          ['/files/a.pdf', '忻州市信访局2024年部门预算'],
          ['b.pdf', '部门预算 b'],
          ['/other/notes.html', '说明'],
          ['/list/index_2.html', '下一页'],
        ],
      ],
      [
        '/list/index_2.html',
        [
          ['/files/c.pdf', '部门预算 c'],
          ['/files/d.pdf', '部门预算 d'],
          ['/old/e.pdf', '部门预算 e（改名后重定向）'],
          ['/files/broken.pdf', '坏链接'],
          ['/files/slow.pdf', '很慢'],
          ['/private/p.pdf', 'robots.txt 不允许'],
          ['/files/offsite.pdf', '重定向到别的网站'],
          ['http://example.invalid/x.pdf', '外站文件'],
        ],
      ],
    ]),
    close: () => new Promise((r) => server.close(() => r())),
  };
  const server = http.createServer((req, res) => {
    const start = Date.now();
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const done = (status: number, headers: Record<string, string> = {}, body?: Buffer | string) => {
      res.writeHead(status, headers);
      res.end(body);
      site.hits.push({ path, status, start, end: Date.now() });
    };
    // relative links resolve against the list folder
    const listBase = '/list/';
    if (path === '/robots.txt') return done(200, { 'content-type': 'text/plain' }, 'User-agent: *\nDisallow: /private/\n');
    const page = site.pages.get(path);
    if (page) {
      const links = page.map(([href, text]) => `<li><a href="${href.startsWith('/') || href.startsWith('http') ? href : `/files/${href}`}">${text}</a></li>`).join('');
      return done(200, { 'content-type': 'text/html; charset=utf-8' }, `<html><body><base href="${listBase}"><ul>${links}</ul></body></html>`);
    }
    if (path === '/old/e.pdf') return done(301, { location: '/files/e-2024.pdf' });
    if (path === '/files/offsite.pdf') return done(302, { location: 'http://example.invalid/y.pdf' });
    if (path === '/files/broken.pdf') return done(500, {}, 'internal error');
    const body = files.get(path);
    if (!body) return done(404, {}, 'not found');
    const etag = `"${createHash('sha1').update(body).digest('hex')}"`;
    const lastModified = (mtime.get(path) ?? new Date('2024-04-01T00:00:00Z')).toUTCString();
    if (req.headers['if-none-match'] === etag) return done(304, { etag, 'last-modified': lastModified });
    const send = () => done(200, { 'content-type': 'application/pdf', etag, 'last-modified': lastModified, 'content-length': String(body.length) }, body);
    if (path === '/files/slow.pdf') setTimeout(send, site.slowMs);
    else send();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  site.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return site;
}
