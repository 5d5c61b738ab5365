/**
 * Checks on real corpus PDFs (read-only, at ../shared/corpus; skipped when absent): printed tables
 * come out as grids whose rows and cells match the page.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { GridBlock, SourceDocument } from '../../schemas/intermediate.js';
import { extractPdf } from '../../extractors/pdf/index.js';

const CORPUS = path.resolve(__dirname, '..', '..', '..', 'shared', 'corpus');

async function extract(rel: string): Promise<SourceDocument> {
  const file = path.join(CORPUS, rel);
  const bytes = new Uint8Array(readFileSync(file));
  return extractPdf({ path: file, name: path.basename(file), bytes, sha256: createHash('sha256').update(bytes).digest('hex') });
}

const grids = (doc: SourceDocument, page?: number) =>
  doc.blocks.filter((b): b is GridBlock & { type: 'grid' } => b.type === 'grid' && (page === undefined || b.page === page));
const texts = (g: GridBlock) => g.rows.map((r) => r.cells.map((c) => c.text));
const rowWith = (g: GridBlock, first: string) => texts(g).find((r) => r.includes(first));

describe.skipIf(!existsSync(CORPUS))('corpus PDFs', () => {
  it('Shanghai 预算 (WPS, 元, 类|款|项 columns): rows and merged header cells', async () => {
    const doc = await extract('shanghai/普陀区财政局_2025_部门预算.pdf');
    const [g] = grids(doc, 12);
    expect(g.method).toBe('ruled');
    expect(g.rows[0].cells.map((c) => [c.text, c.colSpan ?? 1])).toEqual([
      ['项目', 4],
      ['支出预算', 3],
    ]);
    expect(rowWith(g, '行政运行')).toEqual(['201', '06', '01', '行政运行', '16,231,840.80', '16,093,326.00', '138,514.80']);
    // the table continues on page 13 (header repeated, no title) with the same column edges
    const [next] = grids(doc, 13);
    expect(next.columnEdges).toEqual(g.columnEdges);
    expect(texts(next).at(-1)).toEqual(['合计', '31,214,205.80', '25,121,091.00', '6,093,114.80']);
    // text outside the table: title and unit line
    const pageText = doc.blocks.filter((b) => b.type === 'text' && b.page === 12).map((b) => (b.type === 'text' ? b.text : ''));
    expect(pageText).toContain('2025年部门支出预算总表');
    expect(pageText).toContain('单位：元');
  });

  it('ONLYOFFICE 决算 with scrambled text order: cells by position', async () => {
    const doc = await extract('shanghai/普陀区财政局_2024_部门决算.pdf');
    const [g] = grids(doc, 8);
    expect(rowWith(g, '行政运行')).toEqual(['201', '06', '01', '行政运行', '1,511.90', '1,511.89', '', '', '', '', '0.01']);
    expect(rowWith(g, '机关事业单位基本养老保险缴费支出')).toEqual(['208', '05', '05', '机关事业单位基本养老保险缴费支出', '160.75', '160.75', '', '', '', '', '']);
    // side-by-side 收入|支出 table
    const [s] = grids(doc, 6);
    expect(rowWith(s, '本年收入合计')).toEqual(['本年收入合计', '2,946.25', '本年支出合计', '2,940.05']);
  });

  it('Jiangsu Word 2007 (rules as filled rectangles, invisible white borders ignored)', async () => {
    const doc = await extract('jiangsu/江苏省人民检察院_2019年度部门预算公开.pdf');
    const gs = grids(doc, 20);
    expect(gs).toHaveLength(2);
    expect(texts(gs[0])[3]).toEqual(['1276.7', '418.26', '80', '237', '', '237', '101.26', '158.44', '700']);
    // the 部门名称 line above the second table is text, not a table row
    expect(texts(gs[1])[0]).toEqual(['功能科目编码', '功能科目名称', '金额']);
  });

  it('Jiangsu WPS: a value printed lower in its cell stays in its row', async () => {
    const doc = await extract('jiangsu/江苏省人大办公厅_江苏省人大办公厅2017年度预算公开.pdf');
    const [g] = grids(doc, 20);
    expect(g.rows).toHaveLength(4);
    expect(texts(g)[3]).toEqual(['2,542.60', '833.60', '222.50', '183.60', '0', '183.60', '427.50', '1,305.25', '403.75']);
  });

  it('blank 决算 template: tables without figures are grids too', async () => {
    const doc = await extract('shanghai/上海市_2024_部门决算_空白模板.pdf');
    const gs = grids(doc);
    expect(gs.length).toBeGreaterThanOrEqual(9);
    expect(gs.some((g) => texts(g).some((r) => r.includes('本年收入合计')))).toBe(true);
  });

  it('narrative-only documents have no grids, and page numbers are never in grids', async () => {
    const doc = await extract('jiangsu/江苏省委办公厅_江苏省委办公厅2018年度部门预算公开文件.pdf');
    expect(grids(doc)).toHaveLength(0);
    expect(doc.blocks.filter((b) => b.type === 'pagebreak')).toHaveLength((doc.source.pages ?? 1) - 1);
  });
});
