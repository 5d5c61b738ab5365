/**
 * The steps added for tables printed without rules whose cells are centred over several lines,
 * whose header cells touch, and whose rows reach into a page's margin band (issue 15), each on
 * hand-made lines, then on a page through layoutPage.
 */
import { describe, expect, it } from 'vitest';
import { labelOnlyStrips, overlapsVertically, reachDownOverStraddling, reachUpOverStraddling, textsUnder } from '../../extractors/pdf/centred-rows.js';
import { joinTotalIntoCodes } from '../../extractors/pdf/code-column-total.js';
import { claimBottomLeaves } from '../../extractors/pdf/header-spans.js';
import { footBlock, footTable } from '../../extractors/pdf/page-foot-table.js';
import { withTopRow } from '../../extractors/pdf/page-top-row.js';
import { columnsInOrder, splitAtLayoutChange } from '../../extractors/pdf/layout-split.js';
import { hanCellGap } from '../../extractors/pdf/han-gap.js';
import { isEdgeRow, usualLineGap } from '../../extractors/pdf/page-edge-rows.js';
import { layoutPage } from '../../extractors/pdf/page-layout.js';
import { headerCells, isLeaf, lineAtoms, type StreamLine } from '../../extractors/pdf/stream-finder.js';
import { groupLines, linePieces } from '../../extractors/pdf/text-items.js';
import { layoutSettings } from '../../src/core/layout-settings.js';
import type { GridBlock } from '../../schemas/intermediate.js';
import { frag } from './frag.js';

const S = layoutSettings();
const lineOf = (...fs: ReturnType<typeof frag>[]) => groupLines(fs)[0];
const stream = (...fs: ReturnType<typeof frag>[]): StreamLine => {
  const l = lineOf(...fs);
  return { line: l, pieces: linePieces(l, S.text.cellGapEm), atoms: lineAtoms(l, S.stream.wordGapEm, S.stream.hanCellGapEm) };
};
const texts = (g: GridBlock) => g.rows.map((r) => r.cells.map((c) => c.text));

describe('centred rows', () => {
  it('lines whose boxes overlap by a fifth of a line are one printed row', () => {
    expect(overlapsVertically(lineOf(frag('实施期资', 10, 181)), lineOf(frag('400,000', 200, 187)), 0.2)).toBe(true);
    expect(overlapsVertically(lineOf(frag('省级财政资金', 10, 181)), lineOf(frag('0', 200, 195)), 0.2)).toBe(false);
  });

  it('the first body line reaches up over the upper line of a centred cell, not over a free line', () => {
    const ls = [frag('项目属性', 10, 152), frag('实施期资', 60, 181), frag('400,000', 200, 187)].map((f) => ({ line: lineOf(f) }));
    expect(reachUpOverStraddling(ls, 2, () => true, 0.2)).toBe(1);
    expect(reachUpOverStraddling(ls, 2, (k) => k !== 1, 0.2)).toBe(2);
  });

  it('texts under texts: the same cells one line on', () => {
    expect(textsUnder([{ x0: 100, x1: 180 }], [{ x0: 48, x1: 90 }, { x0: 99, x1: 179 }])).toBe(true);
    expect(textsUnder([{ x0: 48, x1: 90 }, { x0: 200, x1: 226 }], [{ x0: 99, x1: 179 }])).toBe(false);
  });
});

describe('touching Han cells', () => {
  it('two runs of Han characters a visible gap apart are two cells; a word space before a bracket is not', () => {
    const a = frag('当年预算安排', 422, 100);
    const b = frag('上年结转安排', a.x1 + 3, 100);
    expect(hanCellGap(a, b, S.stream.hanCellGapEm)).toBe(true);
    expect(hanCellGap(a, frag('上年', a.x1 + 1, 100), S.stream.hanCellGapEm)).toBe(false);
    expect(hanCellGap(frag('项目资金', 10, 100), frag('(元)', 53, 100), S.stream.hanCellGapEm)).toBe(false);
    const l = lineOf(a, b);
    expect(lineAtoms(l, S.stream.wordGapEm, S.stream.hanCellGapEm).map((x) => x.text)).toEqual(['当年预算安排', '上年结转安排']);
    expect(lineAtoms(l, S.stream.wordGapEm).map((x) => x.text)).toEqual(['当年预算安排上年结转安排']);
  });
});

describe('rows in the page margin band', () => {
  it('a short line beside the table at its usual spacing is a row; a page number or a far line is not', () => {
    const rows = [100, 122, 144].map((y) => lineOf(frag('二十四、预备费', 200, y)));
    const gap = usualLineGap(rows);
    const foot = lineOf(frag('二十五、其他支出', 200, 166));
    expect(isEdgeRow(foot, '二十五、其他支出', rows[2], gap, true, S.stream.edgeRowGapRatio)).toBe(true);
    expect(isEdgeRow(foot, '二十五、其他支出', rows[2], gap, false, S.stream.edgeRowGapRatio)).toBe(false);
    expect(isEdgeRow(lineOf(frag('- 3 -', 280, 166)), '-3-', rows[2], gap, true, S.stream.edgeRowGapRatio)).toBe(false);
    expect(isEdgeRow(lineOf(frag('信访局', 200, 230)), '信访局', rows[2], gap, true, S.stream.edgeRowGapRatio)).toBe(false);
  });

  it('a page: the last row at the foot of the page stays in the table, the page number does not', () => {
    const frags = [
      ...[700, 722, 744, 766].flatMap((y, k) => [frag(`${k + 1}、支出项目`, 60, y), frag('1.00', 300, y), frag('2.00', 400, y)]),
      frag('二十五、其他支出', 60, 788),
      frag('- 3 -', 290, 830),
    ];
    const out = layoutPage({ page: 3, width: 595, height: 842, frags, rules: [] });
    const grid = out.blocks.find((b): b is GridBlock => b.type === 'grid')!;
    expect(grid.rows.map((r) => r.cells[0].text)).toEqual(['1、支出项目', '2、支出项目', '3、支出项目', '4、支出项目', '二十五、其他支出']);
    expect(out.blocks.filter((b) => b.type === 'text').map((b) => (b as { text: string }).text)).toEqual(['- 3 -']);
  });
});

describe('cells centred beside several lines', () => {
  it('the last body line reaches down over the lower line of a centred cell', () => {
    const ls = [frag('单位自', 10, 181), frag('0', 200, 187), frag('筹', 10, 193), frag('其他资金', 10, 230)].map((f) => ({ line: lineOf(f) }));
    expect(reachDownOverStraddling(ls, 1, () => true, 0.2)).toBe(2);
  });

  it('texts of lines without amounts in no column make one when two lines hold one; a lone character does not', () => {
    const strips = [{ x0: 82, x1: 112 }, { x0: 210, x1: 243 }];
    const atoms = [
      { text: '项目资', x0: 43, x1: 73 },
      { text: '金(元)', x0: 43, x1: 72 },
      { text: '实施期', x0: 82, x1: 112 },
    ];
    expect(labelOnlyStrips(strips, atoms, 2, 1)).toEqual([{ x0: 43, x1: 73 }, ...strips]);
    expect(labelOnlyStrips(strips, atoms.slice(0, 1), 2, 1)).toEqual(strips);
    expect(labelOnlyStrips(strips, [{ text: '经', x0: 181, x1: 191 }, { text: '经', x0: 181, x1: 191 }], 2, 1)).toEqual(strips);
  });

  it('合计 left-aligned beside right-aligned codes belongs to the code column', () => {
    const ls = [stream(frag('合计', 38, 700), frag('293.82', 384, 700)), stream(frag('301', 90, 718), frag('工资福利支出', 116, 718), frag('236.16', 384, 718)), stream(frag('30101', 78, 736), frag('基本工资', 116, 736), frag('80.00', 390, 736))];
    const strips = [{ x0: 38, x1: 58 }, { x0: 78, x1: 107 }, { x0: 116, x1: 176 }, { x0: 384, x1: 417 }];
    expect(joinTotalIntoCodes(strips, ls)).toEqual([{ x0: 38, x1: 107 }, { x0: 116, x1: 176 }, { x0: 384, x1: 417 }]);
    // a label column beside a label column stays
    expect(joinTotalIntoCodes([{ x0: 38, x1: 58 }, { x0: 116, x1: 176 }], ls)).toEqual([{ x0: 38, x1: 58 }, { x0: 116, x1: 176 }]);
  });
});

describe('merged header cells', () => {
  it('a merged cell alone on its level heads the bottom-band leaves beside it, up to a leaf printed between the bands', () => {
    const atoms = [stream(frag('2024年预算数', 341, 699)), stream(frag('项目', 105, 711)), stream(frag('合计', 200, 723), frag('一般公共预算', 247, 723), frag('政府性基金预算', 344, 723), frag('国有资本经营预算', 454, 723))].flatMap((l) => l.atoms);
    const cells = headerCells(atoms);
    const out = claimBottomLeaves(cells, isLeaf, S.stream.bottomBandEm);
    const top = out.find((c) => c.atoms[0].text === '2024年预算数')!;
    expect([top.x0, top.x1]).toEqual([200, 454 + 80]);
    // with another text on its lines (收入 beside 支出) nothing changes
    const two = headerCells([...atoms, ...stream(frag('收入', 100, 699)).atoms]);
    expect(claimBottomLeaves(two, isLeaf, S.stream.bottomBandEm)).toEqual(two);
  });

  it('a wrapped leaf centred on the bottom band is in it (财政专户管理资 / 金 around 合计 | 一般公共预算)', () => {
    const atoms = [stream(frag('本年预算', 200, 699)), stream(frag('单位名称', 40, 711)), stream(frag('财政专户管理资', 330, 717)), stream(frag('合计', 200, 723), frag('一般公共预算', 250, 723)), stream(frag('金', 330, 729))].flatMap((l) => l.atoms);
    const out = claimBottomLeaves(headerCells(atoms), isLeaf, S.stream.bottomBandEm);
    const top = out.find((c) => c.atoms[0].text === '本年预算')!;
    // up to the wrapped leaf's right end, not over 单位名称 (printed between the bands)
    expect([top.x0, top.x1]).toEqual([200, 330 + 70]);
  });
});

describe('a table beginning at a page foot, ending at the next page top', () => {
  it('the header and amount-less first rows after a unit line down to the foot are a table', () => {
    const ls = [
      stream(frag('单位：万元', 40, 676)),
      stream(frag('2024年预算数', 341, 699)),
      stream(frag('项目', 105, 711)),
      stream(frag('合计', 200, 723), frag('一般公共预算', 247, 723), frag('政府性基金预算', 344, 723), frag('国有资本经营预算', 454, 723)),
      stream(frag('因公出国（境）费', 43, 746)),
      stream(frag('公务接待费', 43, 769)),
      stream(frag('10', 295, 830)),
    ];
    const stop = [true, false, false, false, false, false, true];
    const furniture = [false, false, false, false, false, false, true];
    const block = footBlock(ls, stop, furniture, new Set(), S.stream)!;
    expect(block).toEqual([1, 2, 3, 4, 5]);
    const t = footTable(ls, block, 10, S);
    expect(texts(t.grid)).toEqual([
      ['项目', '2024年预算数'],
      ['合计', '一般公共预算', '政府性基金预算', '国有资本经营预算'],
      ['因公出国（境）费', '', '', '', ''],
      ['公务接待费', '', '', '', ''],
    ]);
    expect(t.grid.columnEdges).toHaveLength(6);
    // prose after a heading is no such table
    const prose = [stream(frag('一、收支预算总表情况说明', 122, 420)), stream(frag('收入预算总计', 122, 440), frag('17996.68', 282, 440)), stream(frag('年相比增加，主要是', 90, 460), frag('工资', 300, 460))];
    expect(footBlock(prose, [true, false, false], [false, false, false], new Set(), S.stream)).toBeUndefined();
  });

  it('a form\'s first rows at the foot: each line cut into the columns its texts line up in', () => {
    const ls = [
      stream(frag('忻州市市级预算部门（单位）项目支出绩效目标表', 40, 660)),
      stream(frag('项目名称', 43, 703), frag('安保人员及委托业务经费', 136, 703)),
      stream(frag('主管部门及代码', 43, 727), frag('113-忻州市信访局', 136, 727), frag('实施单位', 300, 727), frag('忻州市信访局', 397, 727)),
    ];
    const block = footBlock(ls, [true, false, false], [false, false, false], new Set(), S.stream)!;
    expect(texts(footTable(ls, block, 13, S).grid)[0].filter(Boolean)).toEqual(['项目名称', '安保人员及委托业务经费']);
  });

  it('a lone amount row at the top of a page goes on with the previous page\'s table', () => {
    const ls = [stream(frag('市级信访接待场所规范化建设', 43, 60)), stream(frag('254.00', 182, 67), frag('254.00', 245, 67)), stream(frag('经费', 43, 74))];
    const tab = [false, true, false];
    const none = [false, false, false];
    expect(withTopRow(ls, [], tab, none, none, [44, 178, 218, 281], S.stream.wrapJoinEm)).toEqual([{ top: 1, bodyTop: 1, bottom: 1 }]);
    expect(withTopRow(ls, [], tab, none, none, undefined, S.stream.wrapJoinEm)).toEqual([]);
    // far below other lines (a form's rows going on), it is not
    const far = [stream(frag('生态效益指标', 43, 60)), stream(frag('填报日期:', 43, 200), frag('20240105154535', 182, 200))];
    expect(withTopRow(far, [], [false, true], [false, false], [false, false], [44, 178, 218, 281], S.stream.wrapJoinEm)).toEqual([]);
    // a numbered heading is no row of amounts (ICDAR 2013 eu-004 p.4)
    const heading = [stream(frag('6.2', 72, 60), frag('Consumer Demand (Table', 89, 60), frag('6.4)', 229, 60))];
    expect(withTopRow(heading, [], [true], [false], [false], [44, 178, 218, 281], S.stream.wrapJoinEm)).toEqual([]);
  });
});

describe('two tables under each other with the same columns in other widths', () => {
  it('the run is cut where amounts end and labels start at other x; the lower part takes the columns in order', () => {
    const ls = [
      stream(frag('2101102', 43, 60), frag('事业单位医疗', 93, 60), frag('4.17', 236, 60), frag('4.17', 294, 60)),
      stream(frag('22102', 43, 80), frag('住房改革支出', 93, 80), frag('23.99', 230, 80), frag('23.99', 288, 80)),
      stream(frag('2210201', 43, 100), frag('住房公积金', 163, 100), frag('23.99', 351, 100), frag('23.99', 434, 100)),
    ];
    const tab = [true, true, true];
    expect(splitAtLayoutChange(ls, { top: 0, bodyTop: 0, bottom: 2 }, tab, S.stream.alignTol)).toEqual([
      { top: 0, bodyTop: 0, bottom: 1 },
      { top: 2, bodyTop: 2, bottom: 2 },
    ]);
    // one layout: no cut
    expect(splitAtLayoutChange(ls.slice(0, 2), { top: 0, bodyTop: 0, bottom: 1 }, tab, S.stream.alignTol)).toEqual([{ top: 0, bodyTop: 0, bottom: 1 }]);
    const cols = [{ x0: 43, x1: 85 }, { x0: 163, x1: 213 }, { x0: 351, x1: 378 }];
    expect(columnsInOrder(cols, [true, false, true], [43, 150, 300, 378], [true, false, true, true])).toEqual([43, 150, 300, 378, 378.01]);
    expect(columnsInOrder(cols, [false, false, true], [43, 150, 300, 378], [true, false, true, true])).toBeUndefined();
  });
});
