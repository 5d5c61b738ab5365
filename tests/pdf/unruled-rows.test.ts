/**
 * The steps added for tables printed without rules whose cells are centred over several lines,
 * whose header cells touch, and whose rows reach into a page's margin band (issue 15), each on
 * hand-made lines, then on a page through layoutPage.
 */
import { describe, expect, it } from 'vitest';
import { overlapsVertically, reachUpOverStraddling, textsUnder } from '../../extractors/pdf/centred-rows.js';
import { hanCellGap } from '../../extractors/pdf/han-gap.js';
import { isEdgeRow, usualLineGap } from '../../extractors/pdf/page-edge-rows.js';
import { layoutPage } from '../../extractors/pdf/page-layout.js';
import { lineAtoms } from '../../extractors/pdf/stream-finder.js';
import { groupLines } from '../../extractors/pdf/text-items.js';
import { layoutSettings } from '../../src/core/layout-settings.js';
import type { GridBlock } from '../../schemas/intermediate.js';
import { frag } from './frag.js';

const S = layoutSettings();
const lineOf = (...fs: ReturnType<typeof frag>[]) => groupLines(fs)[0];

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
