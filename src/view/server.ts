/**
 * `yusuan view`: a local, read-only web app over an output folder (or its database). Node's own
 * http server; the page is plain HTML/JS (./assets) and pdf.js's browser build from pdfjs-dist.
 *
 * Safe by default: binds 127.0.0.1, answers GET and HEAD only, refuses a Host header that is not
 * its own (DNS rebinding), serves only its assets, pdf.js, the documents of the folder (named by
 * folder, never by path) and their recorded source files (found by path *and* verified SHA-256),
 * and sends a Content-Security-Policy that forbids inline script — the page itself puts document
 * text into the DOM as text only.
 */
import { createReadStream, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Document } from '../../schemas/document.js';
import type { Checks } from '../../schemas/findings.js';
import { candidatePaths, findSourceFile, recordedSourcePaths } from '../util/output-folder.js';
import { FolderCatalog, readDocument, type Catalog } from './catalog.js';
import { DbCatalog } from './db-catalog.js';
import { documentsSheet, findingsSheet, searchSheet, sheetCsv, sheetXlsx, tableSheet, type Sheet } from './export.js';
import { insideRoot, pathSegments } from './safe-path.js';

export interface ViewOptions {
  out: string;
  /** 0 (default): a free port */
  port?: number;
  /** default 127.0.0.1 */
  host?: string;
  /** the run database; default <out>/yusuan.sqlite when it exists; false: read the folders */
  db?: string | false;
}

export interface Viewer {
  url: string;
  port: number;
  catalog: Catalog;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.wasm': 'application/wasm',
  '.bcmap': 'application/octet-stream',
  '.pfb': 'application/octet-stream',
  '.ttf': 'font/ttf',
  '.icc': 'application/octet-stream',
  '.pdf': 'application/pdf',
};

const CSP = [
  "default-src 'none'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** The page's own files: beside this module when run from source, in src/view/assets when run from dist/. */
function assetsDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  for (const c of [join(here, 'assets'), resolve(here, '../../../src/view/assets')]) if (existsSync(join(c, 'index.html'))) return c;
  throw new Error('yusuan view: the page assets (src/view/assets) are missing');
}

/** pdfjs-dist's browser build and the data it loads: only these folders of the package are served. */
const PDFJS_AREAS = new Set(['build', 'cmaps', 'standard_fonts', 'wasm', 'iccs']);
const pdfjsDir = () => dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function intParam(u: URL, name: string, dflt: number, max: number): number {
  const v = Number(u.searchParams.get(name) ?? dflt);
  return Number.isInteger(v) && v >= 0 ? Math.min(v, max) : dflt;
}

export async function startViewer(opts: ViewOptions): Promise<Viewer> {
  const out = resolve(opts.out);
  if (!existsSync(out) || !statSync(out).isDirectory()) throw new Error(`${opts.out}: no such output folder`);
  const dbFile = opts.db === false ? undefined : opts.db ? resolve(opts.db) : join(out, 'yusuan.sqlite');
  const catalog: Catalog = dbFile && existsSync(dbFile) ? new DbCatalog(dbFile) : new FolderCatalog(out, recordedSourcePaths(out, dbFile));
  const assets = assetsDir();
  const assetFiles = new Map(readdirSync(assets).map((f) => [f, join(assets, f)]));
  const pdfjs = pdfjsDir();
  const host = opts.host ?? '127.0.0.1';
  const sources = new Map<string, string | null>();

  const send = (res: ServerResponse, status: number, body: string | Uint8Array, type: string, extra: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body), ...extra });
    res.end(res.req.method === 'HEAD' ? undefined : body);
  };
  const json = (res: ServerResponse, value: unknown) => send(res, 200, JSON.stringify(value), TYPES['.json'], { 'cache-control': 'no-store' });
  const file = (res: ServerResponse, path: string, extra: Record<string, string> = {}) => {
    const st = statSync(path, { throwIfNoEntry: false });
    if (!st?.isFile()) throw new HttpError(404, 'not found');
    res.writeHead(200, { 'content-type': TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream', 'content-length': st.size, ...extra });
    if (res.req.method === 'HEAD') res.end();
    else createReadStream(path).pipe(res);
  };

  const documentOf = (id: string): { doc: Document; checks: Checks | undefined } => {
    if (!catalog.has(id)) throw new HttpError(404, 'no such document');
    const d = readDocument(out, id);
    if (!d) throw new HttpError(404, 'no such document');
    return d;
  };

  const sourceOf = async (id: string): Promise<string> => {
    const { doc } = documentOf(id);
    if (doc.source.format !== 'pdf') throw new HttpError(404, 'the source is not a PDF');
    if (!sources.has(id)) {
      const found = await findSourceFile(candidatePaths(out, [doc.source.path, ...catalog.recordedPaths(id)]), doc.source.sha256);
      sources.set(id, found ?? null);
    }
    const p = sources.get(id);
    if (!p) throw new HttpError(404, 'the source file is not where the run recorded it (or has changed since)');
    return p;
  };

  const exportSheet = async (u: URL): Promise<Sheet> => {
    const what = u.searchParams.get('what');
    if (what === 'documents') return documentsSheet(catalog.documents(intParam(u, 'offset', 0, 1e9), intParam(u, 'limit', 200, 100_000)));
    if (what === 'search') return searchSheet(catalog.search(u.searchParams.get('q') ?? '', intParam(u, 'limit', 200, 10_000)));
    const id = u.searchParams.get('doc') ?? '';
    const d = documentOf(id);
    if (what === 'findings') return findingsSheet(d.checks?.findings ?? []);
    if (what === 'table') {
      const t = d.doc.tables.find((x) => String(x.id) === u.searchParams.get('table'));
      if (!t) throw new HttpError(404, 'no such table');
      return tableSheet(t);
    }
    throw new HttpError(400, 'what= documents, search, table or findings');
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (req.method !== 'GET' && req.method !== 'HEAD') throw new HttpError(405, 'read-only');
    const raw = (req.url ?? '/').split('?')[0];
    const u = new URL(req.url ?? '/', 'http://viewer.invalid');
    const seg = pathSegments(raw);
    if (!seg) throw new HttpError(403, 'refused path');
    const [top, ...rest] = seg;
    if (top === undefined || (top === 'index.html' && rest.length === 0)) return file(res, join(assets, 'index.html'));
    if (top === 'assets' && rest.length === 1 && assetFiles.has(rest[0])) return file(res, assetFiles.get(rest[0])!);
    if (top === 'pdfjs' && PDFJS_AREAS.has(rest[0] ?? '')) {
      const p = insideRoot(join(pdfjs, rest[0]), rest.slice(1));
      if (!p) throw new HttpError(403, 'refused path');
      return file(res, p, { 'cache-control': 'max-age=3600' });
    }
    if (top !== 'api') throw new HttpError(404, 'not found');
    const [what, id, sub] = rest;
    if (what === 'info' && !id) return json(res, { mode: catalog.mode, documents: catalog.count() });
    if (what === 'documents' && !id) {
      return json(res, { total: catalog.count(), items: catalog.documents(intParam(u, 'offset', 0, 1e9), intParam(u, 'limit', 100, 1000)) });
    }
    if (what === 'search' && !id) return json(res, { q: u.searchParams.get('q') ?? '', hits: catalog.search(u.searchParams.get('q') ?? '', intParam(u, 'limit', 200, 2000)) });
    if (what === 'doc' && id !== undefined && sub === undefined) {
      const d = documentOf(id);
      return json(res, { id, document: d.doc, checks: d.checks ?? null, hasSource: d.doc.source.format === 'pdf' });
    }
    if (what === 'doc' && id !== undefined && sub === 'source' && rest.length === 3) return file(res, await sourceOf(id), { 'cache-control': 'no-store' });
    if (what === 'export' && !id) {
      const sheet = await exportSheet(u);
      const xlsx = u.searchParams.get('format') === 'xlsx';
      const name = `yusuan-${sheet.name.replace(/\s+/g, '-')}.${xlsx ? 'xlsx' : 'csv'}`;
      const disposition = { 'content-disposition': `attachment; filename="${name}"`, 'cache-control': 'no-store' };
      if (xlsx) return send(res, 200, await sheetXlsx(sheet), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', disposition);
      return send(res, 200, await sheetCsv(sheet), 'text/csv; charset=utf-8', disposition);
    }
    throw new HttpError(404, 'not found');
  };

  let allowedHosts: Set<string> | undefined;
  const server: Server = createServer((req, res) => {
    res.setHeader('content-security-policy', CSP);
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('referrer-policy', 'no-referrer');
    res.setHeader('cross-origin-resource-policy', 'same-origin');
    res.setHeader('x-frame-options', 'DENY');
    if (allowedHosts && !allowedHosts.has((req.headers.host ?? '').toLowerCase())) {
      send(res, 421, 'unknown host\n', 'text/plain; charset=utf-8');
      return;
    }
    handle(req, res).catch((e: unknown) => {
      const status = e instanceof HttpError ? e.status : 500;
      const message = e instanceof HttpError ? e.message : 'internal error';
      if (!res.headersSent) send(res, status, `${message}\n`, 'text/plain; charset=utf-8');
      else res.destroy();
    });
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(opts.port ?? 0, host, () => ok());
  });
  const port = (server.address() as AddressInfo).port;
  if (host === '127.0.0.1' || host === 'localhost' || host === '::1') {
    allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]);
  }
  const shown = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shown}:${port}/`,
    port,
    catalog,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => {
          catalog.close();
          ok();
        });
      }),
  };
}

/** For tests and scripts: the raw bytes of an asset (the page checks its own escaping with this). */
export const readAsset = (name: string) => readFileSync(join(assetsDir(), name), 'utf8');
