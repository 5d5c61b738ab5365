/**
 * The workers time their own pdf.js calls, so the benchmark can tell pdf.js's time from the
 * pipeline's own in the same run (BENCHMARKS.md) rather than from a second, different run.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { noTimings } from '../../extractors/source-input.js';
import { processFile } from '../../src/batch/task.js';
import { extract } from '../../src/pipeline.js';

const SAMPLES = path.join(__dirname, '..', '..', 'samples');
const pdf = path.join(SAMPLES, 'xinzhou-xinfang-2024-budget.chromium.pdf');
const out = mkdtempSync(path.join(tmpdir(), 'yusuan-timings-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('pdf.js timings', () => {
  it('extract() adds the time of each kind of pdf.js call to the timings it is given', async () => {
    const tm = noTimings();
    const doc = await extract(pdf, { timings: tm });
    expect(doc.tables.length).toBeGreaterThan(0);
    expect(tm.openMs).toBeGreaterThan(0);
    expect(tm.textMs).toBeGreaterThan(0);
    // the sample's pages hold tables, so their operator lists (ruling lines) are read
    expect(tm.operatorsMs).toBeGreaterThan(0);
  });

  it('a processed file reports where its time went, pdf.js part included; a text input has no pdf.js part', async () => {
    const r = await processFile({ path: pdf, absPath: pdf, outDir: path.join(out, 'pdf'), output: 'pdf', force: true });
    expect(r.status).not.toBe('failed');
    const t = r.timings!;
    expect(t.extractMs).toBeGreaterThan(0);
    expect(t.validateMs).toBeGreaterThanOrEqual(0);
    expect(t.writeMs).toBeGreaterThan(0);
    expect(t.pdfjs!.textMs + t.pdfjs!.operatorsMs + t.pdfjs!.openMs).toBeLessThanOrEqual(t.extractMs);
    expect(t.extractMs + t.validateMs + t.writeMs).toBeLessThanOrEqual(r.durationMs + 1);

    const md = path.join(SAMPLES, 'xinzhou-xinfang-2024-budget.md');
    const m = await processFile({ path: md, absPath: md, outDir: path.join(out, 'md'), output: 'md', force: true });
    expect(m.timings?.pdfjs).toBeUndefined();
    expect(m.timings?.extractMs).toBeGreaterThan(0);
  });
});
