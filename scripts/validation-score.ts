/**
 * The check of the checks (issue 17): validates the consistent documents — the seed sample's renders
 * in samples/ and every render (markdown, HTML, Chromium PDF) of samples/validation — and the
 * injected ones of tests/fixtures/validation,
 * made by scripts/make-validation-samples.mjs, and reports
 *   - the error findings on consistent documents (must be 0),
 *   - recall: injected documents where an expected rule fires at the expected cell,
 *   - precision: error findings on injected documents that are at an expected cell.
 *
 *   npx tsc -p tsconfig.build.json && node dist/scripts/validation-score.js [--json]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extract } from '../src/pipeline.js';
import { validateDocument } from '../src/validate/index.js';
import type { Finding } from '../schemas/findings.js';

export interface Expectation {
  rule: string;
  table: string;
  item: string;
  column: string;
}

export interface Injection {
  file: string;
  family: string;
  injection: string;
  changed: { table?: string; row?: string; column?: string; sentence?: string };
  by: string;
  expect: Expectation[];
}

const squash = (s: string | undefined) => (s ?? '').replace(/\s+/g, '');

/** An error finding is at an expected cell: same rule, and table / row / column as expected (narrative: the changed sentence). */
export function atExpectedCell(f: Finding, inj: Injection): boolean {
  return inj.expect.some((e) => {
    if (f.rule !== e.rule) return false;
    if (e.rule.startsWith('narrative.')) {
      // the changed sentence, or (a table changed) the sentence that states the figure
      const s = squash(f.where.sentence);
      if (!s) return false;
      if (inj.changed.sentence === undefined) return s.includes(squash(e.item));
      return squash(inj.changed.sentence).includes(s) || s.includes(squash(inj.changed.sentence).slice(0, 30));
    }
    if (e.table && !squash(f.where.table).includes(squash(e.table))) return false;
    if (e.item && !(f.where.code === e.item || squash(f.where.item).endsWith(squash(e.item)))) return false;
    if (e.column && !squash(f.where.column).includes(squash(e.column))) return false;
    return true;
  });
}

export interface Score {
  consistent: { documents: number; errors: number; byDocument: { file: string; errors: number; rules: string[] }[] };
  injected: {
    documents: number;
    found: number;
    recall: number;
    errors: number;
    errorsAtCell: number;
    precision: number;
    misses: { file: string; injection: string; errors: string[] }[];
    stray: { file: string; rule: string; message: string }[];
  };
}

export async function scoreValidation(root: string): Promise<Score> {
  // the seed sample and its renders, and the validation samples of every template family
  const dirs = [join(root, 'samples'), join(root, 'samples', 'validation')];
  const fixtures = join(root, 'tests', 'fixtures', 'validation');
  const byDocument: Score['consistent']['byDocument'] = [];
  // scans are OCR's to measure (tests/ocr): an OCR misread is flagged by exactly these findings
  const files = dirs.flatMap((d) => readdirSync(d).filter((x) => /\.(md|html|pdf)$/.test(x) && x !== 'README.md' && !/\.(scan|mixed)\.pdf$/.test(x)).sort().map((x) => join(d, x)));
  for (const path of files) {
    const f = relative(root, path);
    const checks = validateDocument(await extract(path));
    const errs = checks.findings.filter((x) => x.severity === 'error');
    byDocument.push({ file: f, errors: errs.length, rules: errs.map((x) => `${x.rule}: ${x.message.zh}`) });
  }
  const injections = JSON.parse(readFileSync(join(fixtures, 'injections.json'), 'utf8')) as Injection[];
  let found = 0;
  let errors = 0;
  let atCell = 0;
  const misses: Score['injected']['misses'] = [];
  const stray: Score['injected']['stray'] = [];
  for (const inj of injections) {
    const checks = validateDocument(await extract(join(fixtures, inj.file)));
    const errs = checks.findings.filter((x) => x.severity === 'error');
    const hits = errs.filter((x) => atExpectedCell(x, inj));
    errors += errs.length;
    atCell += hits.length;
    if (hits.length) found++;
    else misses.push({ file: inj.file, injection: inj.injection, errors: errs.map((x) => `${x.rule}: ${x.message.zh}`) });
    for (const x of errs) if (!hits.includes(x)) stray.push({ file: inj.file, rule: x.rule, message: x.message.zh });
  }
  return {
    consistent: { documents: byDocument.length, errors: byDocument.reduce((n, d) => n + d.errors, 0), byDocument },
    injected: { documents: injections.length, found, recall: found / injections.length, errors, errorsAtCell: atCell, precision: errors ? atCell / errors : 1, misses, stray },
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  // compiled to dist/scripts/: the repository is two levels up
  const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
  const s = await scoreValidation(root);
  if (process.argv.includes('--json')) console.log(JSON.stringify(s, null, 1));
  else {
    console.log(`consistent documents: ${s.consistent.documents}, error findings: ${s.consistent.errors}`);
    for (const d of s.consistent.byDocument.filter((x) => x.errors)) console.log(`  ${d.file}: ${d.rules.join(' | ')}`);
    console.log(`injected documents: ${s.injected.documents}, found at the right cell: ${s.injected.found} (recall ${s.injected.recall.toFixed(3)})`);
    console.log(`error findings on injected documents: ${s.injected.errors}, at an expected cell: ${s.injected.errorsAtCell} (precision ${s.injected.precision.toFixed(3)})`);
    for (const m of s.injected.misses) console.log(`  MISS ${m.file} (${m.injection}): ${m.errors.join(' | ') || 'no error finding'}`);
    for (const x of s.injected.stray) console.log(`  STRAY ${x.file} ${x.rule}: ${x.message}`);
  }
}
