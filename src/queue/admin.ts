/**
 * Operating the queue: add inputs (files, folders, globs, URLs), counts by state, failed jobs
 * listed and retried, and cron schedules of crawls (BullMQ job schedulers).
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { basename, extname, resolve } from 'node:path';
import type { Queue } from 'bullmq';
import { expandInputs } from '../batch/inputs.js';
import { folderNames, safeFolderName } from '../batch/output-folders.js';
import { urlName } from '../batch/sources.js';
import { CrawlJobData, ExtractJobData, JOB, openQueue } from './jobs.js';
import { isUrl } from './url-input.js';

async function hashFile(path: string): Promise<string | undefined> {
  try {
    const h = createHash('sha256');
    for await (const chunk of createReadStream(path)) h.update(chunk as Buffer);
    return h.digest('hex');
  } catch {
    // unreadable now: the worker reports it with its reason
    return undefined;
  }
}

async function withQueue<T>(redis: string, fn: (q: Queue) => Promise<T>): Promise<T> {
  const q = await openQueue(redis);
  try {
    await q.waitUntilReady();
    return await fn(q);
  } finally {
    await q.close();
  }
}

export interface AddOptions {
  redis: string;
  /** queue again even documents already queued or done (new job ids) */
  force?: boolean;
  allowPrivate?: boolean;
}

export interface AddResult {
  queued: number;
  missing: string[];
}

/** Job data and id for one extract job: the id is the content hash, so a document is queued once. */
export function extractJob(data: ExtractJobData, force: boolean) {
  const key = data.sha256 ?? `u${createHash('sha256').update(data.input).digest('hex')}`;
  return { name: JOB.extract, data, opts: { jobId: force ? `${key}-${Date.now()}` : key } };
}

/**
 * The output folder of a queued URL: the stem of its file name (the batch's urlName, made safe) and
 * a hash of the URL, always: URLs are queued one `queue add` at a time and many are named alike
 * (index.pdf), and no list of this call can tell twins apart.
 */
export function urlFolder(url: string): string {
  const name = urlName(url);
  return `${safeFolderName(basename(name, extname(name)))}-${createHash('sha256').update(url).digest('hex').slice(0, 8)}`;
}

export async function queueAdd(inputs: string[], opts: AddOptions): Promise<AddResult> {
  const urls = inputs.filter(isUrl);
  const { files, missing } = await expandInputs(inputs.filter((i) => !isUrl(i)));
  // folders chosen when queued, by the batch's rule (no worker owns a folder yet): the file's stem
  // made safe, `~<hash of its path>` for a twin (a/2024年部门预算.pdf, b/2024年部门预算.pdf)
  const folders = folderNames(files.map((f) => ({ id: resolve(f), name: basename(f) })));
  const jobs: ReturnType<typeof extractJob>[] = [];
  for (const [i, f] of files.entries()) {
    const sha256 = await hashFile(f);
    jobs.push(extractJob({ input: resolve(f), output: folders[i], ...(sha256 ? { sha256 } : {}) }, !!opts.force));
  }
  for (const u of urls) {
    jobs.push(extractJob({ input: u, output: urlFolder(u), ...(opts.allowPrivate ? { allowPrivate: true } : {}) }, !!opts.force));
  }
  await withQueue(opts.redis, async (q) => {
    for (let i = 0; i < jobs.length; i += 500) await q.addBulk(jobs.slice(i, i + 500));
  });
  return { queued: jobs.length, missing };
}

export const STATES = ['waiting', 'active', 'delayed', 'prioritized', 'waiting-children', 'completed', 'failed'] as const;

export async function queueStatus(redis: string): Promise<Record<string, number>> {
  return withQueue(redis, async (q) => ({ ...(await q.getJobCounts(...STATES)), workers: await q.getWorkersCount() }));
}

export interface FailedJob {
  id: string;
  name: string;
  input?: string;
  reason: string;
  attempts: number;
  failedAt?: string;
}

export async function queueFailed(redis: string): Promise<FailedJob[]> {
  return withQueue(redis, async (q) =>
    (await q.getFailed(0, -1)).map((j) => ({
      id: String(j.id),
      name: j.name,
      ...(typeof j.data?.input === 'string' ? { input: j.data.input } : typeof j.data?.sources === 'string' ? { input: j.data.sources } : {}),
      reason: j.failedReason,
      attempts: j.attemptsMade,
      ...(j.finishedOn ? { failedAt: new Date(j.finishedOn).toISOString() } : {}),
    })),
  );
}

/** Move every failed job back to waiting; returns how many. */
export async function queueRetry(redis: string): Promise<number> {
  return withQueue(redis, async (q) => {
    const n = (await q.getJobCounts('failed')).failed ?? 0;
    await q.retryJobs({ state: 'failed', count: 1000 });
    return n;
  });
}

export interface ScheduleOptions {
  redis: string;
  cron: string;
  tz?: string;
  data: CrawlJobData;
}

export async function scheduleAdd(id: string, opts: ScheduleOptions): Promise<void> {
  const data = CrawlJobData.parse(opts.data);
  await withQueue(opts.redis, (q) => q.upsertJobScheduler(id, { pattern: opts.cron, ...(opts.tz ? { tz: opts.tz } : {}) }, { name: JOB.crawl, data }).then(() => undefined));
}

export async function scheduleList(redis: string) {
  return withQueue(redis, async (q) =>
    (await q.getJobSchedulers(0, -1, true)).map((s) => ({
      id: s.key,
      cron: s.pattern,
      ...(s.tz ? { tz: s.tz } : {}),
      ...(s.next ? { next: new Date(s.next).toISOString() } : {}),
      ...(s.template?.data ? { data: s.template.data } : {}),
    })),
  );
}

export async function scheduleRemove(redis: string, id: string): Promise<boolean> {
  return withQueue(redis, (q) => q.removeJobScheduler(id));
}
