/**
 * Issue case 2 and the hostile PDF classes: every failure of pdf.js is a documented reason, never
 * `internal` and never "success, 0 tables" — page-tree loops, deep nesting, many pages, JavaScript,
 * a promise pdf.js rejects without a handler.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extract } from '../../src/pipeline.js';
import { deepNestingPdf, javascriptPdf, manyPagesPdf, pageTreeLoopPdf } from '../../scripts/hostile-inputs.js';
import { byName, ensureDist, readManifest, removeTempDirs, runCli, tempDir, writeFixtures } from '../batch/helpers.js';

beforeAll(() => ensureDist(), 180_000);
afterAll(() => removeTempDirs());

const read = (bytes: Uint8Array, name: string) => extract({ bytes, name });

describe('hostile PDFs', () => {
  it('a page tree that loops to itself is corrupt, not "success, 0 tables"', async () => {
    await expect(read(pageTreeLoopPdf(), 'loop.pdf')).rejects.toMatchObject({ reason: 'corrupt', message: expect.stringMatching(/circular/i) });
  });

  it('objects nested 100,000 deep: corrupt (the parser ran out of stack), not internal', async () => {
    await expect(read(deepNestingPdf(100_000), 'deep.pdf')).rejects.toMatchObject({ reason: 'corrupt' });
  });

  it('1,000 pages of nothing but a word: read to the end, no budget content', async () => {
    const doc = await read(manyPagesPdf(1000), 'pages.pdf');
    expect(doc.source.pages).toBe(1000);
    expect(doc.status).toBe('no-content');
  }, 120_000);

  it('JavaScript in the PDF is never run; the table is read', async () => {
    const doc = await read(javascriptPdf(), 'js.pdf');
    expect(doc.tables).toHaveLength(1);
    expect(doc.status).not.toBe('no-content');
  });

  it('a promise pdf.js rejects without a handler ends that input as corrupt; the worker is replaced and the run goes on', async () => {
    const dir = tempDir();
    const out = join(dir, 'out');
    writeFixtures(dir, 3);
    const r = await runCli(['extract', '-o', out, '--progress', 'json', '--jobs', '1', dir], { YUSUAN_TEST_STRAY_REJECTION: 'd02.md' });
    expect(r.code).toBe(1);
    const m = byName(readManifest(out));
    expect(m.get('d02.md')).toMatchObject({ status: 'failed', error: { reason: 'corrupt', message: expect.stringContaining('XRefEntryException') } });
    expect(m.get('d01.md')!.status).toBe('ok');
    expect(m.get('d03.md')!.status).toBe('ok');
    expect(r.stderr).not.toMatch(/not handled with \.catch\(\)|^\s+at /m);
  });
});
