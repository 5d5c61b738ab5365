/**
 * The work queue's vocabulary, in one place: the BullMQ queue name, how to reach Redis, and the two
 * kinds of job (extract one document; crawl the sources of a file) with their data checked by zod.
 */
import { Queue, type ConnectionOptions, type JobsOptions } from 'bullmq';
import { Redis } from 'ioredis';
import { z } from 'zod';

export const QUEUE_NAME = 'yusuan';

export const JOB = { extract: 'extract', crawl: 'crawl' } as const;

export const ExtractJobData = z.object({
  /** an absolute path (on a filesystem every worker sees) or an http(s) URL */
  input: z.string().min(1),
  /** output folder name under the worker's --out */
  output: z.string().min(1),
  /** SHA-256 of the bytes when known at queueing time: a document stored with it and this version is not redone */
  sha256: z.string().regex(/^[0-9a-f]{64}$/).optional(),
  /** for crawled documents: where it was found */
  url: z.string().optional(),
  title: z.string().optional(),
  /** a URL input may be on a loopback or private address (`queue add --allow-private`) */
  allowPrivate: z.boolean().optional(),
});
export type ExtractJobData = z.infer<typeof ExtractJobData>;

export const CrawlJobData = z.object({
  /** the sources file (absolute path) */
  sources: z.string().min(1),
  /** the download store (absolute path, shared by the workers that extract what it finds) */
  store: z.string().min(1),
  /** a JSON-lines change feed to append to */
  feed: z.string().optional(),
});
export type CrawlJobData = z.infer<typeof CrawlJobData>;

/**
 * Retries with backoff (a database that is down, a worker killed twice) and enough history kept to
 * list failures; finished jobs expire so Redis does not grow without bound.
 */
export const DEFAULT_JOB_OPTIONS: JobsOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 5_000 },
  removeOnComplete: { age: 30 * 24 * 3600, count: 1_000_000 },
  removeOnFail: { age: 90 * 24 * 3600 },
};

/**
 * A connection to Redis for BullMQ. `maxRetriesPerRequest: null` lets commands wait through a
 * Redis restart instead of failing (BullMQ requires it for workers).
 */
export function connection(redisUrl: string): ConnectionOptions {
  const u = new URL(redisUrl);
  if (!/^rediss?:$/.test(u.protocol)) throw new Error(`--redis must be a redis:// URL (got ${JSON.stringify(redisUrl)})`);
  return { url: redisUrl, maxRetriesPerRequest: null, ...(u.protocol === 'rediss:' ? { tls: {} } : {}) };
}

/**
 * Fail fast, with one line, when Redis cannot be reached at all: BullMQ's connections wait through
 * outages forever (right for a worker riding out a Redis restart, wrong for a command typed at a
 * terminal or a worker pointed at the wrong address).
 */
export async function checkRedis(redisUrl: string, timeoutMs = 10_000): Promise<void> {
  connection(redisUrl); // a malformed URL is a usage error, before any connection
  const r = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: timeoutMs, enableOfflineQueue: false });
  let cause: Error | undefined;
  r.on('error', (e: Error) => (cause ??= e));
  try {
    await r.connect();
    await r.ping();
  } catch (e) {
    throw new Error(`cannot reach Redis at ${new URL(redisUrl).host}: ${(cause ?? (e as Error)).message}`);
  } finally {
    r.disconnect();
  }
}

export async function openQueue(redisUrl: string): Promise<Queue> {
  await checkRedis(redisUrl);
  const q = new Queue(QUEUE_NAME, { connection: connection(redisUrl), defaultJobOptions: DEFAULT_JOB_OPTIONS });
  // connection problems surface as failed commands; the 'error' events would only repeat them
  q.on('error', () => {});
  return q;
}
