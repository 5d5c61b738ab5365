/**
 * The crawler against a fake disclosure site on 127.0.0.1 (./fake-site.ts): every document once,
 * the second crawl all 304s, then a changed, a removed and a renamed document reported; the rate
 * limit and concurrency measured at the server; off-site links and redirects, robots.txt, a 500
 * and a slow download handled; private addresses refused unless allowed.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crawl, type CrawlReport } from '../../src/crawl/crawl.js';
import { boundedGet, FetchRefused } from '../../src/util/bounded-get.js';
import { crawlAndQueue } from '../../src/crawl/run.js';
import { loadSources, SourcesError, type Source } from '../../src/crawl/sources.js';
import { DownloadStore } from '../../src/crawl/store.js';
import { ensureDist, runCli } from '../batch/helpers.js';
import { startFakeSite, variant, type FakeSite } from './fake-site.js';

let site: FakeSite;
let dir: string;
let sources: Source[];
/** requests per second: slow enough that loopback and timer jitter are small beside the 200 ms spacing */
const RATE = 5;

beforeAll(async () => {
  site = await startFakeSite();
  dir = mkdtempSync(join(tmpdir(), 'yusuan-crawl-'));
  const file = join(dir, 'sources.yaml');
  writeFileSync(
    file,
    [
      'sources:',
      '  - name: fake',
      `    start: ["${site.url}/list/index.html"]`,
      '    allowPrivate: true   # the fake site is on loopback',
      `    rate: ${RATE}`,
      '    concurrency: 2',
      '    timeoutSeconds: 1',
      '',
    ].join('\n'),
  );
  sources = await loadSources(file);
});

afterAll(async () => {
  await site?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** where each crawl's requests begin in site.hits: the limit holds within a crawl */
const passes: number[] = [];
const docHits = (from: number) => site.hits.slice(from).filter((h) => /\.pdf$/.test(h.path));

describe('crawl', () => {
  let first: CrawlReport;
  const store = () => new DownloadStore(join(dir, 'store'));

  it('first crawl: every listed document downloaded once and reported new; problems reported, not fatal', async () => {
    const s = store();
    await s.load();
    passes.push(site.hits.length);
    first = await crawl(sources, s);
    const r = first.sources[0];
    expect(r.listPages).toBe(2);
    expect(first.changes.map((c) => `${c.change} ${new URL(c.url).pathname}`).sort()).toEqual(
      ['new /files/a.pdf', 'new /files/b.pdf', 'new /files/c.pdf', 'new /files/d.pdf', 'new /old/e.pdf'].sort(),
    );
    expect(r.downloaded).toBe(5);
    // the renamed file is reached through its redirect and stored under the name it now has
    const e = first.changes.find((c) => c.url.endsWith('/old/e.pdf'))!;
    expect(e.file).toMatch(/e-2024\.pdf$/);
    expect(readFileSync(join(dir, 'store', e.file!)).equals(variant('e'))).toBe(true);
    expect(e.linkText).toBe('部门预算 e（改名后重定向）');
    // the 500, the slow download (over timeoutSeconds) and the redirect off the allowed hosts
    expect(r.errors.map((p) => `${new URL(p.url).pathname} ${p.reason}`).sort()).toEqual(
      ['/files/broken.pdf error', '/files/offsite.pdf host-not-allowed', '/files/slow.pdf timeout'].sort(),
    );
    expect(r.errors.find((p) => p.reason === 'host-not-allowed')!.message).toMatch(/example\.invalid is not an allowed host/);
    // the off-site link and the robots.txt-disallowed one are never requested
    expect(r.offsite).toBe(1);
    expect(r.disallowedByRobots).toBe(1);
    expect(site.hits.some((h) => h.path.startsWith('/private/'))).toBe(false);
    const perDoc = new Map<string, number>();
    for (const h of docHits(0).filter((x) => x.status === 200)) perDoc.set(h.path, (perDoc.get(h.path) ?? 0) + 1);
    expect([...perDoc.values()].every((n) => n === 1)).toBe(true);
  });

  it('second crawl of the unchanged site: all 304, nothing downloaded, no changes', async () => {
    const from = site.hits.length;
    passes.push(from, -1);
    const s = store();
    await s.load();
    const second = await crawl(sources, s);
    expect(second.changes).toEqual([]);
    expect(second.sources[0].downloaded).toBe(0);
    expect(second.sources[0].notModified).toBe(5);
    const bodies = docHits(from).filter((h) => h.status === 200 && h.path !== '/files/slow.pdf');
    expect(bodies).toEqual([]);
  });

  it('respects the rate limit and the concurrency (measured at the server)', () => {
    passes[2] = site.hits.length;
    for (const [from, to] of [[passes[0], passes[1]], [passes[1], passes[2]]]) {
      const starts = site.hits.slice(from, to).map((h) => h.start).sort((a, b) => a - b);
      const gaps = starts.slice(1).map((t, i) => t - starts[i]);
      const rate = (starts.length - 1) / ((starts.at(-1)! - starts[0]) / 1000);
      console.log(`crawl rate limit ${RATE}/s: ${starts.length} requests, measured ${rate.toFixed(1)}/s, gaps min ${Math.min(...gaps)} ms, median ${gaps.sort((a, b) => a - b)[gaps.length >> 1]} ms`);
      expect(starts.length).toBeGreaterThan(10);
      // the rate over the crawl is at most the limit …
      expect(rate).toBeLessThanOrEqual(RATE * 1.02);
      // … and no two requests arrive much closer than 1/rate (the server, in this process, sees scheduling jitter too)
      expect(Math.min(...gaps)).toBeGreaterThanOrEqual(1000 / RATE / 2);
    }
    let maxInFlight = 0;
    for (const h of site.hits) maxInFlight = Math.max(maxInFlight, site.hits.filter((o) => o.start <= h.start && o.end > h.start).length);
    expect(maxInFlight).toBeLessThanOrEqual(2);
  });

  it('third crawl after the site changed: one changed, one removed, one renamed', async () => {
    site.files.set('/files/b.pdf', variant('b2'));
    site.files.delete('/files/c.pdf');
    site.files.set('/files/d-2024.pdf', site.files.get('/files/d.pdf')!);
    site.files.delete('/files/d.pdf');
    site.pages.set(
      '/list/index_2.html',
      site.pages.get('/list/index_2.html')!.filter(([h]) => h !== '/files/c.pdf').map(([h, t]) => (h === '/files/d.pdf' ? ['/files/d-2024.pdf', t] : [h, t])),
    );
    const feed = join(dir, 'feed.jsonl');
    const sourcesFile = join(dir, 'sources.json');
    writeFileSync(sourcesFile, JSON.stringify({ sources }));
    const r = await crawlAndQueue({ sources: sourcesFile, store: join(dir, 'store'), feed });
    const got = r.changes.map((c) => `${c.change} ${new URL(c.url).pathname}${c.previousUrl ? ` from ${new URL(c.previousUrl).pathname}` : ''}`).sort();
    expect(got).toEqual(['changed /files/b.pdf', 'gone /files/c.pdf', 'moved /files/d-2024.pdf from /files/d.pdf']);
    const b = r.changes.find((c) => c.change === 'changed')!;
    expect(b.previousSha256).toBe(first.changes.find((c) => c.url.endsWith('/files/b.pdf'))!.sha256);
    // the change feed: one JSON line per change
    const lines = readFileSync(feed, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.change).sort()).toEqual(['changed', 'gone', 'moved']);
    const state = JSON.parse(readFileSync(join(dir, 'store', 'state.json'), 'utf8'));
    expect(Object.keys(state.documents).map((u) => new URL(u).pathname).sort()).toEqual(['/files/a.pdf', '/files/b.pdf', '/files/d-2024.pdf', '/old/e.pdf']);
    expect(state.documents[`${site.url}/files/a.pdf`]).toMatchObject({ linkText: '忻州市信访局2024年部门预算', fetchedAt: expect.any(String), sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
  });
});

describe('safety', () => {
  it('refuses loopback and private addresses unless the source allows them', async () => {
    const limits = { allowedHosts: new Set(['127.0.0.1', 'localhost']), allowPrivate: false, maxBytes: 1e6, timeoutMs: 2000, userAgent: 't' };
    await expect(boundedGet(`${site.url}/robots.txt`, limits)).rejects.toMatchObject({ reason: 'private-address' });
    await expect(boundedGet(site.url.replace('127.0.0.1', 'localhost') + '/robots.txt', limits)).rejects.toBeInstanceOf(FetchRefused);
    const ok = await boundedGet(`${site.url}/robots.txt`, { ...limits, allowPrivate: true });
    expect(ok.status).toBe(200);
  });

  it('enforces the size limit while downloading', async () => {
    const limits = { allowedHosts: new Set(['127.0.0.1']), allowPrivate: true, maxBytes: 1000, timeoutMs: 2000, userAgent: 't' };
    await expect(boundedGet(`${site.url}/files/a.pdf`, limits)).rejects.toMatchObject({ reason: 'too-large' });
  });

  it('`yusuan crawl` with a bad sources file: one line naming it, exit 2', async () => {
    ensureDist();
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, 'sources:\n  - name: x\n    start: [not a url]\n');
    const r = await runCli(['crawl', bad, '--store', join(dir, 'bad-store')]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^yusuan: .*bad\.yaml: sources\.0\.start\.0: /)]);
  });

  it('rejects a sources file that does not match the schema, naming the file and the field', async () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ sources: [{ name: 'x', start: ['ftp://x/'], rate: -1 }] }));
    await expect(loadSources(bad)).rejects.toThrow(SourcesError);
    await expect(loadSources(bad)).rejects.toThrow(/bad\.json: sources\.0\.start\.0: .*; sources\.0\.rate/);
  });
});
