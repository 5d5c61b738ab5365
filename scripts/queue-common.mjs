/**
 * Shared by scripts/queue-corpus.mjs and scripts/bench-queue.mjs: the corpus PDFs, `yusuan`
 * subcommands and worker processes, and the comparison of PostgreSQL's facts with a local run's
 * SQLite facts.
 */
import { spawn, spawnSync } from 'node:child_process';
import Database from 'better-sqlite3';
import pg from 'pg';
import { CLI, ROOT, eachLine, pdfsUnder } from './bench-common.mjs';

export { pdfsUnder };

pg.types.setTypeParser(20, (v) => Number(v));

/** Run a yusuan subcommand to its end; its stdout JSON lines. */
export function yusuanJson(args) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`yusuan ${args.join(' ')}: exit ${r.status}: ${r.stderr}`);
  return r.stdout.trim() ? r.stdout.trim().split('\n').map((l) => JSON.parse(l)) : [];
}

/** A `yusuan worker` process; `events` fills with its JSON lines, `onEvent` sees each. */
export function startWorker(args, { onEvent, env = {} } = {}) {
  const t0 = performance.now();
  const p = spawn(process.execPath, [CLI, 'worker', ...args], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const events = [];
  let stderr = '';
  eachLine(p.stdout, (line) => {
    try {
      const ev = JSON.parse(line);
      events.push(ev);
      onEvent?.(ev);
    } catch {
      /* not JSON */
    }
  });
  p.stderr.on('data', (d) => (stderr += d));
  const exited = new Promise((r) => p.on('exit', (code, signal) => r({ code, signal, wallMs: performance.now() - t0, stderr })));
  return { p, events, exited };
}

/** Facts of PostgreSQL and of a SQLite file, row for row (every column), ordered by document and seq. */
export async function compareFacts(pgUrl, sqliteFile) {
  const lite = new Database(sqliteFile, { readonly: true });
  const cols = lite.prepare(`SELECT name FROM pragma_table_info('facts')`).all().map((r) => r.name);
  const sel = `SELECT ${cols.map((c) => `"${c}"`).join(', ')} FROM facts ORDER BY document, seq`;
  const local = lite.prepare(sel).all();
  const docsLocal = lite.prepare('SELECT count(*) AS n FROM documents').get().n;
  lite.close();
  const client = new pg.Client({ connectionString: pgUrl });
  await client.connect();
  try {
    const shared = (await client.query(sel)).rows;
    const docs = (await client.query('SELECT count(*)::int AS n, count(DISTINCT sha256)::int AS d FROM documents')).rows[0];
    const dbBytes = (await client.query('SELECT pg_database_size(current_database()) AS b')).rows[0].b;
    let firstDiff = -1;
    for (let i = 0; i < Math.max(local.length, shared.length); i++) {
      if (JSON.stringify(local[i]) !== JSON.stringify(shared[i])) {
        firstDiff = i;
        break;
      }
    }
    return { localFacts: local.length, sharedFacts: shared.length, equal: firstDiff < 0, firstDiff, localDocuments: docsLocal, sharedDocuments: docs.n, sharedDistinct: docs.d, dbBytes };
  } finally {
    await client.end();
  }
}
