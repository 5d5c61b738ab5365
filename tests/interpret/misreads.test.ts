/**
 * The misreads of printed tables (issue 16) and side-by-side blocks (issue 9 item 4): one test per
 * case, on fixtures shaped as the corpus documents print them, and on the corpus PDFs themselves
 * when ../shared is present.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Block, GridBlock } from '../../schemas/intermediate.js';
import { documentFacts } from '../../src/export/facts.js';
import { extract } from '../../src/pipeline.js';
import { repeatsHeader, segment } from '../../src/segment/segment.js';
import { normalizeChars } from '../../src/core/text.js';
import { docFromText, tsv, CORPUS } from '../helpers.js';

const head = (title: string, unit = '万元') => `## ${title}\n\n单位：${unit}\n\n`;
const facts = (text: string) => documentFacts(docFromText(text)).map((f) => `${f.block}|${f.code}|${f.item}|${f.column}=${f.value}`);

// Jiangsu's 收支预算总表: 收入 | 支出 (功能分类 | 支出用途), three label columns on one row
const threeBlocks = (expHeader: string) =>
  head('收支预算总表') +
  `<table>
<tr><td colspan="2">收入</td><td colspan="4">支出</td></tr>
<tr><td>项目名称</td><td>金额</td>${expHeader}</tr>
<tr><td></td><td></td><td>功能科目名称</td><td>金额</td><td>项目名称</td><td>金额</td></tr>
<tr><td>一、财政拨款</td><td>37,188.34</td><td>一、一般公共服务支出</td><td></td><td>一、基本支出</td><td>21,968.00</td></tr>
<tr><td>1.一般公共预算</td><td>37,188.34</td><td>二、公共安全支出</td><td>27,488.23</td><td>二、项目支出</td><td>15,220.34</td></tr>
<tr><td>当年收入小计</td><td>37,188.34</td><td colspan="3">当年支出小计</td><td>37,188.34</td></tr>
</table>`;

describe('side-by-side blocks keep their own labels (issue 9)', () => {
  it('a three-block 收支预算总表 reads as three blocks (江苏省委办公厅 2019 p.1)', () => {
    const doc = docFromText(threeBlocks('<td colspan="2">功能分类</td><td colspan="2">支出用途</td>'));
    const t = doc.tables[0];
    expect(t.columns.map((c) => [c.part, c.block, c.path.join(' / ')])).toEqual([
      [0, '收入', '项目名称'],
      [0, '收入', '金额'],
      [1, '支出', '功能分类 / 功能科目名称'],
      [1, '支出', '功能分类 / 金额'],
      [2, '支出', '支出用途 / 项目名称'],
      [2, '支出', '支出用途 / 金额'],
    ]);
    expect(facts(threeBlocks('<td colspan="2">功能分类</td><td colspan="2">支出用途</td>'))).toEqual([
      '收入||一、财政拨款|金额=37188.34',
      '支出||一、基本支出|支出用途 / 金额=21968.00',
      '收入||1.一般公共预算|金额=37188.34',
      '支出||二、公共安全支出|功能分类 / 金额=27488.23',
      '支出||二、项目支出|支出用途 / 金额=15220.34',
      '收入||当年收入小计|金额=37188.34',
      // the total's label is merged over both expenditure blocks: it labels the amount of either
      '支出||当年支出小计|支出用途 / 金额=37188.34',
    ]);
  });

  it('a 功能分类 amount under a misdrawn 支出用途 cell stays 功能分类 (江苏省高院 2019 p.8)', () => {
    // the printed 支出用途 cell spans the 功能分类 金额 column too
    const cols = documentFacts(docFromText(threeBlocks('<td>功能分类</td><td colspan="3">支出用途</td>'))).filter((f) => f.block === '支出');
    expect(cols.map((f) => `${f.item}|${f.column}=${f.value}`)).toEqual([
      '一、基本支出|支出用途 / 金额=21968.00',
      '二、公共安全支出|功能分类 / 金额=27488.23',
      '二、项目支出|支出用途 / 金额=15220.34',
      '当年支出小计|支出用途 / 金额=37188.34',
    ]);
  });

  it('two-block tables keep parts 0 and 1 and the block names 收入 / 支出', () => {
    const doc = docFromText(head('收支总表') + tsv(['收入', '', '支出', ''], ['项目', '金额', '项目', '金额'], ['一、一般公共预算拨款', '1.00', '一、一般公共服务支出', '1.00']));
    expect(doc.tables[0].rows.map((r) => [r.part, r.block, r.item])).toEqual([
      [0, '收入', '一、一般公共预算拨款'],
      [1, '支出', '一、一般公共服务支出'],
    ]);
  });
});

describe('printed-table misreads (issue 16)', () => {
  it('the row under a merged group cell keeps its group label (江苏省高院 2019 p.9 收入预算总表)', () => {
    const text =
      head('收入预算总表') +
      `<table>
<tr><td colspan="2">项目名称</td><td>金额</td></tr>
<tr><td colspan="2">收入总计</td><td>37,188.34</td></tr>
<tr><td rowspan="2">一般公共预算资金</td><td>小计</td><td>37,188.34</td></tr>
<tr><td>公共财政拨款（补助）资金</td><td>37,188.34</td></tr>
<tr><td rowspan="3">其他资金</td><td>小计</td><td>15.00</td></tr>
<tr><td>事业收入</td><td></td></tr>
<tr><td>其他收入</td><td>15.00</td></tr>
</table>`;
    expect(facts(text)).toEqual([
      '||收入总计|金额=37188.34',
      '||一般公共预算资金 / 小计|金额=37188.34',
      '||一般公共预算资金 / 公共财政拨款（补助）资金|金额=37188.34',
      '||其他资金 / 小计|金额=15.00',
      '||其他资金 / 其他收入|金额=15.00',
    ]);
  });

  it('a misprinted 类 digit is no label (普陀区社会福利院 2024 `7 11 02`)', () => {
    const doc = docFromText(
      head('2024年部门支出预算表', '元') +
        tsv(['类', '款', '项', '科目名称', '合计'], ['210', '', '', '卫生健康支出', '5.00'], ['210', '11', '', '行政事业单位医疗', '5.00'], ['7', '11', '02', '事业单位医疗', '5.00']),
    );
    const last = doc.tables[0].rows.at(-1)!;
    expect([last.code, last.item]).toEqual(['2101102', '事业单位医疗']);
    expect(doc.diagnostics.find((d) => d.code === 'code.misprinted')?.message).toMatch(/类 "7".*2101102/);
  });

  it('a project named after a number is a name, not a code (12315投诉举报处置经费)', () => {
    const rows = [['单位名称', '项目名称', '金额'], ['上海市普陀区市场监督管理局', '12315投诉举报处置经费', '36.00'], ['', '食品安全抽检经费', '120.00'], ['', '计量检定经费', '8.50']];
    const doc = docFromText(head('2024年项目支出预算表') + tsv(...rows));
    expect(doc.tables[0].rows.map((r) => [r.code, r.item])).toEqual([
      [undefined, '上海市普陀区市场监督管理局 / 12315投诉举报处置经费'],
      [undefined, '食品安全抽检经费'],
      [undefined, '计量检定经费'],
    ]);
  });

  it('codes printed in the label cell are still read where the column prints them so (2013101 行政运行)', () => {
    const doc = docFromText(head('一般公共预算支出表') + tsv(['科目', '金额'], ['201 一般公共服务支出', '3.00'], ['20131 党委办公厅（室）及相关机构事务', '3.00'], ['2013101 行政运行', '3.00'], ['合计', '3.00']));
    expect(doc.tables[0].rows.map((r) => r.code ?? '')).toEqual(['201', '20131', '2013101', '']);
  });
});

const CASES = path.join(CORPUS, 'jiangsu/江苏省高级人民法院_江苏省高级人民法院2019年度部门预算公开.pdf');

describe.skipIf(!existsSync(CASES))('the corpus documents of these cases', () => {
  it('江苏省高院 2019: three blocks on p.8, the group label on p.9, the wrapped unit on p.14', async () => {
    const doc = await extract(CASES);
    const byValue = (v: string) => documentFacts(doc).filter((f) => f.value === v).map((f) => `${f.page}|${f.block}|${f.item}|${f.column}`);
    expect(byValue('27488.23')).toContain('8|支出|四、公共安全支出|功能分类 / 金额');
    expect(byValue('21968.00').filter((f) => f.startsWith('8|'))).toEqual(['8|支出|一、基本支出|支出用途 / 金额']);
    expect(byValue('37188.34')).toContain('9||一般公共预算资金 / 公共财政拨款（补助）资金|金额');
    expect(doc.tables.find((t) => t.title.startsWith('“三公”经费、会议费、培训费'))?.unit).toBe('万元');
    expect(doc.diagnostics.map((d) => d.code)).not.toContain('table.no-unit');
  });
});

describe('the character normaliser', () => {
  it('folds the forms fonts map simplified characters to (Noto CJK SC through Chromium: 户 → ⼾ → 戶)', () => {
    expect(normalizeChars('财政专⼾管理资金')).toBe('财政专户管理资金');
    expect(normalizeChars('财政专戶管理资金')).toBe('财政专户管理资金');
    expect(normalizeChars('⻩⿈黃 ⾭靑 ⺰')).toBe('黄黄黄 青青 纟');
    // punctuation as printed
    expect(normalizeChars('（一）：')).toBe('（一）：');
  });

  it('reads a text source through it too', () => {
    const doc = docFromText(head('收入总表') + tsv(['项目', '合计', '财政专戶管理资金'], ['合计', '1.00', '1.00']));
    expect(documentFacts(doc).map((f) => f.column)).toEqual(['合计', '财政专户管理资金']);
  });
});

describe('a table is never left without its unit', () => {
  it('a unit line wrapped around the department line is one unit (江苏省高院 2019 公开09表 单位：万 / 元)', () => {
    const doc = docFromText('## “三公”经费、会议费、培训费支出预算表\n\n单位：万\n\n部门名称：江苏省高级人民法院\n\n元\n\n' + tsv(['合计', '会议费'], ['120.05', '110.05']));
    expect([doc.tables[0].unit, doc.tables[0].department]).toEqual(['万元', '江苏省高级人民法院']);
    expect(doc.diagnostics.map((d) => d.code)).not.toContain('table.no-unit');
  });
});

/** A ruled grid on a page, one cell per text, the same column rules on every page. */
const grid = (page: number, rows: string[][]): GridBlock => ({
  type: 'grid', method: 'ruled', confidence: 0.95, page, columnEdges: [0, 100, 200, 300],
  rows: rows.map((r) => ({ cells: r.map((text) => ({ text })) })),
});

describe('continuation by structure', () => {
  const text = (page: number, t: string): Block => ({ type: 'text', page, text: t });
  const header = [['单位名称', '项目名称', '金额']];

  it('a page that repeats the header rows continues the table, past a running page header (项目支出预算表 printed by LibreOffice)', () => {
    const { tables } = segment([
      text(5, '2024年项目支出预算表'), text(5, '单位：元'),
      grid(5, [...header, ['本级', '食品安全抽检经费', '1.00']]),
      { type: 'pagebreak', page: 6 } as Block,
      text(6, '示例区市场监督管理局2024年部门预算'),
      grid(6, [...header, ['', '12315投诉举报处置经费', '2.00']]),
    ]);
    expect(tables.map((t) => [t.title, t.unit, t.grids.length])).toEqual([['2024年项目支出预算表', '元', 2]]);
  });

  it('two 绩效目标表 forms stay two tables: their first rows name different projects', () => {
    const form = (page: number, name: string) => grid(page, [['项目名称', name, ''], ['年度资金总额', '10.00', '']]);
    expect(repeatsHeader(form(1, 'A项目'), form(2, 'B项目'))).toBe(false);
    const { tables } = segment([text(1, '项目支出绩效目标表'), form(1, 'A项目'), { type: 'pagebreak', page: 2 } as Block, form(2, 'B项目')]);
    expect(tables).toHaveLength(2);
  });
});

describe('a title printed again over the repeated header', () => {
  it('…预算表（续） over the same header rows is the same table', () => {
    const table = (rows: string[][]) => `<table>${rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')}</table>`;
    const doc = docFromText(
      `## 2024年项目支出预算表\n\n单位：元\n\n${table([['项目名称', '金额'], ['食品安全抽检经费', '1.00']])}\n\n## 2024年项目支出预算表（续）\n\n${table([['项目名称', '金额'], ['计量检定经费', '2.00']])}\n\n## 2024年政府采购预算表\n\n单位：元\n\n${table([['项目名称', '金额'], ['办公设备', '3.00']])}\n`,
    );
    expect(doc.tables.map((t) => [t.kind, t.unit, t.rows.map((r) => r.item).join(',')])).toEqual([
      ['project_expenditure', '元', '食品安全抽检经费,计量检定经费'],
      ['government_procurement', '元', '办公设备'],
    ]);
  });
});

const ZHENGXIE = path.join(CORPUS, 'jiangsu/江苏省政协办公厅_2017年度部门预算公开表.pdf');

describe.skipIf(!existsSync(ZHENGXIE))('a table whose title and header are printed again on the next page', () => {
  it('江苏省政协办公厅 2017 政府采购预算表 (pp. 12–13) is one table', async () => {
    const doc = await extract(ZHENGXIE);
    const procurement = doc.tables.filter((t) => t.title === '2017年政府采购预算表');
    expect(procurement.map((t) => [t.label, t.pages, t.unit])).toEqual([['表十二', [12, 13], '万元']]);
  });
});

describe('running page headers', () => {
  it('a line printed on every page neither ends a table nor is narrative', () => {
    const running = (page: number): Block => ({ type: 'text', page, text: '示例区市场监督管理局2024年部门预算' });
    const { tables, narrative } = segment([
      running(1), { type: 'text', page: 1, text: '2024年部门支出总表' }, { type: 'text', page: 1, text: '单位：万元' },
      grid(1, [['科目名称', '合计'], ['一般公共服务支出', '1.00']]),
      running(2), grid(2, [['卫生健康支出', '2.00']]),
      running(3), grid(3, [['住房保障支出', '3.00']]),
    ]);
    expect(tables.map((t) => [t.title, t.unit, t.grids.length])).toEqual([['2024年部门支出总表', '万元', 3]]);
    expect(narrative).toEqual([]);
  });
});
