/**
 * The bundled samples (renderings of the seed disclosure by different producers) must all give
 * the facts of the seed text, which scores 1.0/1.0 against its truth (tests/seed.test.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { documentFacts } from '../src/export/facts.js';
import { extract } from '../src/pipeline.js';
import { ROOT } from './helpers.js';

function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(cell), (cell = '');
    else if (ch === '\n') row.push(cell), rows.push(row), (row = []), (cell = '');
    else if (ch !== '\r') cell += ch;
  }
  if (cell || row.length) row.push(cell), rows.push(row);
  return rows;
}

const expectedRows = parseCsv(readFileSync(join(ROOT, 'tests/fixtures/xinzhou-xinfang-2024-budget.expected-facts.csv'), 'utf8'));
const [cols, ...expected] = expectedRows;
const key = (r: Record<string, string>) => cols.map((c) => r[c]).join('|');
const expectedKeys = expected.map((r) => r.join('|')).sort();

describe.each([
  'xinzhou-xinfang-2024-budget.md',
  'xinzhou-xinfang-2024-budget.html',
  'xinzhou-xinfang-2024-budget.chromium.pdf',
  'xinzhou-xinfang-2024-budget.libreoffice.pdf',
])('sample %s', (name) => {
  it('gives exactly the seed facts', async () => {
    const doc = await extract(join(ROOT, 'samples', name));
    const got = documentFacts(doc).map((f) => key(f as unknown as Record<string, string>)).sort();
    const missing = expectedKeys.filter((k) => !got.includes(k));
    const extra = got.filter((k) => !expectedKeys.includes(k));
    expect({ missing, extra }).toEqual({ missing: [], extra: [] });
  });
});
