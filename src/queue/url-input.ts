/**
 * A queued URL, fetched by the worker that takes the job: the crawler's bounded GET (its host only,
 * size and time limits, private addresses refused unless the job allows them), saved atomically
 * under <out>/.downloads/ by a hash of the URL, so a retry replaces it.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { boundedGet } from '../crawl/fetch.js';
import { fileNameOf } from '../crawl/store.js';
import { ExtractionError } from '../core/errors.js';
import { writeFileAtomic } from '../util/atomic-write.js';

export const isUrl = (s: string) => /^https?:\/\//i.test(s);

export const URL_LIMITS = { maxBytes: 200 * 1024 * 1024, timeoutMs: 120_000 };

export async function fetchInput(url: string, dir: string, allowPrivate = false): Promise<string> {
  const host = new URL(url).hostname.toLowerCase().replace(/^\[|\]$/g, '');
  const r = await boundedGet(url, { allowedHosts: new Set([host]), allowPrivate, ...URL_LIMITS, userAgent: 'yusuan-worker' });
  if (r.status !== 200) throw new ExtractionError(url, 'unreadable', `HTTP ${r.status}`);
  const file = join(dir, createHash('sha256').update(url).digest('hex').slice(0, 16), fileNameOf(r.url, 'pdf'));
  await writeFileAtomic(file, r.body);
  return file;
}
