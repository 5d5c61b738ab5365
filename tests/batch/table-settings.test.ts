/**
 * `yusuan extract --table-settings FILE` (src/core/table-settings.ts, extractors/pdf/table-hints.ts),
 * run as the compiled CLI: a bad file is one line naming it and the reason, and a usage error; a
 * good one places the tables the finder reads wrong. The real case: the seed's Chromium render
 * without borders read with the finder as it was before it knew a table printed on as a second
 * table in other widths (its 收支总表 totals under 上年结转安排), then with p.4's tables placed by hand.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './build.js';
import { ensureDist, removeTempDirs, runCli, tempDir } from './helpers.js';

beforeAll(() => ensureDist(), 180_000);
afterAll(() => removeTempDirs());

const FIX = join(ROOT, 'tests/fixtures/table-settings');
const PDF = join(ROOT, 'samples/xinzhou-xinfang-2024-budget.borderless.pdf');
const run = (settings: string, out: string, input = PDF) => runCli(['extract', '-o', out, '--no-db', '--no-xlsx', '--quiet', '--progress', 'none', '--table-settings', settings, input]);

/** The 收支总表's 本年支出合计 facts: column → value. */
function totals(out: string): Record<string, string> {
  const [head, ...lines] = readFileSync(join(out, 'facts.csv'), 'utf8').trim().split('\n');
  const cols = head.split(',');
  const at = (c: string) => cols.indexOf(c);
  return Object.fromEntries(
    lines
      .map((l) => l.split(','))
      .filter((r) => r[at('item')] === '本年支出合计' && r[at('table_kind')] === 'budget_summary')
      .map((r) => [r[at('column')], r[at('value')]]),
  );
}

describe('--table-settings', () => {
  it('a file that cannot be read or is not valid: one line naming it and the reason, exit 2', async () => {
    const dir = tempDir();
    const bad = join(FIX, 'bad-area.json');
    const r = await run(bad, join(dir, 'out'));
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual([`yusuan: --table-settings ${bad}: bad table settings: tables[0].area: area is [x0, top, x1, bottom] with x1 > x0 and bottom > top`]);
    const missing = join(dir, 'none.yaml');
    const m = await run(missing, join(dir, 'out'));
    expect(m.code).toBe(2);
    expect(m.stderr.trim().split('\n')).toEqual([`yusuan: --table-settings ${missing}: cannot read the table settings: no such file`]);
  });

  it('overrides a layout setting, and the tables placed by hand are read right', async () => {
    const dir = tempDir();
    const before = await run(join(FIX, 'finder-as-before.json'), join(dir, 'before'));
    expect(before.code).toBe(0);
    expect(totals(join(dir, 'before'))).toEqual({ 上年结转安排: '694.34', 当年预算安排: '694.34' });
    const placed = await run(join(FIX, 'seed-borderless-p4.yaml'), join(dir, 'placed'));
    expect(placed.code).toBe(0);
    expect(totals(join(dir, 'placed'))).toEqual({ '2024年合计': '694.34', 当年预算安排: '694.34' });
  }, 180_000);
});
