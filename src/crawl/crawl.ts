/**
 * One crawl of a set of sources: walk each source's list pages (with pagination), collect the links
 * that are documents, fetch each conditionally (ETag / Last-Modified, so an unchanged document
 * costs a 304), store new bytes by hash, and report what changed since the last crawl: `new`,
 * `changed`, `moved` (same bytes under a new URL, the old one gone) and `gone` documents. A
 * document that failed to download this time (500, timeout) is reported as an error and keeps its
 * last known state: it is not "gone".
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { boundedGet, FetchRefused, hostKey, type FetchLimits } from '../util/bounded-get.js';
import { pageLinks, type Link } from './links.js';
import { Throttle } from './rate.js';
import { allowedHosts, type Source } from './sources.js';
import { urlName } from '../batch/sources.js';
import { DownloadStore, type KnownDocument } from './store.js';

interface Robots {
  isAllowed(url: string, ua?: string): boolean | undefined;
}
// robots-parser is CommonJS whose typings declare an ES default export: required directly
const robotsParser = createRequire(import.meta.url)('robots-parser') as (url: string, text: string) => Robots;

export type ChangeKind = 'new' | 'changed' | 'moved' | 'gone';

/** One line of the change feed. */
export interface Change {
  change: ChangeKind;
  source: string;
  url: string;
  /** moved: the URL it had before */
  previousUrl?: string;
  sha256?: string;
  previousSha256?: string;
  /** relative to the store (absent for gone) */
  file?: string;
  bytes?: number;
  title?: string;
  linkText?: string;
  time: string;
}

export interface CrawlProblem {
  source: string;
  url: string;
  reason: string;
  message: string;
}

export interface SourceReport {
  source: string;
  listPages: number;
  documents: number;
  /** bodies downloaded (200 answers to document requests) */
  downloaded: number;
  /** 304 answers */
  notModified: number;
  /** downloaded again but with the hash already known for the URL (server without validators) */
  unchangedHash: number;
  disallowedByRobots: number;
  /** links to hosts outside allowedHosts: never requested */
  offsite: number;
  errors: CrawlProblem[];
  requests: number;
}

export interface CrawlReport {
  sources: SourceReport[];
  changes: Change[];
}

export interface CrawlOptions {
  /** the current time, for tests */
  now?: () => Date;
  /** log one line (progress, problems) */
  log?: (line: string) => void;
}

const extOf = (url: string) => /\.([a-z0-9]+)$/i.exec(new URL(url).pathname)?.[1]?.toLowerCase() ?? '';

function isDocument(s: Source, l: Link): boolean {
  if (!(s.documents.types as string[]).includes(extOf(l.url))) return false;
  if (s.documents.urlPattern && !new RegExp(s.documents.urlPattern, 'u').test(l.url)) return false;
  if (s.documents.titlePattern) {
    const re = new RegExp(s.documents.titlePattern, 'u');
    if (!re.test(l.text) && !(l.title && re.test(l.title))) return false;
  }
  return true;
}

function isListPage(s: Source, l: Link): boolean {
  if (s.pagination.listPattern && new RegExp(s.pagination.listPattern, 'u').test(l.url)) return true;
  return new RegExp(s.pagination.nextText, 'iu').test(l.text);
}

const header = (h: string | string[] | undefined) => (Array.isArray(h) ? h[0] : h);

async function crawlSource(s: Source, store: DownloadStore, opts: CrawlOptions): Promise<{ report: SourceReport; changes: Change[] }> {
  const now = () => (opts.now ?? (() => new Date()))().toISOString();
  const hosts = allowedHosts(s);
  const throttle = new Throttle(s.rate, s.concurrency);
  const limits: FetchLimits = { allowedHosts: hosts, allowPrivate: s.allowPrivate, maxBytes: s.maxBytes, timeoutMs: s.timeoutSeconds * 1000, userAgent: s.userAgent, pace: () => throttle.pace() };
  const report: SourceReport = { source: s.name, listPages: 0, documents: 0, downloaded: 0, notModified: 0, unchangedHash: 0, disallowedByRobots: 0, offsite: 0, errors: [], requests: 0 };
  const problem = (url: string, e: unknown) => {
    const p: CrawlProblem =
      e instanceof FetchRefused
        ? { source: s.name, url, reason: e.reason, message: e.message }
        : { source: s.name, url, reason: 'error', message: `${url}: ${(e as Error).message ?? String(e)}` };
    report.errors.push(p);
    opts.log?.(`crawl ${s.name}: ${p.message} [${p.reason}]`);
  };
  const get = (url: string, headers?: Record<string, string>) =>
    throttle.run(() => {
      report.requests++;
      return boundedGet(url, limits, headers);
    });

  // robots.txt, one per origin, fetched through the same throttle
  const robots = new Map<string, Robots | null>();
  const allowedByRobots = async (url: string): Promise<boolean> => {
    if (!s.robots) return true;
    const origin = new URL(url).origin;
    if (!robots.has(origin)) {
      const robotsUrl = `${origin}/robots.txt`;
      try {
        const r = await get(robotsUrl);
        robots.set(origin, r.status === 200 ? robotsParser(robotsUrl, r.body.toString('utf8')) : null);
      } catch {
        robots.set(origin, null);
      }
    }
    const rb = robots.get(origin);
    return !rb || rb.isAllowed(url, s.userAgent) !== false;
  };
  const inScope = (url: string) => hosts.has(hostKey(new URL(url).hostname));

  // 1. the list pages
  const docs = new Map<string, Link>();
  const queue = [...s.start];
  const seenPages = new Set(queue);
  while (queue.length && report.listPages < s.pagination.maxPages) {
    const page = queue.shift()!;
    if (!(await allowedByRobots(page))) {
      report.disallowedByRobots++;
      continue;
    }
    let html: string;
    let base: string;
    try {
      const r = await get(page);
      if (r.status !== 200) throw new Error(`list page answered HTTP ${r.status}`);
      html = r.body.toString('utf8');
      base = r.url;
    } catch (e) {
      problem(page, e);
      continue;
    }
    report.listPages++;
    for (const l of pageLinks(html, base)) {
      if (!inScope(l.url)) {
        report.offsite++;
        continue;
      }
      if (isDocument(s, l)) {
        if (!docs.has(l.url)) docs.set(l.url, l);
      } else if (isListPage(s, l) && !seenPages.has(l.url)) {
        seenPages.add(l.url);
        queue.push(l.url);
      }
    }
  }
  report.documents = docs.size;

  // 2. the documents, conditionally
  const changes: Change[] = [];
  const failed = new Set<string>();
  /** URLs that answered 200 or 304 this time */
  const answered = new Set<string>();
  await Promise.all(
    [...docs.values()].map(async (l) => {
      if (!(await allowedByRobots(l.url))) {
        report.disallowedByRobots++;
        failed.add(l.url);
        return;
      }
      const prev = store.get(l.url);
      const headers: Record<string, string> = {};
      if (prev?.etag) headers['if-none-match'] = prev.etag;
      if (prev?.lastModified) headers['if-modified-since'] = prev.lastModified;
      let r;
      try {
        r = await get(l.url, headers);
      } catch (e) {
        problem(l.url, e);
        failed.add(l.url);
        return;
      }
      const t = now();
      if (r.status === 304 && prev) {
        answered.add(l.url);
        report.notModified++;
        store.set({ ...prev, checkedAt: t });
        return;
      }
      if (r.status === 404 || r.status === 410) return; // listed but gone: reported below with the unlisted
      if (r.status !== 200) {
        problem(l.url, new Error(`HTTP ${r.status}`));
        failed.add(l.url);
        return;
      }
      report.downloaded++;
      answered.add(l.url);
      const sha256 = createHash('sha256').update(r.body).digest('hex');
      const etag = header(r.headers.etag);
      const lastModified = header(r.headers['last-modified']);
      const meta = {
        source: s.name,
        url: l.url,
        finalUrl: r.url,
        ...(etag ? { etag } : {}),
        ...(lastModified ? { lastModified } : {}),
        ...(l.title ? { title: l.title } : {}),
        linkText: l.text,
        checkedAt: t,
      };
      if (prev && prev.sha256 === sha256) {
        report.unchangedHash++;
        store.set({ ...prev, ...meta });
        return;
      }
      const file = await store.putObject(sha256, urlName(r.url, `document.${extOf(l.url) || 'bin'}`), r.body);
      const doc: KnownDocument = { ...meta, sha256, bytes: r.body.length, file, fetchedAt: t };
      store.set(doc);
      changes.push({
        change: prev ? 'changed' : 'new',
        source: s.name,
        url: l.url,
        sha256,
        ...(prev ? { previousSha256: prev.sha256 } : {}),
        file,
        bytes: doc.bytes,
        ...(l.title ? { title: l.title } : {}),
        linkText: l.text,
        time: t,
      });
    }),
  );

  // 3. known documents no longer listed (or answering 404/410): gone — or moved, when their bytes reappear under a new URL
  for (const prev of store.ofSource(s.name)) {
    if (answered.has(prev.url) || failed.has(prev.url)) continue;
    store.delete(prev.url);
    const again = changes.findIndex((c) => c.change === 'new' && c.sha256 === prev.sha256);
    if (again >= 0) {
      changes[again] = { ...changes[again], change: 'moved', previousUrl: prev.url };
      continue;
    }
    changes.push({ change: 'gone', source: s.name, url: prev.url, previousSha256: prev.sha256, ...(prev.title ? { title: prev.title } : {}), linkText: prev.linkText, time: now() });
  }
  return { report, changes };
}

/** Crawl every source (one after another; each with its own rate and concurrency) and save the store's state. */
export async function crawl(sources: Source[], store: DownloadStore, opts: CrawlOptions = {}): Promise<CrawlReport> {
  const out: CrawlReport = { sources: [], changes: [] };
  for (const s of sources) {
    const { report, changes } = await crawlSource(s, store, opts);
    out.sources.push(report);
    out.changes.push(...changes);
    await store.save();
  }
  return out;
}
