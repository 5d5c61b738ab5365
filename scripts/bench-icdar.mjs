#!/usr/bin/env node
/**
 * `npm run bench:icdar`: yusuan's table engine (the PDF extractor's grids: ruled frames and the
 * stream finder) on the ICDAR 2013 table competition set (../shared/benchmarks/icdar2013: 67
 * born-digital PDFs with table regions and cell structure), scored with Camelot's benchmark
 * figures (detection F1, TEDS proxy, row-count and column-count accuracy; scripts/icdar-metrics.ts)
 * and the ICDAR 2013 adjacency-relation F1; also whether every table's bbox covers its cells, and
 * the time. Results go to BENCHMARKS.md (its "icdar" section) and, as JSON, to stdout.
 *
 *   node scripts/bench-icdar.mjs [--data DIR] [--only NAME] [--verbose] [--failures] [--no-write]
 *   --failures: per table of the truth whose row or column count the engine misses, the counts,
 *   the page and the first cells of either side (to sort the failures into classes)
 * Timing only: nothing here asserts.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { ROOT, arg, flag, machine, writeSection } from './bench-common.mjs';

const log = (s) => process.stderr.write(`bench:icdar: ${s}\n`);

const dist = path.join(ROOT, 'dist');
if (!existsSync(path.join(dist, 'scripts/icdar-metrics.js'))) {
  log('dist/ is not built: run `npm run build` first');
  process.exit(2);
}
const { extractPdf } = await import(path.join(dist, 'extractors/pdf/index.js'));
const m = await import(path.join(dist, 'scripts/icdar-metrics.js'));
const { interpretDocument } = await import(path.join(dist, 'src/interpret/document.js'));

const dataDir = path.resolve(ROOT, arg('data', '../shared/benchmarks/icdar2013'));
if (!existsSync(dataDir)) {
  log(`no data set at ${path.relative(ROOT, dataDir)} (the ICDAR 2013 copy beside the project): nothing to measure`);
  process.exit(0);
}
const only = arg('only', undefined);
const docs = readdirSync(dataDir, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((d) => readdirSync(path.join(dataDir, d.name)).filter((f) => f.endsWith('-str.xml')).map((f) => path.join(dataDir, d.name, f)))
  .filter((f) => existsSync(f.replace(/-str\.xml$/, '.pdf')) && (!only || path.basename(f).startsWith(only)))
  .sort();

const byPage = (list) => {
  const map = new Map();
  for (const t of list) {
    const l = map.get(t.page);
    if (l) l.push(t);
    else map.set(t.page, [t]);
  }
  return map;
};
const inside = (c, b, tol = 0.5) => c.x0 >= b.x0 - tol && c.y0 >= b.y0 - tol && c.x1 <= b.x1 + tol && c.y1 <= b.y1 + tol;

const truthM = new Map();
const truthS = new Map();
const predM = new Map();
const predS = new Map();
let ms = 0;
let tables = 0;
const badBbox = [];
let docTables = 0;
const badTableBbox = [];
const methods = {};
for (const xml of docs) {
  const name = path.basename(xml).replace(/-str\.xml$/, '');
  const regions = m.parseStructureXml(readFileSync(xml, 'utf8'));
  truthM.set(name, byPage(regions.map((r) => ({ page: r.page, m: r.matrix }))));
  truthS.set(name, byPage(regions));
  const pdf = xml.replace(/-str\.xml$/, '.pdf');
  const bytes = new Uint8Array(readFileSync(pdf));
  const t0 = performance.now();
  let grids = [];
  try {
    const doc = await extractPdf({ path: pdf, name: path.basename(pdf), bytes, sha256: createHash('sha256').update(bytes).digest('hex') });
    grids = doc.blocks.filter((b) => b.type === 'grid');
    // the document model's tables too: a table's bbox must cover its printed cells on its page
    for (const t of interpretDocument(doc).tables) {
      docTables++;
      const cells = t.printed.flat().filter((c) => c.bbox && c.page === t.page);
      if (!t.bbox || cells.some((c) => !inside(c.bbox, t.bbox))) badTableBbox.push(`${name} p.${t.page}`);
    }
  } catch (e) {
    log(`${name}: ${e.message}`);
  }
  ms += performance.now() - t0;
  const found = grids.map((g) => ({ g, ...m.gridStructure(g.page, g.rows) }));
  for (const { g } of found) {
    tables++;
    methods[g.method] = (methods[g.method] ?? 0) + 1;
    const cells = g.rows.flatMap((r) => r.cells).filter((c) => c.bbox);
    if (g.bbox && cells.some((c) => !inside(c.bbox, g.bbox))) badBbox.push(`${name} p.${g.page}`);
  }
  predM.set(name, byPage(found.map((f) => ({ page: f.g.page, m: f.matrix }))));
  predS.set(name, byPage(found.map((f) => f.structured)));
  if (flag('failures')) {
    for (const [page, list] of truthM.get(name)) {
      const got = predM.get(name).get(page) ?? [];
      list.forEach((t, k) => {
        const p = got[k]?.m;
        const [tr, tc] = m.shape(t.m);
        const [pr, pc] = p ? m.shape(p) : [0, 0];
        if (p && pr === tr && pc === tc) return;
        const [lr, lc] = m.shape(m.withoutEmptyLead(t.m));
        const lead = lr !== tr || lc !== tc ? ` (truth numbered from 1: ${lr}x${lc})` : '';
        const head = (x) => JSON.stringify(x.slice(0, 3).map((r) => r.filter(Boolean).join(' | ').slice(0, 60)));
        log(`FAIL ${name} p.${page} #${k + 1}: found ${p ? `${pr}x${pc}` : '-'} truth ${tr}x${tc}${lead}\n    found ${p ? head(p) : '-'}\n    truth ${head(m.withoutEmptyLead(t.m))}`);
      });
    }
  }
  if (flag('verbose')) {
    for (const [page, list] of truthM.get(name)) {
      const got = predM.get(name).get(page) ?? [];
      list.forEach((t, k) => {
        const p = got[k]?.m;
        const w = (x) => Math.max(0, ...x.map((r) => r.length));
        log(`${name} p.${page} #${k + 1}: truth ${t.m.length}x${w(t.m)} found ${p ? `${p.length}x${w(p)}` : '-'}${p ? ` teds ${m.simpleTeds(p, t.m).toFixed(3)}` : ''}`);
      });
      if (got.length > list.length) log(`${name} p.${page}: ${got.length - list.length} extra`);
    }
    for (const [page, got] of predM.get(name)) if (!truthM.get(name).has(page)) log(`${name} p.${page}: ${got.length} found where the truth has none`);
  }
}
const flat = (map) => new Map([...map].map(([k, pages]) => [k, new Map([...pages].map(([p, l]) => [p, l.map((x) => x.m)]))]));
const cam = m.camelotScore(flat(predM), flat(truthM));
// diagnostic only: the same pairs with the truth's empty first row/column (numbering from 1) dropped
const lead = m.camelotScore(flat(predM), new Map([...flat(truthM)].map(([k, pages]) => [k, new Map([...pages].map(([p, l]) => [p, l.map(m.withoutEmptyLead)]))])));
const rel = m.relationScore(predS, truthS);
const f3 = (x) => x.toFixed(3);
const result = {
  machine: machine(),
  docs: docs.length,
  tables,
  methods,
  camelot: { f1: f3(cam.f1), teds: f3(cam.teds), row: f3(cam.row), col: f3(cam.col), pairs: cam.matched },
  truthFromOneDropped: { row: f3(lead.row), col: f3(lead.col) },
  adjacency: { precision: f3(rel.precision), recall: f3(rel.recall), f1: f3(rel.f1), truth: rel.truth, found: rel.found, correct: rel.correct },
  bboxNotCoveringCells: { grids: badBbox.length, documentTables: badTableBbox.length, of: docTables },
  seconds: Math.round(ms / 100) / 10,
};
console.log(JSON.stringify(result, null, 2));
log(`docs=${docs.length} time=${result.seconds}s F1=${result.camelot.f1} TEDS=${result.camelot.teds} row=${result.camelot.row} col=${result.camelot.col} (truth from 1 dropped: row=${result.truthFromOneDropped.row} col=${result.truthFromOneDropped.col}) adjacency F1=${result.adjacency.f1} bbox-bad=${badBbox.length}+${badTableBbox.length}/${docTables}`);
if (badBbox.length || badTableBbox.length) log(`bbox not covering cells: ${[...badBbox, ...badTableBbox].join(', ')}`);

if (!flag('no-write') && !only) {
  const mc = result.machine;
  writeSection(
    'icdar',
    `## Table engine on ICDAR 2013 (\`npm run bench:icdar\`)

${mc.date.slice(0, 10)}, ${mc.cpu}, ${mc.nproc} cores, Node ${mc.node}, load ${mc.load}. ${docs.length} documents of
the ICDAR 2013 table competition set, ${tables} tables found (${Object.entries(methods).map(([k, v]) => `${k} ${v}`).join(', ')}).
Camelot's figures (scripts/icdar-metrics.ts, a TypeScript port of its bench/_metrics.py) beside
Camelot 2.0 lattice's published ones; adjacency relations pooled per page, micro-averaged.

| measure | yusuan | Camelot lattice |
|---|---|---|
| detection F1 | ${result.camelot.f1} | 0.778 |
| TEDS proxy | ${result.camelot.teds} | 0.789 |
| row-count accuracy | ${result.camelot.row} | 0.762 |
| column-count accuracy | ${result.camelot.col} | 0.829 |
| row / column count, the truth's empty first row/column dropped (diagnostic) | ${result.truthFromOneDropped.row} / ${result.truthFromOneDropped.col} | — |
| adjacency relations P / R / F1 | ${result.adjacency.precision} / ${result.adjacency.recall} / ${result.adjacency.f1} | — |
| grids / document tables whose bbox does not cover their cells | ${badBbox.length} of ${tables} / ${badTableBbox.length} of ${docTables} | — |
| time (extraction, one process) | ${result.seconds} s | 101 s |
`,
  );
  log('BENCHMARKS.md updated (icdar section)');
}
