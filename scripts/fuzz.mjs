#!/usr/bin/env node
/**
 * `npm run fuzz`: mutants of the samples (and of the corpus PDFs when ../shared/corpus is there),
 * the hostile inputs of scripts/hostile-inputs.ts built fresh (bombs, deep nesting, page-tree
 * loops, 10,000 pages, encrypted, JavaScript, empty, non-PDF, UTF-16, invalid bytes, deep and
 * unclosed HTML tables, no budget content) and untouched good inputs, in one batch run. Checks:
 *   - every input is in the manifest, none is `internal`, reasons are documented ones;
 *   - no stack trace and no stray line on stderr;
 *   - the good inputs are all done (ok or partial);
 *   - no worker's resident memory passed the ceiling (--max-memory);
 *   - the exit code is a documented one.
 * Exits 1 when a check fails (the failing inputs are kept for a regression test).
 *
 *   node scripts/fuzz.mjs [--mutants 10000] [--seed 1] [--jobs N] [--timeout 120] [--max-memory 1024]
 *                         [--small] [--no-corpus] [--keep] [--write]
 * --small: a quick set for CI (a 600 MB bomb under a 384 MB ceiling, 500 pages instead of 10,000,
 * text and one-page good inputs); --write: record the
 * figures in BENCHMARKS.md (section "fuzz").
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, arg, flag, machine, mb, runYusuan, writeSection } from './bench-common.mjs';

const small = flag('small');
const count = Number(arg('mutants', small ? '60' : '10000'));
const seed = Number(arg('seed', String(Date.now() % 100000)));
const jobs = Number(arg('jobs', String(os.availableParallelism())));
const timeout = Number(arg('timeout', '120'));
const maxMemory = Number(arg('max-memory', small ? '384' : '1024'));
const log = (s) => process.stderr.write(`fuzz: ${s}\n`);

const hostile = await import(path.join(ROOT, 'dist/scripts/hostile-inputs.js'));
const { rng, mutate, MUTATIONS } = hostile;
const rand = rng(seed);

const work = mkdtempSync(path.join(os.tmpdir(), 'yusuan-fuzz-'));
const inDir = path.join(work, 'in');
const out = path.join(work, 'out');
mkdirSync(inDir);

// seeds: the samples, the PDF fixtures, and (unless --no-corpus or absent) the corpus PDFs
const seeds = [];
const addSeeds = (dir, re, tag) => {
  if (!existsSync(dir)) return;
  for (const f of readdirSync(dir).sort()) if (re.test(f) && !/^readme/i.test(f)) seeds.push({ name: f, bytes: new Uint8Array(readFileSync(path.join(dir, f))), tag });
};
addSeeds(path.join(ROOT, 'samples'), /\.(pdf|md|html)$/, 'sample');
addSeeds(path.join(ROOT, 'tests/fixtures/pdf-bad'), /^table\.pdf$/, 'sample');
const corpusDir = arg('corpus', path.join(ROOT, '..', 'shared', 'corpus'));
const corpus = [];
if (!flag('no-corpus') && existsSync(corpusDir)) {
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.pdf')) corpus.push({ name: e.name, bytes: new Uint8Array(readFileSync(p)), tag: 'corpus' });
    }
  };
  walk(corpusDir);
}
log(`seed ${seed}; ${seeds.length} sample seeds, ${corpus.length} corpus PDFs; writing ${count} mutants to ${inDir}`);

// 1. mutants, by seed group: 1 % from the corpus PDFs and 4 % from the sample PDFs (tens of pages:
// slow), 40 % from the one-page PDF fixture (the parser's paths, fast), the rest from the text samples
const groups = {
  corpus,
  bigPdf: seeds.filter((s) => s.name.endsWith('.pdf') && !s.name.startsWith('table')),
  smallPdf: seeds.filter((s) => s.name.startsWith('table')),
  text: seeds.filter((s) => !s.name.endsWith('.pdf')),
};
const SHARES = [['corpus', 0.01], ['bigPdf', 0.04], ['smallPdf', 0.4], ['text', 0.55]];
function pickGroup() {
  let x = rand();
  for (const [g, share] of SHARES) {
    if (x < share && groups[g].length) return groups[g];
    x -= share;
  }
  return groups.text;
}
const kinds = new Map();
for (let i = 0; i < count; i++) {
  const pool = pickGroup();
  const s = pool[Math.floor(rand() * pool.length)];
  const other = seeds[Math.floor(rand() * seeds.length)].bytes;
  const op = MUTATIONS[Math.floor(rand() * MUTATIONS.length)];
  let bytes = mutate(s.bytes, other, op, rand);
  if (rand() < 0.2) bytes = mutate(bytes, other, MUTATIONS[Math.floor(rand() * MUTATIONS.length)], rand);
  const ext = path.extname(s.name);
  const name = `m${String(i).padStart(5, '0')}-${op}-${s.tag}${ext}`;
  writeFileSync(path.join(inDir, name), bytes);
  kinds.set(name, 'mutant');
}

// 2. the hostile set, built fresh
const add = (name, bytes, kind = 'hostile') => {
  if (bytes === undefined) return;
  writeFileSync(path.join(inDir, name), bytes);
  kinds.set(name, kind);
};
const enc = (s) => new TextEncoder().encode(s);
log('building the hostile set');
add('h-bomb.pdf', await hostile.flateBombPdf(small ? 600 * 2 ** 20 : 2.2e9));
add('h-deep-nesting.pdf', hostile.deepNestingPdf());
add('h-page-tree-loop.pdf', hostile.pageTreeLoopPdf());
add('h-many-pages.pdf', hostile.manyPagesPdf(small ? 500 : 10_000));
add('h-encrypted.pdf', hostile.encryptedPdf(work));
add('h-javascript.pdf', hostile.javascriptPdf());
add('h-empty.pdf', new Uint8Array(0));
add('h-empty.md', new Uint8Array(0));
add('h-png-named.pdf', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...Array.from({ length: 2048 }, () => Math.floor(rand() * 256))]));
add('h-binary.txt', new Uint8Array(Array.from({ length: 4096 }, () => Math.floor(rand() * 256))));
add('h-utf16le.txt', hostile.utf16(hostile.BUDGET_TEXT, 'le', true));
add('h-utf16be-nobom.txt', hostile.utf16(hostile.BUDGET_TEXT, 'be', false));
add('h-invalid-bytes.md', hostile.invalidUtf8(readFileSync(path.join(ROOT, 'samples/xinzhou-xinfang-2024-budget.md'), 'utf8'), 200));
add('h-nested-tables.html', enc(hostile.nestedTablesHtml(10_000)));
add('h-unclosed-tables.html', enc(hostile.unclosedTablesHtml(100_000)));
add('h-404.html', enc(hostile.NOT_FOUND_HTML));
add('h-hello.txt', enc('hello\n'));
add('h-long-line.txt', enc(`2024年部门预算 ${'预算'.repeat(small ? 1_000_000 : 12_000_000)}\n`));

// 3. good inputs: untouched samples (a changed trailing comment each, so hashes differ)
// (--small: the text samples and the one-page PDF only, fast under its lower ceiling)
const goods = seeds.filter((s) => s.tag === 'sample' && (small ? !s.name.endsWith('.pdf') || s.name.startsWith('table') : !s.name.startsWith('table')));
for (let i = 0; i < (small ? 3 : 20); i++) {
  const s = goods[i % goods.length];
  const ext = path.extname(s.name);
  const tail = ext === '.pdf' ? `\n%good ${i}\n` : `\n<!-- good ${i} -->\n`;
  add(`g${String(i).padStart(2, '0')}-${s.name}`, new Uint8Array(Buffer.concat([Buffer.from(s.bytes), Buffer.from(tail)])), 'good');
}

// the run
const total = kinds.size;
log(`running ${total} inputs (--jobs ${jobs} --timeout ${timeout} --max-memory ${maxMemory})`);
const r = await runYusuan(['-o', out, '--jobs', String(jobs), '--timeout', String(timeout), '--max-memory', String(maxMemory), '--no-db', inDir], {
  onEvent: (e) => {
    if (e.event === 'file' && e.done % 500 === 0) log(`${e.done}/${e.total}`);
  },
});

// the checks
const REASONS = new Set(['unreadable', 'empty', 'unknown-format', 'not-pdf', 'encrypted', 'corrupt', 'no-text-layer', 'timeout', 'too-large']);
const manifest = readFileSync(path.join(out, 'manifest.jsonl'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l));
const byName = new Map(manifest.map((e) => [path.basename(e.path), e]));
const missing = [...kinds.keys()].filter((n) => !byName.has(n));
const internal = manifest.filter((e) => e.error?.reason === 'internal');
const undocumented = manifest.filter((e) => e.error && !REASONS.has(e.error.reason));
const stack = r.stderr.split('\n').filter((l) => /^\s+at .+:\d+:\d+\)?$/.test(l) || /Error:|node:internal/.test(l));
const stray = r.stderr.split('\n').filter((l) => l.trim());
const badGood = [...kinds].filter(([n, k]) => k === 'good' && !['ok', 'partial'].includes(byName.get(n)?.status)).map(([n]) => n);
const end = r.events.find((e) => e.event === 'end') ?? {};
const peak = end.peakWorkerRss ?? 0;
const overCeiling = peak > maxMemory * 2 ** 20;
const documentedExit = [0, 1, 3, 4].includes(r.code);

const statusCount = {};
const reasonCount = {};
for (const e of manifest) {
  statusCount[e.status] = (statusCount[e.status] ?? 0) + 1;
  if (e.error) reasonCount[e.error.reason] = (reasonCount[e.error.reason] ?? 0) + 1;
}
const hostileResults = [...kinds].filter(([, k]) => k === 'hostile').map(([n]) => `${n} ${byName.get(n)?.status ?? 'MISSING'}${byName.get(n)?.error ? ` [${byName.get(n).error.reason}]` : ''}`);
const fail = missing.length || internal.length || undocumented.length || stack.length || stray.length || badGood.length || overCeiling || !documentedExit;

log(`done in ${(r.wallMs / 1000).toFixed(0)} s, exit ${r.code}`);
log(`statuses ${JSON.stringify(statusCount)}; reasons ${JSON.stringify(reasonCount)}`);
for (const h of hostileResults) log(`  ${h}`);
log(`missing ${missing.length}, internal ${internal.length}, undocumented reasons ${undocumented.length}, stack/stray stderr lines ${stack.length}/${stray.length}, good not done ${badGood.length}, peak worker RSS ${mb(peak)} MB (ceiling ${maxMemory} MB)`);
for (const e of [...internal, ...undocumented].slice(0, 20)) log(`  ${path.basename(e.path)}: ${e.error.reason}: ${e.error.message}`);
for (const l of stray.slice(0, 20)) log(`  stderr: ${l}`);
for (const n of missing.slice(0, 20)) log(`  missing: ${n}`);
for (const n of badGood) log(`  good input not done: ${n} ${JSON.stringify(byName.get(n)?.error ?? byName.get(n)?.status)}`);

if (flag('write')) {
  const m = machine();
  const mutants = [...kinds.values()].filter((k) => k === 'mutant').length;
  writeSection(
    'fuzz',
    `## Fuzz (\`npm run fuzz\`)

${m.date.slice(0, 10)}, ${m.cpu}, ${m.nproc} cores (shared with other jobs), ${m.ramGiB} GiB, Node ${process.version}; run under \`nice\`.
\`node scripts/fuzz.mjs --mutants ${count} --seed ${seed} --jobs ${jobs} --timeout ${timeout} --max-memory ${maxMemory} --write\`

- inputs: ${total} = ${mutants} fresh mutants (${MUTATIONS.join(', ')}, one or two per mutant; seeds: 1 % the ${corpus.length} corpus PDFs, 4 % the sample PDFs, 40 % a one-page table PDF, 55 % the markdown/HTML samples) + ${hostileResults.length} hostile inputs + ${[...kinds.values()].filter((k) => k === 'good').length} good inputs
- wall time ${(r.wallMs / 1000).toFixed(0)} s, exit ${r.code}
- statuses: ${Object.entries(statusCount).map(([k, v]) => `${k} ${v}`).join(', ')}
- failure reasons: ${Object.entries(reasonCount).map(([k, v]) => `${k} ${v}`).join(', ')}
- **internal ${internal.length}; missing from the manifest ${missing.length}; stack traces ${stack.length} (stray stderr lines ${stray.length}); good inputs not done ${badGood.length}; peak worker RSS ${mb(peak)} MB against the ${maxMemory} MB ceiling** — ${fail ? 'FAIL' : 'all checks pass'}
- hostile set: ${hostileResults.join('; ')}`,
  );
  log('wrote the fuzz section of BENCHMARKS.md');
}

if (fail) {
  log(`FAIL: inputs kept in ${inDir}`);
  process.exit(1);
}
if (!flag('keep')) rmSync(work, { recursive: true, force: true });
else log(`kept ${work}`);
log('all checks pass');
