/**
 * A header cell's wrapped last line, run past the rule under it and clipped there (采购组织形 / 式,
 * 江苏省委办公厅 2019 政府采购预算表), stays in its header cell instead of joining the label of
 * the row below (extractors/pdf/clipped-wrap.ts).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { GridBlock } from '../../schemas/intermediate.js';
import { layoutPage } from '../../extractors/pdf/page-layout.js';
import { documentFacts } from '../../src/export/facts.js';
import { extract } from '../../src/pipeline.js';
import { CORPUS, ROOT } from '../helpers.js';
import { frag } from './frag.js';

const FIXTURE = path.join(ROOT, 'tests', 'fixtures', 'clipped-wrap.pdf');
const PROCUREMENT_2019 = path.join(CORPUS, 'jiangsu', '江苏省委办公厅_江苏省委办公厅2019年度部门预算公开表格.pdf');

/** A ruled table: columns at xs, rows at ys, every rule drawn. */
function ruled(xs: number[], ys: number[]) {
  const [x0, x1, y0, y1] = [xs[0], xs[xs.length - 1], ys[0], ys[ys.length - 1]];
  return [...ys.map((y) => ({ x0, x1, y0: y, y1: y })), ...xs.map((x) => ({ x0: x, x1: x, y0, y1 }))];
}

const grid = (frags: ReturnType<typeof frag>[], xs: number[], ys: number[]) => {
  const blocks = layoutPage({ page: 1, width: 595, height: 842, frags, rules: ruled(xs, ys) }).blocks;
  const g = blocks.find((b): b is GridBlock => b.type === 'grid');
  if (!g) throw new Error('no grid');
  return g.rows.map((r) => r.cells.map((c) => c.text));
};

describe('a wrapped line clipped by the rule under its cell', () => {
  const xs = [40, 170, 260, 370];
  const ys = [100, 127.4, 154.3, 181.2];

  it('goes with the cell it continues, not the row its middle falls in', () => {
    // 采购组织形 ends at 121.3; 式 (16 pt) starts 0.2 em under it, its top 2.9 pt over the rule at 127.4
    const frags = [frag('项目', 45, 118), frag('采购组织形', 175, 121.3 - 16 * 0.14, 16), frag('式', 207, 124.5 + 16 * 0.86, 16), frag('金额', 300, 118)];
    frags.push(frag('合计', 45, 145), frag('100.00', 330, 145), frag('货物', 45, 172), frag('60.00', 335, 172));
    expect(grid(frags, xs, ys)).toEqual([
      ['项目', '采购组织形式', '金额'],
      ['合计', '', '100.00'],
      ['货物', '', '60.00'],
    ]);
  });

  it('a first line of the row below that touches the rule, with more lines of its cell, stays', () => {
    // the head 名称 ends 0.14 em over the label's first line, which reaches 1.6 pt over the rule
    const frags = [frag('项目', 45, 118), frag('名称', 180, 123), frag('金额', 300, 118)];
    frags.push(frag('合计', 45, 145), frag('台式计算机', 172, 127.4 - 1.6 + 8.6), frag('（20万以下）', 172, 127.4 - 1.6 + 8.6 + 12), frag('100.00', 330, 145));
    frags.push(frag('货物', 45, 172), frag('60.00', 335, 172));
    expect(grid(frags, xs, ys)[1]).toEqual(['合计', '台式计算机（20万以下）', '100.00']);
  });

  it('a lone line cut by the rule with no line of the cell above right over it stays', () => {
    // the header text sits at the top of its cell, far over the line cut by the rule
    const frags = [frag('项目', 45, 110), frag('名称', 180, 110), frag('金额', 300, 110)];
    frags.push(frag('合计', 45, 145), frag('分散', 180, 127.4 - 2 + 8.6), frag('100.00', 330, 145), frag('货物', 45, 172), frag('60.00', 335, 172));
    expect(grid(frags, xs, ys)[1]).toEqual(['合计', '分散', '100.00']);
  });
});

describe('the printed fixture (npx tsx scripts/make-clipped-wrap.ts)', () => {
  it('keys the 合计 row by 合计 alone and heads the column 采购组织形式', async () => {
    const doc = await extract(FIXTURE);
    const [t] = doc.tables;
    expect(t.kind).toBe('government_procurement');
    expect(t.columns.map((c) => c.path.join(' / '))).toContain('采购组织形式');
    expect(documentFacts(doc).map((f) => `${f.row}:${f.item}:${f.column}=${f.value}`)).toEqual([
      '1:合计:总计=100.00',
      '2:一、货物 / 台式计算机 / 分散自行组织:总计=60.00',
      '3:二、服务 / 会议服务 / 政府集中采购:总计=40.00',
    ]);
  });
});

describe.skipIf(!existsSync(PROCUREMENT_2019))('the corpus page (江苏省委办公厅 2019, page 12)', () => {
  it('files 1,422.50 under 合计, with 式 back in its header cell', async () => {
    const doc = await extract(PROCUREMENT_2019);
    const t = doc.tables.find((x) => x.kind === 'government_procurement');
    expect(t?.columns.map((c) => c.path.join(' / '))).toContain('采购组织形式');
    const first = documentFacts(doc).filter((f) => f.table_kind === 'government_procurement' && f.row === '1');
    expect(first.map((f) => `${f.item}:${f.column}=${f.value}`)).toEqual(['合计:总计=1422.50']);
  });
});
