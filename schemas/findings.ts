/**
 * Findings of validation: what a reviewer would note, with where and the figures.
 * Kept apart from the document (content vs diagnostics).
 */
import { z } from 'zod';
import { BBox, Severity } from './intermediate.js';

export const Finding = z.object({
  rule: z.string().describe('stable rule id, e.g. hierarchy.functional'),
  severity: Severity,
  message: z.object({ zh: z.string(), en: z.string() }),
  where: z.object({
    tableId: z.number().int().positive().optional(),
    table: z.string().optional().describe('table title'),
    page: z.number().int().positive().optional(),
    row: z.number().int().positive().optional(),
    item: z.string().optional(),
    code: z.string().optional(),
    column: z.string().optional(),
    bbox: BBox.optional(),
    sentence: z.string().optional(),
  }),
  expected: z.string().optional(),
  found: z.string().optional(),
  difference: z.string().optional(),
});
export type Finding = z.infer<typeof Finding>;

export const Checks = z.object({
  document: z.string(),
  sha256: z.string(),
  yusuan: z.string(),
  summary: z.object({
    error: z.number().int().nonnegative(),
    warning: z.number().int().nonnegative(),
    info: z.number().int().nonnegative(),
    byRule: z.record(z.string(), z.number().int().nonnegative()),
  }),
  findings: z.array(Finding),
});
export type Checks = z.infer<typeof Checks>;
