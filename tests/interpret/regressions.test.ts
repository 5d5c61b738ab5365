/**
 * One test per bug found on real documents (the document named in each test).
 */
import { describe, expect, it } from 'vitest';
import type { GridBlock } from '../../schemas/intermediate.js';
import { documentFacts } from '../../src/export/facts.js';
import { joinContinuation } from '../../src/segment/segment.js';
import { docFromText, tsv } from '../helpers.js';

const head = (title: string, unit = '万元') => `## ${title}\n\n单位：${unit}\n\n`;

describe('regressions from the corpus', () => {
  it('决算 基本支出表 printed as two halves under the same headers keeps each half its own codes (普陀区财政局 2024 决算)', () => {
    const doc = docFromText(
      head('一般公共预算财政拨款基本支出决算表') +
        tsv(
          ['经济分类科目编码', '', '科目名称', '决算数', '经济分类科目编码', '', '科目名称', '决算数'],
          ['类', '款', '', '', '类', '款', '', ''],
          ['301', '', '工资福利支出', '2,082.85', '302', '', '商品和服务支出', '171.07'],
          ['301', '01', '基本工资', '262.33', '302', '01', '办公费', '21.21'],
        ),
    );
    const t = doc.tables[0];
    expect(t.sideBySide).toBe(true);
    expect(t.rows.map((r) => [r.part, r.code, r.item, r.amounts.map((a) => a.value).join()])).toEqual([
      [0, '301', '工资福利支出', '2082.85'],
      [1, '302', '商品和服务支出', '171.07'],
      [0, '30101', '基本工资', '262.33'],
      [1, '30201', '办公费', '21.21'],
    ]);
    expect(t.rows.every((r) => r.block === undefined)).toBe(true);
  });

  it('a 款 printed with one digit is read with its 0 and reported (普陀区万里街道 2024)', () => {
    const doc = docFromText(head('2024年部门一般公共预算基本支出部门预算经济分类预算表', '元') + tsv(['类', '款', '科目名称', '合计'], ['301', '', '工资福利支出', '100'], ['301', '2', '津贴补贴', '100']));
    expect(doc.tables[0].rows.map((r) => r.code)).toEqual(['301', '30102']);
    expect(doc.diagnostics.map((d) => d.code)).toContain('code.padded');
  });

  it('a header cell starting with a year is not a subject code (2023年“三公”经费预算数, 万里街道 2023)', () => {
    const doc = docFromText(
      head('2023年部门“三公”经费和机关运行经费预算表') +
        tsv(['2023年“三公”经费预算数', '', '', '2023年机关运行经费预算数'], ['合计', '因公出国(境)费', '公务接待费', ''], ['22.91', '0', '1.35', '786.09']),
    );
    expect(documentFacts(doc).map((f) => `${f.column}=${f.value}`)).toEqual([
      '2023年“三公”经费预算数 / 合计=22.91',
      '2023年“三公”经费预算数 / 因公出国(境)费=0',
      '2023年“三公”经费预算数 / 公务接待费=1.35',
      '2023年机关运行经费预算数=786.09',
    ]);
  });

  it('a 合计 row with a number is a body row, not a header (江苏省高院 2019 公开10表)', () => {
    const doc = docFromText(head('政府性基金预算财政拨款支出预算表') + tsv(['功能科目编码', '功能科目名称', '金额'], ['合计', '', '0']));
    expect(documentFacts(doc).map((f) => `${f.item}:${f.column}=${f.value}`)).toEqual(['合计:金额=0']);
  });

  it('a label merged across all columns heads them (财政拨款“三公”经费 in 决算, 规划和自然资源局 2024)', () => {
    const doc = docFromText(
      `${head('财政拨款“三公”经费支出决算表')}<table><tr><td colspan="4">财政拨款“三公”经费</td></tr><tr><td colspan="2">合计</td><td colspan="2">公务接待费</td></tr><tr><td>预算数</td><td>决算数</td><td>预算数</td><td>决算数</td></tr><tr><td>2.85</td><td>0.39</td><td>2.85</td><td>0.39</td></tr></table>`,
    );
    expect(documentFacts(doc).map((f) => f.column)).toEqual([
      '财政拨款“三公”经费 / 合计 / 预算数',
      '财政拨款“三公”经费 / 合计 / 决算数',
      '财政拨款“三公”经费 / 公务接待费 / 预算数',
      '财政拨款“三公”经费 / 公务接待费 / 决算数',
    ]);
  });

  it('a header printed alone before the page break is laid out on the next page columns (江苏省高院 2018 财政拨款收支预算总表)', () => {
    const box = (x0: number, x1: number) => ({ x0, x1, y0: 0, y1: 10 });
    const headPiece: GridBlock = {
      type: 'grid', method: 'ruled', confidence: 0.95, page: 10, columnEdges: [62, 294, 537],
      rows: [{ cells: [{ text: '收入', bbox: box(62, 294) }, { text: '支出', bbox: box(294, 537) }] }],
    };
    const body: GridBlock = {
      type: 'grid', method: 'ruled', confidence: 0.95, page: 11, columnEdges: [62, 190, 294, 438, 537],
      rows: [{ cells: ['项目名称', '金额', '项目名称', '金额'].map((text) => ({ text })) }],
    };
    const joined = joinContinuation([headPiece], body)!;
    expect(joined).toHaveLength(2);
    expect(joined[0].rows[0].cells.map((c) => [c.text, c.colSpan])).toEqual([['收入', 2], ['支出', 2]]);
  });
});
