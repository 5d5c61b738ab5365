import { describe, expect, it } from 'vitest';
import { documentFacts } from '../../src/export/facts.js';
import { docFromText, tsv } from '../helpers.js';

const head = (title: string, unit = '万元') => `## ${title}\n\n部门名称：测试局\n\n单位：${unit}\n\n`;

describe('multi-row headers', () => {
  it('turn into column paths, with spans inferred from blanks (tab-separated text)', () => {
    const doc = docFromText(
      head('2024年预算支出总表') +
        tsv(
          ['项目', '', '2024年预算数', '', ''],
          ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
          ['合计', '', '10.00', '6.00', '4.00'],
          ['201', '一般公共服务支出', '10.00', '6.00', '4.00'],
        ),
    );
    const t = doc.tables[0];
    expect(t.kind).toBe('expenditure_summary');
    expect(t.columns.map((c) => c.path.join(' / '))).toEqual([
      '项目 / 科目编码', '项目 / 科目名称', '2024年预算数 / 合计', '2024年预算数 / 基本支出', '2024年预算数 / 项目支出',
    ]);
    expect(t.rows[1]).toMatchObject({ code: '201', level: '类', labels: ['一般公共服务支出'] });
    expect(t.rows[0]).toMatchObject({ kind: 'total', labels: ['合计'] });
  });

  it('use explicit colspan/rowspan (HTML) and skip the column-number row', () => {
    const doc = docFromText(
      `${head('2024年项目支出预算表（本年预算）')}<table>
<tr><td rowspan="2">项目名称</td><td rowspan="2">合计</td><td colspan="2">2024年财政拨款</td></tr>
<tr><td>一般公共预算</td><td>政府性 基金预 算</td></tr>
<tr><td>1</td><td>2</td><td>3</td><td>4</td></tr>
<tr><td>访调对接人民调解委员会工作 经费</td><td>20.00</td><td>20.00</td><td></td></tr>
</table>`,
    );
    const t = doc.tables[0];
    expect(t.columns.map((c) => c.path.join(' / '))).toEqual(['项目名称', '合计', '2024年财政拨款 / 一般公共预算', '2024年财政拨款 / 政府性基金预算']);
    expect(t.rows).toHaveLength(1);
    expect(t.rows[0].item).toBe('访调对接人民调解委员会工作经费');
    expect(t.rows[0].amounts.map((a) => [a.path, a.value, a.yuan])).toEqual([
      ['合计', '20.00', '200000'],
      ['2024年财政拨款 / 一般公共预算', '20.00', '200000'],
    ]);
  });
});

describe('side-by-side 收入 | 支出', () => {
  it('splits into two blocks with their own labels and columns', () => {
    const doc = docFromText(
      head('2024年预算收支总表') +
        tsv(
          ['收入', '', '支出', '', ''],
          ['项目', '2024年', '项目', '2024年合计', '当年预算安排'],
          ['一、一般公共预算', '694.34', '一、一般公共服务支出', '610.51', '610.51'],
          ['', '', '二、外交支出', '', ''],
          ['收入总计', '694.34', '支出总计', '694.34', '694.34'],
        ),
    );
    const t = doc.tables[0];
    expect(t.sideBySide).toBe(true);
    const facts = documentFacts(doc).map((f) => [f.block, f.row, f.item, f.column, f.value]);
    expect(facts).toEqual([
      ['收入', '1', '一、一般公共预算', '2024年', '694.34'],
      ['支出', '1', '一、一般公共服务支出', '2024年合计', '610.51'],
      ['支出', '1', '一、一般公共服务支出', '当年预算安排', '610.51'],
      ['收入', '3', '收入总计', '2024年', '694.34'],
      ['支出', '3', '支出总计', '2024年合计', '694.34'],
      ['支出', '3', '支出总计', '当年预算安排', '694.34'],
    ]);
    expect(t.rows.find((r) => r.item === '二、外交支出')).toMatchObject({ block: '支出', ordinal: '二、', amounts: [] });
  });
});

describe('rows', () => {
  it('concatenate codes printed in separate 类/款/项 columns, carrying 类 and 款 down', () => {
    const doc = docFromText(
      head('2025年部门一般公共预算支出功能分类预算表', '元') +
        tsv(
          ['类', '款', '项', '功能分类科目名称', '合计'],
          ['212', '', '', '城乡社区支出', '1,000.00'],
          ['', '01', '', '城乡社区管理事务', '1,000.00'],
          ['', '', '01', '行政运行', '1,000.00'],
          ['213', '01', '01', '行政运行', '5.00'],
        ),
    );
    const rows = doc.tables[0].rows;
    expect(rows.map((r) => [r.code, r.level, r.parentCode ?? ''])).toEqual([
      ['212', '类', ''],
      ['21201', '款', '212'],
      ['2120101', '项', '21201'],
      ['2130101', '项', '21301'],
    ]);
    expect(rows[0].amounts[0]).toMatchObject({ value: '1000.00', yuan: '1000.00', raw: '1,000.00' });
  });

  it('keep both economic label columns and the 合计 row', () => {
    const doc = docFromText(
      head('2024年一般公共预算安排基本支出分经济科目表（不含上年结转）') +
        tsv(
          ['部门预算支出经济科目名称', '政府预算支出经济科目名称', '2024年预算数', '', ''],
          ['', '', '合计', '人员经费', '公用经费'],
          ['<b>合计</b>', '', '<b>298.21</b>', '<b>240.25</b>', '<b>57.96</b>'],
          ['住房公积金', '住房公积金', '16.58', '16.58', ''],
        ),
    );
    const rows = doc.tables[0].rows;
    expect(rows[0]).toMatchObject({ kind: 'total', item: '合计' });
    expect(rows[0].amounts.map((a) => a.value)).toEqual(['298.21', '240.25', '57.96']);
    expect(rows[1].item).toBe('住房公积金 / 住房公积金');
  });

  it('rows without amounts after a header stay rows (三公 items)', () => {
    const doc = docFromText(
      head('2024年财政拨款安排“三公”经费支出预算表') +
        tsv(['项目', '2024年预算数', ''], ['', '合计', '一般公共预算'], ['因公出国（境）费', '', ''], ['公务用车购置及运行费', '3.00', '3.00'], ['合计', '3.00', '3.00']),
    );
    const t = doc.tables[0];
    expect(t.quality.headerRows).toBe(2);
    expect(t.rows.map((r) => r.item)).toEqual(['因公出国（境）费', '公务用车购置及运行费', '合计']);
  });
});

describe('segmentation', () => {
  it('an empty table is still a table, marked empty, with its note', () => {
    const doc = docFromText(`${head('2024年政府性基金预算支出表（不含上年结转）')}${tsv(['科目编码', '科目名称', '合计'], ['合计', '', ''])}\n\n注：本表无数据\n`);
    expect(doc.tables[0]).toMatchObject({ empty: true, note: '注：本表无数据', kind: 'government_fund_expenditure', unit: '万元', department: '测试局' });
  });

  it('a table continued after a page break is one table, rows numbered on', () => {
    const doc = docFromText(
      `预算公开表2\n\n${head('2024年预算收入总表')}${tsv(['科目编码', '科目名称', '合计'], ['201', '一般公共服务支出', '1.00'])}\n\n\n${tsv(['20101', '人大事务', '1.00'])}\n---------\t---\n${tsv(['2010101', '行政运行', '1.00'])}\n\n## 2024年预算支出总表\n\n${tsv(['科目编码', '科目名称', '合计'], ['201', 'x', '2.00'])}`,
    );
    expect(doc.tables).toHaveLength(2);
    expect(doc.tables[0].label).toBe('预算公开表2');
    expect(doc.tables[0].rows.map((r) => [r.index, r.code])).toEqual([[1, '201'], [2, '20101'], [3, '2010101']]);
    expect(doc.tables[1].label).toBeUndefined();
  });

  it('a table of contents is not a table', () => {
    const doc = docFromText(`# 目 录\n\n${tsv(['表一2024年预算收支总表.....', '3'], ['表二2024年预算收入总表.....', '5'])}\n`);
    expect(doc.tables).toHaveLength(0);
  });
});
