import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractPdf } from '../../extractors/pdf/index.js';
import { ExtractionError, type FailureReason } from '../../src/core/errors.js';
import { noTextPdf, tablePdf, zeroPagePdf } from '../../scripts/make-bad-samples.js';

const BAD = path.join(__dirname, '..', 'fixtures', 'pdf-bad');

function input(name: string, bytes: Uint8Array) {
  return { path: name, name, bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
}

async function reason(p: Promise<unknown>): Promise<FailureReason | 'ok'> {
  try {
    await p;
    return 'ok';
  } catch (e) {
    expect(e).toBeInstanceOf(ExtractionError);
    return (e as ExtractionError).reason;
  }
}

describe('extractPdf on bad input', () => {
  it('an empty file is "empty"', async () => {
    expect(await reason(extractPdf(input('empty.pdf', new Uint8Array())))).toBe('empty');
  });

  it('garbage named .pdf is "not-pdf"', async () => {
    const bytes = new Uint8Array(4096).map((_, i) => (i * 7919) % 251);
    expect(await reason(extractPdf(input('garbage.pdf', bytes)))).toBe('not-pdf');
    expect(await reason(extractPdf(input('text.pdf', new TextEncoder().encode('部门预算 hello'))))).toBe('not-pdf');
  });

  it('a truncated PDF is "corrupt" (or still readable), never a crash', async () => {
    const full = readFileSync(path.join(BAD, 'table.pdf'));
    for (const n of [20, 200, 400]) {
      const r = await reason(extractPdf(input(`trunc${n}.pdf`, new Uint8Array(full.subarray(0, n)))));
      expect(['corrupt', 'empty', 'no-text-layer']).toContain(r);
    }
  });

  it('a PDF with a header and nothing else is "corrupt"', async () => {
    expect(await reason(extractPdf(input('header.pdf', new TextEncoder().encode('%PDF-1.7\n%%EOF\n'))))).toMatch(/corrupt|empty/);
  });

  it('a zero-page PDF is "empty"', async () => {
    expect(await reason(extractPdf(input('zero.pdf', zeroPagePdf())))).toBe('empty');
  });

  it('a PDF without any text is "no-text-layer" and says OCR is needed', async () => {
    await expect(extractPdf(input('scan.pdf', noTextPdf()))).rejects.toThrow(/OCR/);
    expect(await reason(extractPdf(input('scan.pdf', noTextPdf())))).toBe('no-text-layer');
  });

  it('an encrypted PDF needs --password; the right password opens it', async () => {
    const bytes = new Uint8Array(readFileSync(path.join(BAD, 'encrypted.pdf')));
    await expect(extractPdf(input('enc.pdf', bytes))).rejects.toThrow(/--password/);
    expect(await reason(extractPdf(input('enc.pdf', bytes)))).toBe('encrypted');
    expect(await reason(extractPdf(input('enc.pdf', bytes), { password: 'wrong' }))).toBe('encrypted');
    const doc = await extractPdf(input('enc.pdf', bytes), { password: 'secret' });
    expect(doc.blocks.some((b) => b.type === 'grid')).toBe(true);
  });

  it('the caller keeps its bytes (pdf.js must not detach them)', async () => {
    const bytes = tablePdf();
    await extractPdf(input('t.pdf', bytes));
    expect(bytes.length).toBeGreaterThan(0);
    expect(bytes[0]).toBe(0x25);
  });
});

describe('extractPdf on a small ruled table', () => {
  it('gives a title text block and one grid with the printed cells', async () => {
    const doc = await extractPdf(input('table.pdf', tablePdf()));
    expect(doc.source).toMatchObject({ name: 'table.pdf', format: 'pdf', pages: 1 });
    const grids = doc.blocks.filter((b) => b.type === 'grid');
    expect(grids).toHaveLength(1);
    const g = grids[0];
    if (g.type !== 'grid') throw new Error('not a grid');
    expect(g.method).toBe('ruled');
    expect(g.rows.map((r) => r.cells.map((c) => c.text))).toEqual([
      ['Item', '2024', '2025'],
      ['Total', '1,633,000.00', '-12.50'],
    ]);
    expect(g.columnEdges).toEqual([50, 200, 300, 400]);
    // top-left origin: the title (higher on the page) has a smaller y than the table
    const title = doc.blocks.find((b) => b.type === 'text' && b.text === 'Budget table');
    expect(title).toBeDefined();
    if (title?.type === 'text') expect(title.bbox!.y1).toBeLessThan(g.bbox!.y0);
  });
});
