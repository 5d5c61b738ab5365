/**
 * A queued URL, fetched by the worker that takes the job with the batch's downloader: its host only,
 * size and time limits, private addresses refused unless the job allows them; saved under
 * <out>/.downloads/ by a hash of the URL, so a retry replaces it.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { download, URL_RE, urlName } from '../batch/sources.js';

export const isUrl = (s: string) => URL_RE.test(s);

export const URL_LIMITS = { maxBytes: 200 * 1024 * 1024, timeoutMs: 120_000 };

export async function fetchInput(url: string, dir: string, allowPrivate = false): Promise<string> {
  const into = join(dir, createHash('sha256').update(url).digest('hex').slice(0, 16));
  return download(url, urlName(url), into, { ...URL_LIMITS, allowPrivate, ownHostOnly: true });
}
