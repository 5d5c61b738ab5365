import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extract } from '../src/pipeline.js';
import { ExtractionError } from '../src/core/errors.js';
import { documentFacts } from '../src/export/facts.js';
import { docFromText, tsv } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'yusuan-bad-'));
const file = (name: string, data: string | Uint8Array) => {
  const p = join(dir, name);
  writeFileSync(p, data);
  return p;
};

async function reason(p: string): Promise<string> {
  try {
    await extract(p);
  } catch (e) {
    expect(e).toBeInstanceOf(ExtractionError);
    expect((e as ExtractionError).message).toContain(p);
    return (e as ExtractionError).reason;
  }
  throw new Error('no error');
}

describe('malformed input gives a clear error naming the file', () => {
  it('binary garbage', async () => {
    const bytes = new Uint8Array(4096).map((_, i) => (i * 7919) % 256);
    expect(await reason(file('garbage.bin', bytes))).toBe('unknown-format');
  });
  it('an empty file', async () => {
    expect(await reason(file('empty.txt', ''))).toBe('empty');
  });
  it('a missing file', async () => {
    expect(await reason(join(dir, 'nope.pdf'))).toBe('unreadable');
  });
  it('a non-PDF named .pdf', async () => {
    expect(await reason(file('fake.pdf', 'hello, this is not a pdf'))).toBe('not-pdf');
  });
});

describe('a ragged row is reported, never read into a wrong column', () => {
  const doc = docFromText(
    `## 2024年预算支出总表\n\n单位：万元\n\n${tsv(
      ['科目编码', '科目名称', '合计', '基本支出'],
      ['201', '一般公共服务支出', '10.00', '6.00', '99.99'],
      ['208', '社会保障和就业支出', '5.00', 'n/a'],
    )}`,
  );
  it('warns about the extra cell and the unreadable one', () => {
    const codes = doc.diagnostics.map((d) => d.code);
    expect(codes).toContain('cell.outside-header');
    expect(codes).toContain('cell.unreadable');
    expect(codes).toContain('grid.ragged-row');
    expect(doc.status).toBe('partial');
  });
  it('emits only the numbers it can place', () => {
    expect(documentFacts(doc).map((f) => `${f.code}:${f.column}=${f.value}`)).toEqual(['201:合计=10.00', '201:基本支出=6.00', '208:合计=5.00']);
  });
});
