/**
 * One line of <out>/manifest.jsonl: what a batch run did with one input.
 * See docs/batch.md for the meaning of each field and of the statuses.
 */
import { z } from 'zod';
import { ConversionStatus } from './document.js';

export const ManifestStatus = z.enum(['ok', 'partial', 'no-content', 'failed', 'skipped']);
export type ManifestStatus = z.infer<typeof ManifestStatus>;

export const FindingCounts = z.object({
  error: z.number().int().nonnegative(),
  warning: z.number().int().nonnegative(),
  info: z.number().int().nonnegative(),
});
export type FindingCounts = z.infer<typeof FindingCounts>;

export const ManifestEntry = z.object({
  path: z.string().describe('the input as found (relative to the working directory when given so)'),
  output: z.string().optional().describe('the output folder under --out (absent when nothing could be written)'),
  sha256: z.string().optional().describe('SHA-256 of the input bytes (absent when the file could not be read)'),
  bytes: z.number().int().nonnegative().optional(),
  status: ManifestStatus,
  documentStatus: ConversionStatus.optional().describe('document.json status (also for skipped inputs)'),
  pages: z.number().int().nonnegative(),
  tables: z.number().int().nonnegative(),
  facts: z.number().int().nonnegative(),
  projects: z.number().int().nonnegative(),
  findings: FindingCounts,
  diagnostics: z.object({ warning: z.number().int().nonnegative(), error: z.number().int().nonnegative() }),
  durationMs: z.number().nonnegative(),
  error: z
    .object({ reason: z.string(), message: z.string() })
    .optional()
    .describe('why a failed input failed: reason is one of src/core/errors.ts FailureReason'),
  yusuan: z.string().describe('the yusuan version of this run'),
});
export type ManifestEntry = z.infer<typeof ManifestEntry>;
