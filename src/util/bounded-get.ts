/**
 * One polite, bounded HTTP(S) GET, for the crawler and for URL inputs (src/batch/sources): redirects followed by hand so that each hop is
 * checked against the allowed hosts; the address actually connected to is checked (at DNS lookup
 * time, so a name cannot resolve to a private address behind the check's back) unless the source
 * allows private addresses; a size limit enforced while the body streams in; one deadline for the
 * whole exchange; conditional headers (ETag / Last-Modified) passed through, so a 304 costs nothing.
 */
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { BlockList, isIP, type LookupFunction } from 'node:net';

export interface FetchLimits {
  /** host names (lower case) that may be requested, a redirect elsewhere refused; `any` for a URL the user named */
  allowedHosts: ReadonlySet<string> | 'any';
  /** loopback, private, link-local addresses are refused unless this is set */
  allowPrivate: boolean;
  maxBytes: number;
  timeoutMs: number;
  userAgent: string;
  maxRedirects?: number;
  /** awaited before each request, redirect hops included (the source's rate limit) */
  pace?: () => Promise<void>;
}

export interface FetchResult {
  status: number;
  /** the URL that answered, after redirects */
  url: string;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  redirects: string[];
}

/** A host name as allowed hosts are compared: lower case, an IPv6 address without its brackets. */
export const hostKey = (host: string) => host.toLowerCase().replace(/^\[|\]$/g, '');

/** A request that was not made or not finished, with a reason a person can act on. */
export class FetchRefused extends Error {
  constructor(
    readonly url: string,
    readonly reason: 'host-not-allowed' | 'private-address' | 'too-large' | 'timeout' | 'too-many-redirects' | 'bad-url' | 'network',
    /** what went wrong, without the URL */
    readonly detail: string,
  ) {
    super(`${url}: ${detail}`);
    this.name = 'FetchRefused';
  }
}

/** Addresses a crawler must not reach by default: loopback, private, link-local, CGNAT, unspecified, ULA. */
const PRIVATE = new BlockList();
for (const [net, bits] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.168.0.0', 16], ['198.18.0.0', 15], ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) PRIVATE.addSubnet(net, bits, 'ipv4');
for (const [net, bits] of [['::', 128], ['::1', 128], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8]] as const) PRIVATE.addSubnet(net, bits, 'ipv6');

export function isPrivateAddress(address: string): boolean {
  const v = isIP(address);
  if (v === 4) return PRIVATE.check(address, 'ipv4');
  if (v === 6) {
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
    return mapped ? PRIVATE.check(mapped[1], 'ipv4') : PRIVATE.check(address, 'ipv6');
  }
  return true;
}

/** DNS lookup that fails on private addresses: the check happens on the address the socket will use. */
function guardedLookup(url: string): LookupFunction {
  return ((hostname: string, options: object, cb: (err: Error | null, address: string | LookupAddress[], family?: number) => void) => {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses: LookupAddress[]) => {
      if (err) return cb(err, '');
      const bad = addresses.find((a) => isPrivateAddress(a.address));
      if (bad) return cb(new FetchRefused(url, 'private-address', `${hostname} resolves to a private address (${bad.address}); allowPrivate is off`), '');
      if ((options as { all?: boolean }).all) return cb(null, addresses);
      cb(null, addresses[0].address, addresses[0].family);
    });
  }) as LookupFunction;
}

function checkUrl(url: string, limits: FetchLimits): URL {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new FetchRefused(url, 'bad-url', 'not a URL');
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new FetchRefused(url, 'bad-url', `only http and https are fetched (got ${u.protocol})`);
  const host = hostKey(u.hostname);
  if (limits.allowedHosts !== 'any' && !limits.allowedHosts.has(host)) throw new FetchRefused(url, 'host-not-allowed', `${host} is not an allowed host of this source`);
  if (!limits.allowPrivate && isIP(host) && isPrivateAddress(host)) {
    throw new FetchRefused(url, 'private-address', `${host} is a private address; allowPrivate is off`);
  }
  return u;
}

function once(u: URL, limits: FetchLimits, headers: Record<string, string>, deadline: number): Promise<Omit<FetchResult, 'redirects' | 'url'>> {
  return new Promise((resolve, reject) => {
    const lib = u.protocol === 'https:' ? https : http;
    const left = deadline - Date.now();
    if (left <= 0) return reject(new FetchRefused(u.href, 'timeout', `no answer within ${limits.timeoutMs} ms`));
    const req = lib.get(
      u,
      {
        headers: { 'user-agent': limits.userAgent, accept: '*/*', ...headers },
        ...(limits.allowPrivate ? {} : { lookup: guardedLookup(u.href) }),
        // no connection reuse across sources: each request is independent and bounded
        agent: false,
      },
      (res) => {
        const declared = Number(res.headers['content-length']);
        if (Number.isFinite(declared) && declared > limits.maxBytes) {
          res.destroy();
          return reject(new FetchRefused(u.href, 'too-large', `${declared} bytes, over the limit of ${limits.maxBytes}`));
        }
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (c: Buffer) => {
          size += c.length;
          if (size > limits.maxBytes) {
            req.destroy(new FetchRefused(u.href, 'too-large', `more than ${limits.maxBytes} bytes`));
            return;
          }
          chunks.push(c);
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
        res.on('error', reject);
      },
    );
    const timer = setTimeout(() => req.destroy(new FetchRefused(u.href, 'timeout', `no complete answer within ${limits.timeoutMs} ms`)), left);
    req.on('error', (e) => reject(e instanceof FetchRefused ? e : new FetchRefused(u.href, 'network', (e as Error).message)));
    req.on('close', () => clearTimeout(timer));
  });
}

/** GET `url` within the limits. Throws FetchRefused; any HTTP status (304, 404, 500) is a result. */
export async function boundedGet(url: string, limits: FetchLimits, headers: Record<string, string> = {}): Promise<FetchResult> {
  const deadline = Date.now() + limits.timeoutMs;
  const redirects: string[] = [];
  let current = url;
  for (;;) {
    const u = checkUrl(current, limits);
    await limits.pace?.();
    const r = await once(u, limits, headers, deadline);
    const loc = r.headers.location;
    if (r.status >= 300 && r.status < 400 && r.status !== 304 && loc) {
      if (redirects.length >= (limits.maxRedirects ?? 5)) throw new FetchRefused(url, 'too-many-redirects', `more than ${limits.maxRedirects ?? 5} redirects`);
      redirects.push(current);
      current = new URL(loc, u).href;
      continue;
    }
    return { ...r, url: current, redirects };
  }
}
