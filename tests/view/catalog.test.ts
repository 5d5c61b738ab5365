/**
 * The two catalogs of the viewer — the run database (SQL, bounded queries) and the output folders
 * read one by one — list the same documents and find the same facts, so a run viewed with or
 * without its database shows the same thing.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FolderCatalog, type SearchHit } from '../../src/view/catalog.js';
import { DbCatalog } from '../../src/view/db-catalog.js';
import { recordedSourcePaths } from '../../src/util/output-folder.js';
import { ensureDist, removeTempDirs, runCli, tempDir, writeFixtures } from '../batch/helpers.js';

describe('viewer catalogs', () => {
  let db: DbCatalog;
  let folder: FolderCatalog;

  beforeAll(async () => {
    ensureDist();
    const dir = tempDir('yusuan-catalog-');
    writeFixtures(dir, 3);
    const out = join(dir, 'out');
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
});
