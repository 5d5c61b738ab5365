#!/usr/bin/env node
/**
 * `node scripts/bench-formats.mjs` (after `npm run build`): how long yusuan takes to read the sample
 * document in each office format against its PDFs, and what the new outputs cost: document.xlsx
 * (cold: a fresh process's first workbook; warm: the next ones) and facts.parquet for a run-sized
 * facts list. Prints a markdown table for BENCHMARKS.md.
 */
import { cpus } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const { extract, validateDocument, documentFacts, documentWorkbook, factsParquet, FACT_COLUMNS } = await import(join(ROOT, 'dist/src/index.js'));

const ms = (t) => Math.round(performance.now() - t);
const RUNS = 3;
const lines = ['| input | read + interpret (ms, best of 3) | tables | facts |', '|---|---:|---:|---:|'];
let doc;
for (const ext of ['md', 'html', 'csv', 'xlsx', 'stacked.xlsx', 'xls', 'docx', 'chromium.pdf', 'libreoffice.pdf']) {
  const file = join(ROOT, 'samples', `xinzhou-xinfang-2024-budget.${ext}`);
  let best = Infinity;
  let d;
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    d = await extract(file);
    best = Math.min(best, ms(t));
  }
  doc ??= d;
  lines.push(`| ${ext} | ${best} | ${d.tables.length} | ${documentFacts(d).length} |`);
}
const checks = validateDocument(doc);
const wb = [];
for (let i = 0; i < 4; i++) {
  const t = performance.now();
  await documentWorkbook(doc, checks);
  wb.push(ms(t));
}
// a run of 100 such documents: ~39,000 facts
const facts = Array.from({ length: 100 }, () => documentFacts(doc)).flat();
let t = performance.now();
const pq = factsParquet(FACT_COLUMNS, facts);
const pqMs = ms(t);
console.log(lines.join('\n'));
console.log(`\ndocument.xlsx of the sample (24 tables): first in this process ${wb[0]} ms, then ${wb.slice(1).join(', ')} ms`);
console.log(`facts.parquet of ${facts.length} facts: ${pqMs} ms, ${Math.round(pq.length / 1024)} KB`);
console.log(`\nmachine: ${cpus().length} × ${cpus()[0].model}, node ${process.version}, ${new Date().toISOString().slice(0, 10)}`);
