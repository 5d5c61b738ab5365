/**
 * Table structure beyond the rules (issue 15), each step on hand-made grids and lines: captions and
 * notes lifted out of a grid (extractors/pdf/caption-rows.ts), a header band cut between a spanning
 * head and its column heads (extractors/pdf/header-bands.ts), grids cut where their header row
 * repeats (extractors/pdf/repeated-headers.ts), two ruled blocks of one table joined
 * (extractors/pdf/adjacent-frames.ts).
 */
import { describe, expect, it } from 'vitest';
import { layoutSettings } from '../../src/core/layout-settings.js';
import { liftCaptionRows } from '../../extractors/pdf/caption-rows.js';
import { headerBandSplit } from '../../extractors/pdf/header-bands.js';
import { splitSideBySide, splitStacked } from '../../extractors/pdf/repeated-headers.js';
import { joinAdjacentFrames } from '../../extractors/pdf/adjacent-frames.js';
import { findFrames, frameCells } from '../../extractors/pdf/ruled-grid.js';
import type { Segment } from '../../extractors/pdf/rulings.js';
import type { GridBlock, GridCell } from '../../schemas/intermediate.js';

const S = layoutSettings().structure;
/** A grid of rows of texts, each row 10 pt high from y = 100; `{3}` after a text spans three columns. */
function grid(...rows: string[][]): GridBlock {
  return {
    type: 'grid',
    method: 'ruled',
    confidence: 0.95,
    page: 1,
    bbox: { x0: 0, y0: 100, x1: 300, y1: 100 + 10 * rows.length },
    rows: rows.map((texts, r) => ({
      cells: texts.map((t): GridCell => {
        const span = /\{(\d+)\}$/.exec(t);
        return { text: t.replace(/\{\d+\}$/, ''), colSpan: span ? Number(span[1]) : 1, rowSpan: 1, page: 1, bbox: { x0: 0, y0: 100 + 10 * r, x1: 300, y1: 110 + 10 * r } };
      }),
    })),
  };
}
const texts = (g: GridBlock) => g.rows.map((r) => r.cells.map((c) => c.text));

describe('captions and notes inside a table', () => {
  it('lifts a caption row and the note rows, keeps the table, shrinks the bbox to it', () => {
    const g = grid(['Exhibit 19 Percentage of Schools Identified{3}'], ['Designation', 'Identified', 'Not identified'], ['Low-performing', '34%', '3%'], ['High-performing', '2%', '18%'], ['Exhibit reads: Thirty-four percent …{3}'], ['of the schools …', '', '']);
    const { grid: out, lifted } = liftCaptionRows(g, S);
    expect(texts(out)).toEqual([['Designation', 'Identified', 'Not identified'], ['Low-performing', '34%', '3%'], ['High-performing', '2%', '18%']]);
    expect(out.bbox).toEqual({ x0: 0, y0: 110, x1: 300, y1: 140 });
    expect(lifted.map((t) => [t.text, t.bbox?.y0])).toEqual([['Exhibit 19 Percentage of Schools Identified', 100], ['Exhibit reads: Thirty-four percent …', 140], ['of the schools …', 150]]);
  });

  it('NOTE and SOURCE paragraphs at the foot of an unruled table, with a page number after them', () => {
    const g = grid(['Region', '2009', '2010'], ['Utah', '0.7', '13.3'], ['Wyoming', '-5.8', '3.2'], ['NOTE: Calculations are based on …', '', ''], ['SOURCE: U.S. Department of Education', '', ''], ['', 'Reference Tables', '53']);
    const { grid: out, lifted } = liftCaptionRows(g, S);
    expect(out.rows).toHaveLength(3);
    expect(lifted.map((t) => t.text)).toEqual(['NOTE: Calculations are based on …', 'SOURCE: U.S. Department of Education', 'Reference Tables', '53']);
  });

  it('leaves a table alone: a one-cell first row that is no caption, a note with a table row after it, Chinese tables', () => {
    for (const g of [
      grid(['Austria{3}'], ['a', '1', '2'], ['b', '3', '4']),
      grid(['Year', 'Total', 'Public'], ['1996', '16.9', '17.1'], ['Note: revised', '', ''], ['1997', '16.6', '16.8']),
      grid(['表1 收支总表{2}'], ['项目', '金额'], ['一般公共预算', '100.00'], ['注：本表无数据{2}']),
      grid(['Table 4{2}'], ['Total', '44.8']),
    ]) {
      const { grid: out, lifted } = liftCaptionRows(g, S);
      expect(out).toBe(g);
      expect(lifted).toEqual([]);
    }
  });

  it('keeps a caption row when a cell below it spans up into it', () => {
    const g = grid(['Table 1 Results', 'x'], ['a', 'b'], ['c', 'd']);
    g.rows[0].cells = [{ text: 'Table 1 Results', rowSpan: 2, colSpan: 1 }, { text: '', rowSpan: 1, colSpan: 1 }];
    expect(liftCaptionRows(g, S).grid).toBe(g);
  });
});

describe('header bands holding two header rows', () => {
  // columns 0–100 (label), 100–150 | 150–200 under one head, 200–250 | 250–300 under another; 150 and 250 from the text
  const xs = [0, 100, 150, 200, 250, 300];
  const virtual = [150, 250];
  const line = (y: number, ...pieces: [number, number][]) => ({ y0: y, y1: y + 10, pieces: pieces.map(([x0, x1]) => ({ x0, x1 })) });

  it('cuts between a spanning head and the column heads under it', () => {
    const lines = [line(100, [10, 90], [120, 180], [215, 290]), line(112, [105, 140], [160, 195], [205, 240], [260, 295])];
    expect(headerBandSplit(lines, xs, virtual, S.headerCrossPad)).toBe(111);
  });

  it('no cut: one line, a wrapped head crossing nothing, heads run together over a single head', () => {
    expect(headerBandSplit([line(100, [120, 180])], xs, virtual, 2)).toBeUndefined();
    expect(headerBandSplit([line(100, [105, 145]), line(112, [110, 140])], xs, virtual, 2)).toBeUndefined();
    // `Sample Percent` over `size`: the upper piece crosses 150, but under it only one column has a head
    expect(headerBandSplit([line(100, [105, 195]), line(112, [110, 130])], xs, virtual, 2)).toBeUndefined();
    // no boundary from the text: nothing to cross
    expect(headerBandSplit([line(100, [120, 180]), line(112, [105, 140], [160, 195])], xs, [], 2)).toBeUndefined();
  });
});

describe('tables printed as one grid', () => {
  it('stacked: cut before the repeated header row, the paragraph between them lifted out', () => {
    const g = grid(['Age Group', 'Proportion'], ['20-29', '0.2650'], ['80 +', '0.0336'], ['The following proportions', '1980 Census data are to'], ['be used for trends.', ''], ['Age Group', 'Proportion'], ['20-29', '0.2834'], ['60-74', '0.1781']);
    const { grids, lifted } = splitStacked(g);
    expect(grids.map(texts)).toEqual([
      [['Age Group', 'Proportion'], ['20-29', '0.2650'], ['80 +', '0.0336']],
      [['Age Group', 'Proportion'], ['20-29', '0.2834'], ['60-74', '0.1781']],
    ]);
    expect(grids.map((x) => [x.bbox?.y0, x.bbox?.y1])).toEqual([[100, 130], [150, 180]]);
    expect(lifted.map((t) => t.text)).toEqual(['The following proportions', '1980 Census data are to', 'be used for trends.']);
  });

  it('stacked: no cut without a repeat, or with a one-head first row', () => {
    for (const g of [grid(['项目', '金额'], ['合计', '1.00'], ['支出', '1.00']), grid(['Total{2}'], ['a', '1'], ['Total{2}'], ['b', '2'])]) expect(splitStacked(g)).toEqual({ grids: [g], lifted: [] });
  });

  it('side by side: one block of heads repeated three times is three tables, the last one shorter', () => {
    const g = grid(['Age', 'Total population', 'Age', 'Total population', 'Age', 'Total population'], ['Under 1 year', '3,533,692', '40 years', '2,468,083', '80 years', '723,049'], ['1 years', '3,269,557', '41 years', '2,375,849', '', '']);
    g.columnEdges = [0, 50, 100, 150, 200, 250, 300];
    const parts = splitSideBySide(g, S);
    expect(parts.map(texts)).toEqual([
      [['Age', 'Total population'], ['Under 1 year', '3,533,692'], ['1 years', '3,269,557']],
      [['Age', 'Total population'], ['40 years', '2,468,083'], ['41 years', '2,375,849']],
      [['Age', 'Total population'], ['80 years', '723,049']],
    ]);
    expect(parts.map((p) => p.columnEdges)).toEqual([[0, 50, 100], [100, 150, 200], [200, 250, 300]]);
  });

  it('side by side: two halves (收入 and 支出 of a 收支总表) stay one table', () => {
    const g = grid(['项目', '预算数', '项目', '预算数'], ['一般公共预算拨款', '100.00', '一般公共服务支出', '100.00'], ['收入总计', '100.00', '支出总计', '100.00']);
    expect(splitSideBySide(g, S)).toEqual([g]);
  });
});

describe('one table drawn as two ruled blocks', () => {
  const L = layoutSettings();
  const h = (y: number, x0: number, x1: number): Segment => ({ x0, y0: y, x1, y1: y });
  // rules between rows only, as shaded cells give them: a label block 0–200 and an amount block 203–300
  const block = (x0: number, x1: number, ys: number[]) => ys.map((y) => h(y, x0, x1));

  it('joins blocks with the same rows across a narrow gap, the gap a column boundary in every row', () => {
    const frames = findFrames([...block(0, 200, [0, 20, 40, 60]), ...block(203, 300, [0, 20, 40, 60])], L.rules);
    expect(frames).toHaveLength(2);
    const [f] = joinAdjacentFrames(frames, L.structure.frameJoinGap, L.rules);
    expect(joinAdjacentFrames(frames, L.structure.frameJoinGap, L.rules)).toHaveLength(1);
    expect(f.box).toMatchObject({ x0: 0, x1: 300 });
    expect(frameCells(f).map((c) => [c.r, c.c])).toEqual([[0, 0], [0, 1], [1, 0], [1, 1], [2, 0], [2, 1]]);
  });

  it('keeps apart blocks with other rows, or far apart', () => {
    const other = findFrames([...block(0, 200, [0, 20, 40, 60]), ...block(203, 300, [0, 30, 60])], L.rules);
    expect(joinAdjacentFrames(other, L.structure.frameJoinGap, L.rules)).toHaveLength(2);
    const far = findFrames([...block(0, 200, [0, 20, 40, 60]), ...block(240, 300, [0, 20, 40, 60])], L.rules);
    expect(joinAdjacentFrames(far, L.structure.frameJoinGap, L.rules)).toHaveLength(2);
  });
});
