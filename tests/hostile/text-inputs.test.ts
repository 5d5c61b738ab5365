/** Issue case 7: text inputs in UTF-16, with invalid bytes, hostile HTML nesting, no budget content. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extract } from '../../src/pipeline.js';
import { MAX_TEXT_BYTES } from '../../extractors/text/limits.js';
import { BUDGET_TEXT, invalidUtf8, nestedTablesHtml, NOT_FOUND_HTML, unclosedTablesHtml, utf16 } from '../../scripts/hostile-inputs.js';

const read = (bytes: Uint8Array, name: string) => extract({ bytes, name });
const SAMPLE_MD = new URL('../../samples/xinzhou-xinfang-2024-budget.md', import.meta.url);

describe('text inputs', () => {
  for (const endian of ['le', 'be'] as const) {
    for (const bom of [true, false]) {
      it(`UTF-16 ${endian.toUpperCase()} ${bom ? 'with' : 'without'} BOM reads like UTF-8`, async () => {
        const doc = await read(utf16(BUDGET_TEXT, endian, bom), 'budget.txt');
        const plain = await read(new TextEncoder().encode(BUDGET_TEXT), 'budget.txt');
        expect(doc.status).toBe('success');
        expect(doc.tables.map((t) => t.rows.map((r) => r.amounts.map((a) => a.value)))).toEqual(plain.tables.map((t) => t.rows.map((r) => r.amounts.map((a) => a.value))));
        expect(doc.tables[0].rows.length).toBeGreaterThan(0);
      });
    }
  }

  it('200 invalid bytes in a UTF-8 file are replaced and counted in a warning, the rest is read', async () => {
    const text = readFileSync(SAMPLE_MD, 'utf8');
    const doc = await read(invalidUtf8(text, 200), 'budget.md');
    const warn = doc.diagnostics.find((d) => d.code === 'text.invalid-bytes');
    expect(warn?.message).toMatch(/200 invalid byte sequences/);
    expect(doc.status).toBe('partial');
    expect(doc.tables.length).toBeGreaterThan(5);
  });

  it('binary data is still refused', async () => {
    const bytes = new Uint8Array(4096).map((_, i) => (i * 7919) % 256);
    await expect(read(bytes, 'x.txt')).rejects.toMatchObject({ reason: 'unknown-format' });
  });

  it('10,000 nested tables and 100,000 unclosed ones end at once as too-large, not a stack overflow or a timeout', async () => {
    await expect(read(new TextEncoder().encode(nestedTablesHtml(10_000)), 'nested.html')).rejects.toMatchObject({ reason: 'too-large' });
    await expect(read(new TextEncoder().encode(unclosedTablesHtml(100_000)), 'unclosed.html')).rejects.toMatchObject({ reason: 'too-large' });
    await expect(read(new TextEncoder().encode(`<html><body>${'<div>'.repeat(20_000)}预算</body></html>`), 'divs.html')).rejects.toMatchObject({ reason: 'too-large' });
  });

  it('a text over the size limit is too-large before it is decoded', async () => {
    await expect(read(new Uint8Array(MAX_TEXT_BYTES + 1).fill(0x61), 'big.txt')).rejects.toMatchObject({ reason: 'too-large' });
  });

  it('a saved 404 page and a file saying "hello" have no budget content: status no-content', async () => {
    expect((await read(new TextEncoder().encode(NOT_FOUND_HTML), '404.html')).status).toBe('no-content');
    expect((await read(new TextEncoder().encode('hello\n'), 'hello.txt')).status).toBe('no-content');
    // a narrative-only part of a disclosure is still read as one
    expect((await read(new TextEncoder().encode('2024年部门预算公开说明\n\n本部门2024年收入预算100万元。\n'), 'notes.txt')).status).toBe('success');
  });
});
