#!/usr/bin/env node
/**
 * The viewer's and annotator's fixture: the sample 部门预算 with one error put in on purpose, so a
 * test has error findings at cells without the shared corpus.
 *
 *   node scripts/make-viewer-fixtures.mjs      # writes tests/fixtures/viewer/xinzhou-injected.pdf
 *
 * In 2024年一般公共预算支出预算表 the 行政运行 (2013101) row is changed from 161.96 to 169.96 in both
 * amount columns, so its 款 and 类 no longer add up (hierarchy.functional errors at those cells).
 * Printed by Debian's chromium with the flags of samples/README.md.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const html = readFileSync(join(ROOT, 'samples/xinzhou-xinfang-2024-budget.html'), 'utf8');
const at = html.indexOf('<h2>2024年一般公共预算支出预算表');
const row = '<tr><td>2013101</td><td>行政运行</td><td class="num">161.96</td><td class="num">161.96</td>';
const k = html.indexOf(row, at);
if (at < 0 || k < 0) throw new Error('the sample changed: the row to alter is not where it was');
const changed = html.slice(0, k) + row.replaceAll('161.96', '169.96') + html.slice(k + row.length);

const tmp = mkdtempSync(join(tmpdir(), 'yusuan-fixture-'));
try {
  const src = join(tmp, 'xinzhou-injected.html');
  writeFileSync(src, changed);
  const out = join(ROOT, 'tests/fixtures/viewer/xinzhou-injected.pdf');
  execFileSync('chromium', [
    '--headless', '--no-sandbox', '--disable-gpu', '--no-pdf-header-footer', '--disable-pdf-tagging',
    '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run',
    `--user-data-dir=${join(tmp, 'profile')}`, `--print-to-pdf=${out}`, src,
  ], { stdio: 'inherit' });
  console.log(`wrote ${out}`);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
