#!/usr/bin/env node
/**
 * Memory of OCR over a batch (`npm run bench:ocr-batch`): corpus documents rasterised like a
 * scanner would (scripts/make-scans.mjs) go through the batch runner with two workers, as
 * `yusuan extract scans/ -j 2` runs them. Reports, per worker, its resident memory after each
 * file (flat when nothing is kept from one scan to the next) and its peak, against the batch's
 * ceiling (--max-memory, 1024 MB by default).
 *
 *   node scripts/bench-ocr-batch.mjs [--pages N] [--jobs J]   first N pages of each document (default 6)
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, machine, mb, runYusuan, writeSection } from './bench-common.mjs';
import { makeScan } from './make-scans.mjs';

const DOCS = [
  'jiangsu/江苏省人民检察院_2019年度部门预算公开.pdf',
  'jiangsu/江苏省政协办公厅_江苏省政协办公厅2018度部门预算公开表.pdf',
  'jiangsu/江苏省高级人民法院_江苏省高级人民法院2019年度部门预算公开.pdf',
  'shanghai/普陀区商务委员会_2025_部门预算.pdf',
  'shanghai/普陀区规划和自然资源局_2024_部门决算.pdf',
  'shanghai/普陀区司法局_2026_单位预算.pdf',
];

const arg = (name, dflt) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : dflt;
};
const maxPages = Number(arg('--pages', 6));
const jobs = Number(arg('--jobs', 2));
const corpus = path.resolve(ROOT, '../shared/corpus');
if (!existsSync(corpus)) {
  console.log(`${corpus} not found: the OCR batch benchmark needs the shared corpus; skipped`);
  process.exit(0);
}

const tmp = mkdtempSync(path.join(os.tmpdir(), 'yusuan-bench-ocr-batch-'));
try {
  const scans = DOCS.map((rel, i) => {
    const src = path.join(corpus, rel);
    const n = Number(execFileSync('qpdf', ['--show-npages', src]).toString().trim());
    const cut = path.join(tmp, `text-${i}.pdf`);
    execFileSync('qpdf', ['--empty', '--pages', src, `1-${Math.min(n, maxPages)}`, '--', cut]);
    return makeScan(cut, path.join(tmp, `scan-${i}.pdf`), { seed: i + 1 });
  });
  const run = await runYusuan([...scans, '-o', path.join(tmp, 'out'), '-j', String(jobs)]);
  const files = run.events.filter((e) => e.event === 'file');
  const end = run.events.find((e) => e.event === 'end');
  const pages = files.reduce((a, f) => a + (f.pages ?? 0), 0);
  const byWorker = new Map();
  for (const f of files) byWorker.set(f.thread, [...(byWorker.get(f.thread) ?? []), f]);
  const count = new Map();
  for (const f of files) count.set(f.status, (count.get(f.status) ?? 0) + 1);
  const statuses = [...count].map(([k, n]) => `${n} ${k}`).join(', ');
  const m = machine();
  const rows = [...byWorker.values()].map((fs, i) => `| ${i + 1} | ${fs.length} | ${fs.map((f) => mb(f.rss)).join(' → ')} | ${mb(Math.max(...fs.map((f) => f.maxRss)))} |`);
  const body = `## OCR over a batch (memory)

\`npm run bench:ocr-batch\` — ${m.date.slice(0, 16).replace('T', ' ')} UTC; ${m.nproc} cores (${m.cpu}), ${m.ramGiB} GiB, Node ${m.node}; load average at the end ${m.load}.
${DOCS.length} corpus documents (first ${maxPages} pages each) rasterised by scripts/make-scans.mjs (200 dpi, ±0.6° skew, noise, JPEG 70),
read by \`yusuan extract … -j ${jobs}\` (worker processes, onnxruntime with one thread each; ceiling ${end?.maxMemoryMb ?? '?'} MB a worker).

| worker | files | resident MB after each file | peak resident MB |
|---|---|---|---|
${rows.join('\n')}

- ${files.length} files (${statuses}), ${pages} pages in ${(run.wallMs / 1000).toFixed(1)} s wall; peak of any worker **${mb(end?.peakWorkerRss ?? 0)} MB** (ceiling ${end?.maxMemoryMb ?? '?'} MB).
`;
  console.log(body);
  if (run.code !== 0 && run.code !== 3) console.log(`exit ${run.code}: ${run.stderr}`);
  writeSection('bench-ocr-batch', body);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
