#!/usr/bin/env node
/**
 * `npm run robustness`: a batch of 1,000 inputs with 10 bad ones mixed in (corrupt, encrypted,
 * empty, not a PDF, and two that hang — simulated with the test-only YUSUAN_TEST_HANG_ON hook of
 * the worker). The run is killed (SIGKILL) half-way and started again; checks that the second run
 * completes, redoes nothing the first finished, lists exactly the 10 bad inputs as failed with
 * their reasons, loses nothing, and that the database holds each document exactly once. A third
 * run must skip every good input. Results go to BENCHMARKS.md (its "robustness" section).
 *
 *   node scripts/robustness.mjs [--files 1000] [--jobs N] [--timeout 30] [--keep]
 * The good inputs are copies of samples/ (the markdown and HTML renderings, and one PDF in 20),
 * each with one changed byte so that every hash differs.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { ROOT, arg, flag, machine, runYusuan, writeSection } from './bench-common.mjs';

const total = Number(arg('files', '1000'));
const jobs = Number(arg('jobs', String(os.availableParallelism())));
const timeout = Number(arg('timeout', '30'));
const log = (s) => process.stderr.write(`robustness: ${s}\n`);
const Database = createRequire(import.meta.url)('better-sqlite3');

const work = mkdtempSync(path.join(os.tmpdir(), 'yusuan-robust-'));
const inDir = path.join(work, 'in');
const out = path.join(work, 'out');
execFileSync('mkdir', ['-p', inDir]);

// the 10 bad inputs, with the reasons each may be given
const samplePdf = path.join(ROOT, 'samples/xinzhou-xinfang-2024-budget.libreoffice.pdf');
const bad = new Map();
const addBad = (name, bytes, reasons) => {
  writeFileSync(path.join(inDir, name), bytes);
  bad.set(name, reasons);
};
addBad('bad-corrupt-1.pdf', Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(4096)]), ['corrupt']);
addBad('bad-corrupt-2.pdf', Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\nxref\n0 1\nbroken\ntrailer << /Root 1 0 R >>\n%%EOF\n'), ['corrupt', 'empty']);
for (const [i, algo] of [[1, ['128', '--use-aes=n']], [2, ['256']]]) {
  const target = path.join(inDir, `bad-encrypted-${i}.pdf`);
  const r = spawnSync('qpdf', ['--allow-weak-crypto', '--encrypt', 'user-pw', 'owner-pw', ...algo, '--', samplePdf, target]);
  if (r.status !== 0 && r.status !== 3) {
    log('qpdf is needed to make the encrypted inputs (apt-get install -y qpdf)');
    process.exit(2);
  }
  bad.set(path.basename(target), ['encrypted']);
}
addBad('bad-empty.pdf', Buffer.alloc(0), ['empty']);
addBad('bad-empty.md', Buffer.alloc(0), ['empty']);
addBad('bad-not-a-pdf.pdf', Buffer.from('Just some text that is not a PDF.\n'), ['not-pdf']);
addBad('bad-png.pdf', Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(512)]), ['not-pdf']);
const hang = ['bad-hang-1.md', 'bad-hang-2.pdf'];
writeFileSync(path.join(inDir, hang[0]), readFileSync(path.join(ROOT, 'samples/xinzhou-xinfang-2024-budget.md')));
writeFileSync(path.join(inDir, hang[1]), readFileSync(samplePdf));
for (const h of hang) bad.set(h, ['timeout']);

// the good inputs: copies of samples with one changed byte each, bad ones spread among them
const texts = ['md', 'html'].map((ext) => [ext, readFileSync(path.join(ROOT, `samples/xinzhou-xinfang-2024-budget.${ext}`))]);
// text-layer PDFs only: the scanned samples are OCR's own benchmark (npm run bench:ocr)
const pdfs = readdirSync(path.join(ROOT, 'samples')).filter((f) => f.endsWith('.pdf') && !/\.(scan|mixed)\.pdf$/.test(f)).map((f) => readFileSync(path.join(ROOT, 'samples', f)));
const good = total - bad.size;
for (let i = 0; i < good; i++) {
  const name = `doc-${String(i).padStart(4, '0')}`;
  if (i % 20 === 7) writeFileSync(path.join(inDir, `${name}.pdf`), Buffer.concat([pdfs[i % pdfs.length], Buffer.from(`\n%copy ${i}\n`)]));
  else {
    const [ext, bytes] = texts[i % 2];
    writeFileSync(path.join(inDir, `${name}.${ext}`), Buffer.concat([bytes, Buffer.from(`\n<!-- copy ${i} -->\n`)]));
  }
}
// bad names sort first ("bad-…"): move them among the good ones so the kill lands in the middle of everything
for (const [i, name] of [...bad.keys()].entries()) {
  const renamed = `doc-${String(Math.floor(((i + 0.5) * good) / bad.size)).padStart(4, '0')}-${name}`;
  execFileSync('mv', [path.join(inDir, name), path.join(inDir, renamed)]);
  bad.set(renamed, bad.get(name));
  bad.delete(name);
  if (hang.includes(name)) hang[hang.indexOf(name)] = renamed;
}
log(`${good} good + ${bad.size} bad inputs in ${inDir}`);

const env = { YUSUAN_TEST_HANG_ON: hang.join(',') };
const args = [inDir, '-o', out, '--jobs', String(jobs), '--timeout', String(timeout)];
const m0 = machine();
const readManifest = () =>
  existsSync(path.join(out, 'manifest.jsonl'))
    ? readFileSync(path.join(out, 'manifest.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l))
    : [];
const name = (e) => path.basename(e.path);

// run A: killed half-way
let child;
log('run A, to be killed with SIGKILL half-way …');
const a = await runYusuan(args, {
  env,
  onStart: (c) => (child = c),
  onEvent: (e) => {
    if (e.event === 'file' && e.done >= Math.floor(total / 2) && !child.killed) child.kill('SIGKILL');
  },
});
const manifestA = readManifest();
const doneA = new Map(manifestA.map((e) => [name(e), e]));
log(`run A: signal ${a.signal}, ${manifestA.length} lines in the partial manifest`);

// run B: resumes
log('run B, resuming …');
const b = await runYusuan(args, { env });
const manifestB = readManifest();
const byB = new Map(manifestB.map((e) => [name(e), e]));
const failedB = manifestB.filter((e) => e.status === 'failed');
const problems = [];
const check = (ok, what) => {
  if (!ok) problems.push(what);
  log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  return ok;
};
check(a.signal === 'SIGKILL', 'run A was killed by SIGKILL');
check(manifestA.length >= Math.floor(total / 2) - jobs && manifestA.length < total, `run A left a partial manifest (${manifestA.length} of ${total} lines)`);
check(b.code === 1, `run B exited 1 (some inputs failed): ${b.code}`);
check(manifestB.length === total, `run B's manifest lists every input: ${manifestB.length}`);
check(
  failedB.length === bad.size && failedB.every((e) => bad.has(name(e)) && bad.get(name(e)).includes(e.error?.reason)),
  `exactly the ${bad.size} bad inputs failed, each with its reason: ${failedB.map((e) => `${name(e).replace(/^doc-\d+-/, '')}=${e.error?.reason}`).join(', ')}`,
);
const redone = [...doneA.values()].filter((e) => e.status !== 'failed' && byB.get(name(e))?.status !== 'skipped');
check(redone.length === 0, `nothing run A finished was redone in run B (${[...doneA.values()].filter((e) => e.status !== 'failed').length} skipped; redone: ${redone.length})`);
const goodB = manifestB.filter((e) => !bad.has(name(e)));
check(goodB.length === good && goodB.every((e) => ['ok', 'partial', 'skipped'].includes(e.status)), `all ${good} good inputs done (ok/partial/skipped): ${goodB.filter((e) => e.status !== 'failed').length}`);
const missingMarker = goodB.filter((e) => !existsSync(path.join(out, e.output, '.yusuan-complete.json')));
check(missingMarker.length === 0, `every good input has complete outputs (marker present): ${good - missingMarker.length}`);
const tmpLeft = execFileSync('find', [out, '-name', '*.tmp'], { encoding: 'utf8' }).trim();
check(tmpLeft === '', 'no temp file left behind');
const db = new Database(path.join(out, 'yusuan.sqlite'), { readonly: true });
const one = (sql) => Object.values(db.prepare(sql).get())[0];
const docs = one('SELECT count(*) FROM documents');
const distinct = new Set(goodB.map((e) => e.sha256)).size;
check(docs === distinct && distinct === good, `the database holds each document once: ${docs} rows, ${distinct} distinct good hashes`);
check(one('SELECT count(*) FROM (SELECT document, seq FROM facts GROUP BY 1, 2 HAVING count(*) > 1)') === 0, 'no duplicated fact rows');
const dbFacts = one('SELECT count(*) FROM facts');
const manFacts = goodB.reduce((s, e) => s + e.facts, 0);
check(dbFacts === manFacts, `facts in the database = facts in the manifest: ${dbFacts} / ${manFacts}`);
db.close();
const runFacts = readFileSync(path.join(out, 'facts.csv'), 'utf8').split('\n').filter(Boolean).length - 1;
check(runFacts === manFacts, `the run's facts.csv has every document's facts: ${runFacts}`);

// run C: nothing left to do but the bad ones
log('run C, everything done …');
const c = await runYusuan(args, { env });
const manifestC = readManifest();
const skippedC = manifestC.filter((e) => e.status === 'skipped').length;
check(skippedC === good && manifestC.filter((e) => e.status === 'failed').length === bad.size, `run C skipped all ${good} good inputs (${skippedC}) and failed the ${bad.size} bad ones again`);
const db2 = new Database(path.join(out, 'yusuan.sqlite'), { readonly: true });
check(Object.values(db2.prepare('SELECT count(*) FROM documents').get())[0] === good, 'still one database row per document after run C');
db2.close();

const sec = (r) => (r.wallMs / 1000).toFixed(1);
const lines = [
  '## Robustness (`npm run robustness`)',
  '',
  `Date ${m0.date}; ${m0.nproc} cores, ${m0.cpu}, ${m0.ramGiB} GiB; load at start ${m0.load}. Command: \`node scripts/robustness.mjs --files ${total} --jobs ${jobs} --timeout ${timeout}\`.`,
  '',
  `${total} inputs: ${good} good ones (copies of samples/ with one changed byte: markdown and HTML renderings, every 20th a PDF) and ${bad.size} bad ones spread among them: 2 corrupt PDFs, 2 encrypted (qpdf, RC4-128 and AES-256), an empty .pdf and an empty .md, 2 non-PDFs named .pdf, and 2 that hang (a busy loop through the test-only \`YUSUAN_TEST_HANG_ON\` hook) stopped by \`--timeout ${timeout}\`.`,
  '',
  `- run A killed with SIGKILL after ${Math.floor(total / 2)} files (${sec(a)} s): partial manifest of ${manifestA.length} lines`,
  `- run B resumed (${sec(b)} s), exit ${b.code}; run C (${sec(c)} s), exit ${c.code}`,
  '',
  ...problems.length ? ['**Problems:**', '', ...problems.map((p) => `- ${p}`)] : ['All checks passed:'],
  '',
  '```',
  `failed in run B: ${failedB.map((e) => `${name(e).replace(/^doc-\d+-/, '')} [${e.error?.reason}]`).join(', ')}`,
  `redone in run B of what run A finished: ${redone.length}; good inputs done: ${goodB.length}; database documents: ${docs}; facts: ${dbFacts}`,
  `run C: ${skippedC} skipped, ${manifestC.filter((e) => e.status === 'failed').length} failed`,
  '```',
];
writeSection('robustness', lines.join('\n'));
if (!flag('keep')) rmSync(work, { recursive: true, force: true });
else log(`kept ${work}`);
log(problems.length ? `${problems.length} problem(s)` : 'all checks passed');
process.exit(problems.length ? 1 : 0);
