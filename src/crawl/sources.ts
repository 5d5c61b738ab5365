/**
 * The crawler's sources file (JSON or YAML), checked with zod: per source, where its list pages
 * start, how to page through them, which links are documents, which hosts may be fetched, and how
 * politely. See docs/distributed.md for an example.
 */
import { readFile } from 'node:fs/promises';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { hostKey } from '../util/bounded-get.js';

/** Document file types the crawler can collect (yusuan extracts PDFs; spreadsheets and Word files are stored and reported). */
export const FILE_TYPES = ['pdf', 'xls', 'xlsx', 'doc', 'docx'] as const;

const regex = z.string().refine((s) => {
  try {
    new RegExp(s, 'u');
    return true;
  } catch {
    return false;
  }
}, 'not a valid regular expression');

export const Source = z
  .object({
    name: z.string().regex(/^[\w.-]+$/, 'letters, digits, _ . - only'),
    /** first list pages */
    start: z.array(z.url({ protocol: /^https?$/ })).min(1),
    /** further list pages: links whose URL matches `listPattern`, or whose text matches `nextText` (下一页 …) */
    pagination: z
      .object({
        listPattern: regex.optional(),
        nextText: regex.default('^\\s*(下一页|下页|后页|next)\\s*[>›»]*\\s*$'),
        maxPages: z.number().int().positive().default(100),
      })
      .prefault({}),
    documents: z
      .object({
        /** a link is a document when its URL ends in one of these types … */
        types: z.array(z.enum(FILE_TYPES)).min(1).default(['pdf']),
        /** … and matches these patterns when given (URL; link text or title) */
        urlPattern: regex.optional(),
        titlePattern: regex.optional(),
      })
      .prefault({}),
    /** hosts that may be fetched (default: the hosts of `start`); links and redirects elsewhere are not followed */
    allowedHosts: z.array(z.string().min(1)).optional(),
    /** loopback and private addresses are refused unless this is true (tests, intranets) */
    allowPrivate: z.boolean().default(false),
    /** requests per second to this source, and at most this many at once */
    rate: z.number().positive().max(100).default(1),
    concurrency: z.number().int().positive().max(32).default(2),
    robots: z.boolean().default(true),
    /** per download */
    maxBytes: z.number().int().positive().default(100 * 1024 * 1024),
    timeoutSeconds: z.number().positive().default(60),
    userAgent: z.string().default('yusuan-crawler (+https://www.npmjs.com/package/yusuan)'),
  })
  .strict();
export type Source = z.infer<typeof Source>;

export const SourcesFile = z.object({ sources: z.array(Source).min(1) }).strict();
export type SourcesFile = z.infer<typeof SourcesFile>;

export class SourcesError extends Error {}

/** Read and check a sources file; the error names the file and each problem's place. */
export async function loadSources(file: string): Promise<Source[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw new SourcesError(`${file}: cannot read the sources file: ${(e as Error).message}`);
  }
  let raw: unknown;
  try {
    raw = /\.ya?ml$/i.test(file) ? parseYaml(text) : JSON.parse(text);
  } catch (e) {
    throw new SourcesError(`${file}: not valid ${/\.ya?ml$/i.test(file) ? 'YAML' : 'JSON'}: ${(e as Error).message}`);
  }
  const r = SourcesFile.safeParse(raw);
  if (!r.success) {
    throw new SourcesError(`${file}: ${r.error.issues.map((i) => `${i.path.join('.') || '(top)'}: ${i.message}`).join('; ')}`);
  }
  const names = new Set<string>();
  for (const s of r.data.sources) {
    if (names.has(s.name)) throw new SourcesError(`${file}: two sources are named ${s.name}`);
    names.add(s.name);
  }
  return r.data.sources;
}

/** The hosts a source may fetch from (lower case). */
export function allowedHosts(s: Source): Set<string> {
  return new Set((s.allowedHosts ?? s.start.map((u) => new URL(u).hostname)).map(hostKey));
}
