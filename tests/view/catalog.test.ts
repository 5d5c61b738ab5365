/**
 * The two catalogs of the viewer — the run database (SQL, bounded queries) and the output folders
 * read one by one — list the same documents and find the same facts, so a run viewed with or
 * without its database shows the same thing.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FolderCatalog, type SearchHit } from '../../src/view/catalog.js';
import { DbCatalog } from '../../src/view/db-catalog.js';
import { recordedSourcePaths } from '../../src/util/output-folder.js';
import { ensureDist, removeTempDirs, runCli, tempDir, writeFixtures } from '../batch/helpers.js';

describe('viewer catalogs', () => {
  let db: DbCatalog;
  let folder: FolderCatalog;
  let out: string;

  beforeAll(async () => {
    ensureDist();
    const dir = tempDir('yusuan-catalog-');
    writeFixtures(dir, 3);
    out = join(dir, 'out');
    expect((await runCli(['extract', dir, '-o', out, '--progress', 'none'])).code).toBe(0);
    db = new DbCatalog(join(out, 'yusuan.sqlite'));
    folder = new FolderCatalog(out, recordedSourcePaths(out));
  });

  afterAll(() => {
    db?.close();
    removeTempDirs();
  });

  const byId = <T extends { id: string }>(xs: T[]) => [...xs].sort((a, b) => a.id.localeCompare(b.id));
  const facts = (hits: SearchHit[]) =>
    hits.filter((h) => h.match === 'fact').map((h) => `${h.id} t${h.table} r${h.row} ${h.column} = ${h.value} ${h.unit}`).sort();

  it('list the same documents', () => {
    expect(db.count()).toBe(3);
    expect(folder.count()).toBe(3);
    expect(byId(db.documents(0, 10))).toEqual(byId(folder.documents(0, 10)));
    expect(db.documents(1, 1)).toHaveLength(1);
    expect(db.documents(0, 10)[0]).toMatchObject({ org: '测试局1', year: 2024, status: 'success', findings: { error: 0 } });
  });

  it('find the same facts by subject code (prefix) and by words', () => {
    const code = db.search('2010301', 100);
    expect(facts(code)).toHaveLength(6);
    expect(facts(code)).toEqual(facts(folder.search('2010301', 100)));
    expect(facts(db.search('20103', 100))).toEqual(facts(folder.search('20103', 100)));
    expect(facts(db.search('行政运行', 100))).toEqual(facts(folder.search('行政运行', 100)));
    expect(db.search('测试局2', 100).filter((h) => h.match === 'document').map((h) => h.id)).toEqual(['d02']);
    // LIKE wildcards in a query are text, not patterns
    expect(db.search('%', 100)).toEqual([]);
    expect(db.search('_', 100)).toEqual([]);
  });

  it('know which folders are documents and where their sources were', () => {
    expect(db.has('d01')).toBe(true);
    expect(db.has('../d01')).toBe(false);
    expect(folder.has('..')).toBe(false);
    expect(db.recordedPaths('d01')[0]).toMatch(/d01\.md$/);
  });

  it('show the headline figures of the identity contract when the outputs have them', () => {
    // as the contract describes them: document.json `headlines` and a `headlines` table in the database
    const file = join(out, 'd01', 'document.json');
    const doc = JSON.parse(readFileSync(file, 'utf8'));
    doc.headlines = [{ figure: '三公经费', value: '10.81', unit: '万元', value_yuan: '108100', table: 0, table_kind: 'three_public_expenses', page: 1 }];
    writeFileSync(file, JSON.stringify(doc));
    const w = new Database(join(out, 'yusuan.sqlite'));
    // the database's own headlines table (src/db TABLES): this document's rows replaced by the one above
    const sha = (w.prepare(`SELECT sha256 FROM documents WHERE output = 'd01'`).get() as { sha256: string }).sha256;
    w.prepare('DELETE FROM headlines WHERE document = ?').run(sha);
    w.prepare(`INSERT INTO headlines (document, seq, figure, value, unit, value_yuan, page) VALUES (?, 1, '三公经费', '10.81', '万元', '108100', 1)`).run(sha);
    w.close();
    const expected = { id: 'd01', match: 'headline', item: '三公经费', value: '10.81', unit: '万元' };
    const fromDb = new DbCatalog(join(out, 'yusuan.sqlite'));
    try {
      expect(fromDb.search('三公', 10)).toMatchObject([expected]);
    } finally {
      fromDb.close();
    }
    expect(new FolderCatalog(out, new Map()).search('三公', 10)).toMatchObject([{ ...expected, table: 1 }]);
  });
});
