/**
 * The README's researcher queries, run as written over a real run of corpus documents: 三公经费 by
 * org and year, one subject code across years, 部门 vs 单位 caliber; and the same first query over
 * the run's headlines.csv with the sqlite3 shell. Figures checked against the printed pages.
 * Skipped when ../shared/corpus is absent.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, CORPUS } from '../helpers.js';
import { ensureDist, removeTempDirs, runCli, tempDir } from '../batch/helpers.js';

const INPUTS = [
  'jiangsu/江苏省人民检察院_2017年省检察院部门预算.pdf',
  'jiangsu/江苏省人民检察院_2018年省检察院部门预算公开.pdf',
  'jiangsu/江苏省人民检察院_2019年度部门预算公开.pdf',
  'shanghai/普陀区司法局_2026_部门预算.pdf',
  'shanghai/普陀区司法局_2026_单位预算.pdf',
  'shanghai/普陀区万里街道办事处_2023_部门预算.pdf',
  'shanghai/普陀区万里街道办事处_2024_部门预算.pdf',
  'shanghai/普陀区规划和自然资源局_2024_部门决算.pdf',
];

/** The README's fenced block after `<!-- query: name -->`. */
function readmeQuery(name: string): string {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const m = new RegExp(`<!-- query: ${name} -->\\s*\`\`\`(?:sql|sh)\\n([\\s\\S]*?)\`\`\``).exec(readme);
  if (!m) throw new Error(`README has no query ${name}`);
  return m[1];
}

type R = Record<string, unknown>;
const hasSqliteShell = spawnSync('sqlite3', ['-version']).status === 0;

describe.skipIf(!existsSync(CORPUS))('researcher queries over a corpus run', () => {
  let out: string;
  let db: Database.Database;
  beforeAll(async () => {
    ensureDist();
    out = join(tempDir('yusuan-dataset-'), 'out');
    const r = await runCli(['extract', ...INPUTS.map((f) => join(CORPUS, f)), '-o', out, '-j', '2', '--progress=none', '--quiet']);
    expect(r.code).toBe(0);
    db = new Database(join(out, 'yusuan.sqlite'), { readonly: true });
  }, 240_000);
  afterAll(() => {
    db?.close();
    removeTempDirs();
  });

  it('三公经费 by org and year: 三公 itself (Jiangsu 小计, not the 合计 with 会议费/培训费), 决算 with both bases', () => {
    const rows = db.prepare(readmeQuery('three-public')).all() as R[];
    const get = (org: string, year: number, kind: string, basis: string | null = null) =>
      rows.find((r) => r.org === org && r.year === year && r.doc_kind === kind && r.basis === basis);
    // p.20 of the 2019 PDF: 合计 1,276.7 (with 会议费 158.44 and 培训费 700), “三公”经费 小计 418.26 万元
    expect(get('江苏省人民检察院', 2019, '部门预算')).toMatchObject({ value: '418.26', unit: '万元', value_yuan: '4182600' });
    expect(get('江苏省人民检察院', 2018, '部门预算')).toMatchObject({ value: '484.30' });
    expect(get('江苏省人民检察院', 2017, '部门预算')).toMatchObject({ value: '584.35' });
    expect(get('上海市普陀区司法局', 2026, '部门预算')).toMatchObject({ value: '10.81', value_yuan: '108100' });
    expect(get('上海市普陀区司法局', 2026, '单位预算')).toMatchObject({ value: '10.71' });
    expect(get('上海市普陀区人民政府万里街道办事处', 2024, '部门预算')).toMatchObject({ value: '47.91' });
    expect(get('上海市普陀区规划和自然资源局', 2024, '部门决算', '决算数')).toMatchObject({ value: '0.39' });
    expect(get('上海市普陀区规划和自然资源局', 2024, '部门决算', '预算数')).toMatchObject({ value: '2.85' });
  });

  it('one subject code across years, under its current name', () => {
    const rows = db.prepare(readmeQuery('subject-code')).all() as R[];
    const jiangsu = rows.filter((r) => r.org === '江苏省人民检察院');
    expect(jiangsu.map((r) => [r.period, r.value])).toEqual([[2017, '2021.18'], [2018, '1836.22'], [2019, '1890.27']]);
    expect(new Set(jiangsu.map((r) => r.subject))).toEqual(new Set(['行政事业单位养老支出']));
    expect(new Set(jiangsu.map((r) => r.printed_as))).toEqual(new Set(['行政事业单位离退休']));
    expect(rows.find((r) => r.org === '上海市普陀区人民政府万里街道办事处' && r.period === 2023)).toMatchObject({ value: '6851259', unit: '元', value_yuan: '6851259' });
  });

  it('部门 vs 单位 caliber side by side, never added', () => {
    const rows = db.prepare(readmeQuery('caliber')).all() as R[];
    const by = new Map(rows.map((r) => [r.figure, r]));
    expect(by.get('expenditure_total')).toEqual({ figure: 'expenditure_total', dept_yuan: '96282213.44', unit_yuan: '86959408.34' });
    expect(by.get('three_public_total')).toEqual({ figure: 'three_public_total', dept_yuan: '108100', unit_yuan: '107100' });
  });

  it.skipIf(!hasSqliteShell)('the first query over headlines.csv with the sqlite3 shell', () => {
    const cmd = readmeQuery('three-public-csv').replace(/\\\n\s*/g, ' ').trim();
    const text = execFileSync('bash', ['-c', cmd], { cwd: join(out, '..'), encoding: 'utf8' });
    expect(text.split('\n')[0]).toBe('org|year|doc_kind|basis|value_yuan');
    expect(text).toContain('江苏省人民检察院|2019|部门预算||4182600');
    expect(text).toContain('上海市普陀区规划和自然资源局|2024|部门决算|决算数|3900');
  });

  it('every fact has department, org, doc_kind and an exact value_yuan; headlines agree in CSV and database', () => {
    const missing = db.prepare(`SELECT count(*) AS n FROM facts WHERE department IS NULL OR org IS NULL OR doc_kind IS NULL OR value_yuan IS NULL`).get() as { n: number };
    expect(missing.n).toBe(0);
    const orgs = db.prepare(`SELECT DISTINCT org FROM documents ORDER BY org`).all() as R[];
    expect(orgs.map((r) => r.org)).toEqual(['上海市普陀区人民政府万里街道办事处', '上海市普陀区司法局', '上海市普陀区规划和自然资源局', '江苏省人民检察院'].sort());
    const csv = readFileSync(join(out, 'headlines.csv'), 'utf8').trim().split('\n').length - 1;
    const inDb = db.prepare(`SELECT count(*) AS n FROM headlines`).get() as { n: number };
    expect(csv).toBe(inDb.n);
  });

  it('links each document to its previous year and checks the 比上年 statements against it', () => {
    const links = db.prepare(`SELECT org, year, previous_year FROM v_document_links ORDER BY org, year`).all() as R[];
    expect(links).toEqual([
      { org: '上海市普陀区人民政府万里街道办事处', year: 2024, previous_year: 2023 },
      { org: '江苏省人民检察院', year: 2018, previous_year: 2017 },
      { org: '江苏省人民检察院', year: 2019, previous_year: 2018 },
    ]);
    // the corpus agrees with itself: 2019 因公出国 80 (−20 → 100 in 2018), 2024 三公 47.91 (+25 → 22.91 in 2023) …
    expect(readFileSync(join(out, 'across-years.csv'), 'utf8').trim().split('\n')).toHaveLength(1);
  });
});
