/**
 * The check of the checks (issue 17): consistent documents of every template family the project
 * prints (the seed sample's renders and samples/validation) give zero error findings, over all
 * their renders; documents with one injected error are
 * caught at the changed cell. Documents: samples/validation and tests/fixtures/validation, made by
 * scripts/make-validation-samples.mjs. The figures are recorded in BENCHMARKS.md.
 */
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { scoreValidation, type Score } from '../../scripts/validation-score.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

describe('the check of the checks', () => {
  let score: Score;
  it('scores every sample', async () => {
    score = await scoreValidation(root);
    expect(score.consistent.documents).toBeGreaterThanOrEqual(17);
    expect(score.injected.documents).toBeGreaterThanOrEqual(86);
  }, 300_000);
  it('consistent documents: zero error findings', () => {
    expect(score.consistent.byDocument.filter((d) => d.errors)).toEqual([]);
  });
  it('injected errors found at the right cell in ≥ 95 %, and every error finding at a changed cell', () => {
    expect(score.injected.misses).toEqual([]);
    expect(score.injected.recall).toBeGreaterThanOrEqual(0.95);
    expect(score.injected.precision).toBeGreaterThanOrEqual(0.95);
  });
});
