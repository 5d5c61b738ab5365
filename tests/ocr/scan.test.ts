/**
 * Scans read by OCR into the same pipeline: the scanned samples (scripts/make-scans.mjs: 200 dpi,
 * ±0.6° skew, noise, JPEG) must give the facts of the born-digital PDF they were made from, and
 * every OCR amount that differs must be pointed at by the document itself.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ocrAccuracy } from '../../scripts/ocr-accuracy.js';
import { extract } from '../../src/pipeline.js';
import { validateDocument } from '../../src/validate/index.js';
import { ROOT } from '../helpers.js';

const sample = (name: string) => join(ROOT, 'samples', `xinzhou-xinfang-2024-budget.${name}`);
// OCR of 40 pages takes minutes on a loaded 2-core machine
const LONG = 20 * 60_000;

describe('OCR', () => {
  it('reads the scanned sample as its text layer', { timeout: LONG }, async () => {
    const [scan, text] = await Promise.all([extract(sample('scan.pdf')), extract(sample('libreoffice.pdf'))]);
    expect(scan.source.ocrPages).toHaveLength(scan.source.pages!);
    const acc = ocrAccuracy(scan, validateDocument(scan), text);
    const report = `recall ${acc.recall.toFixed(4)} precision ${acc.precision.toFixed(4)}; missing ${JSON.stringify(acc.missing.slice(0, 5))}; wrong ${JSON.stringify(acc.wrong.slice(0, 5))}`;
    expect(acc.recall, report).toBeGreaterThanOrEqual(0.99);
    expect(acc.precision, report).toBeGreaterThanOrEqual(0.995);
    expect(acc.unflagged, report).toEqual([]);
    // every amount says it was read by OCR, with its confidence
    const amounts = scan.tables.flatMap((t) => t.rows.flatMap((r) => r.amounts));
    expect(amounts.length).toBeGreaterThan(0);
    expect(amounts.every((a) => a.ocr !== undefined && a.ocr >= 0.8 && a.page && a.bbox)).toBe(true);
  });

  it('reads a document whose table pages are scanned and the rest text', { timeout: LONG }, async () => {
    const [mixed, text] = await Promise.all([extract(sample('mixed.pdf')), extract(sample('chromium.pdf'))]);
    expect(mixed.source.ocrPages).toEqual([4, 5, 6, 7, 8, 9]);
    const acc = ocrAccuracy(mixed, validateDocument(mixed), text);
    const report = `recall ${acc.recall.toFixed(4)} precision ${acc.precision.toFixed(4)}; missing ${JSON.stringify(acc.missing.slice(0, 5))}; wrong ${JSON.stringify(acc.wrong.slice(0, 5))}`;
    expect(acc.recall, report).toBeGreaterThanOrEqual(0.99);
    expect(acc.precision, report).toBeGreaterThanOrEqual(0.995);
    expect(acc.unflagged, report).toEqual([]);
  });

  it('refuses a scan with --ocr off, naming the fix', async () => {
    await expect(extract(sample('scan.pdf'), { ocr: 'off' })).rejects.toMatchObject({ reason: 'no-text-layer' });
  });
});
