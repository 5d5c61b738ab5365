#!/usr/bin/env node
/**
 * The viewer on the database of a big run: a database of N documents (copies of real outputs,
 * each under its own hash, folder and department) is served, and the list, a deep page and
 * searches are timed, with the server's memory before and after.
 *
 *   npm run build && node scripts/bench-viewer.mjs OUT_FOLDER [N=3000]
 *
 * OUT_FOLDER: an output of `yusuan extract` whose documents are copied (e.g. the samples').
 * The database is built in a child process, so that the viewer's memory is measured alone.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { documentPayload, ResultsDb } from '../dist/src/db/index.js';
import { documentFacts } from '../dist/src/export/facts.js';
import { documentFolders } from '../dist/src/util/output-folder.js';
import { startViewer } from '../dist/src/view/server.js';

function build(out, n, dbFile) {
  const sources = documentFolders(out).map((f) => ({
    doc: JSON.parse(readFileSync(join(out, f, 'document.json'), 'utf8')),
    checks: JSON.parse(readFileSync(join(out, f, 'checks.json'), 'utf8')),
  }));
  const t = performance.now();
  const db = new ResultsDb(dbFile);
  let facts = 0;
  for (let i = 0; i < n; i++) {
    const { doc, checks } = sources[i % sources.length];
    const sha = createHash('sha256').update(`copy ${i}`).digest('hex');
    const copy = { ...doc, department: `${doc.department ?? '部门'}${i % 500}`, source: { ...doc.source, sha256: sha } };
    const f = documentFacts(copy);
    facts += f.length;
    db.upsert(documentPayload(copy, checks, f, { path: `/corpus/copy-${i}.pdf`, output: `copy-${i}` }));
  }
  db.close();
  console.log(`database: ${n} documents, ${facts} facts, built in ${((performance.now() - t) / 1000).toFixed(1)} s`);
}

async function bench(dir, dbFile, n, builtLine) {
  const mb = () => Math.round(process.memoryUsage().rss / 2 ** 20);
  const rss0 = mb();
  const t = performance.now();
  const viewer = await startViewer({ out: dir, db: dbFile });
  const startMs = performance.now() - t;
  const rssStart = mb();
  const timed = async (path, runs = 5) => {
    const ms = [];
    let count = 0;
    for (let k = 0; k < runs; k++) {
      const s = performance.now();
      const body = await (await fetch(viewer.url + path)).json();
      ms.push(performance.now() - s);
      count = body.items?.length ?? body.hits?.length ?? 0;
    }
    ms.sort((a, b) => a - b);
    return { path: decodeURIComponent(path), median: ms[Math.floor(runs / 2)].toFixed(1), count };
  };
  const rows = [];
  for (const p of [
    'api/documents?offset=0&limit=100',
    `api/documents?offset=${n - 100}&limit=100`,
    `api/search?q=${encodeURIComponent('三公')}&limit=500`,
    'api/search?q=2040601&limit=500',
    `api/search?q=${encodeURIComponent('行政运行')}&limit=500`,
    `api/search?q=${encodeURIComponent('不存在的词')}&limit=500`,
  ]) rows.push(await timed(p));
  const rssEnd = mb();
  await viewer.close();
  console.log(`machine: ${cpus().length} × ${cpus()[0].model}, node ${process.version}; ${new Date().toISOString()}`);
  console.log(builtLine);
  console.log(`viewer start ${startMs.toFixed(0)} ms; RSS ${rss0} MB before, ${rssStart} MB after start, ${rssEnd} MB after the requests`);
  console.log('| request | median ms (5 runs) | results |\n|---|---|---|');
  for (const r of rows) console.log(`| \`${r.path}\` | ${r.median} | ${r.count} |`);
}

const args = process.argv.slice(2);
if (args[0] === '--build') {
  build(args[1], Number(args[2]), args[3]);
} else {
  const [out, nArg = '3000'] = args;
  if (!out) throw new Error('usage: node scripts/bench-viewer.mjs OUT_FOLDER [N]');
  const dir = mkdtempSync(join(tmpdir(), 'yusuan-bench-viewer-'));
  const dbFile = join(dir, 'yusuan.sqlite');
  const built = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--build', out, nArg, dbFile], { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
  if (built.status !== 0) process.exit(1);
  try {
    await bench(dir, dbFile, Number(nArg), built.stdout.trim());
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
