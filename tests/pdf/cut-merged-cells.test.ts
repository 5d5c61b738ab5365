/**
 * Label cells merged down a table printed without rules and cut by a page break
 * (extractors/pdf/cut-merged-cells.ts): the LibreOffice misreads render's 项目支出, whose unit names
 * LibreOffice prints once, centred over the whole cell, on one of the two pages.
 */
import { describe, expect, it } from 'vitest';
import { columnFeet, openMergedDownRanges, withCutEnds } from '../../extractors/pdf/cut-merged-cells.js';
import { mergedDownRanges } from '../../extractors/pdf/merged-down.js';
import type { GridBlock } from '../../schemas/intermediate.js';

// rows 22.5 apart, 10 high
const row = (k: number) => ({ y0: 100 + 22.5 * k, y1: 110 + 22.5 * k });
const at = (mid: number) => ({ y0: mid - 5, y1: mid + 5 });
const mid = (a: number, z: number) => (row(a).y0 + row(z).y1) / 2;

describe('label cells merged down and cut by a page break', () => {
  it('a cell going on from the previous page (six rows there) and one going on overleaf are centred on the whole cell', () => {
    const rows = Array.from({ length: 30 }, (_, k) => row(k));
    // 执法大队 over rows −6 … 13 (its middle between rows 3 and 4), 检验所 over 14 … 33 (between 23 and 24)
    const texts = rows.map((_, k) => (k === 3 ? at(mid(-6, 13)) : k === 23 ? at(mid(14, 33)) : undefined));
    expect(mergedDownRanges(rows, texts, 0.25)).toBeUndefined();
    expect(openMergedDownRanges(rows, texts, 0.25, 6)).toEqual([
      [0, 13],
      [14, 29],
    ]);
    // without the previous page's rows the first cell's middle is not the middle of any range here
    expect(openMergedDownRanges(rows, texts, 0.25, 0)).not.toEqual([
      [0, 13],
      [14, 29],
    ]);
  });

  it('blank rows at the foot after the last cell, and at the top under a cell cut at the previous foot, are empty merged cells', () => {
    const texts = [row(0), at(mid(1, 3)), undefined, undefined, undefined, undefined];
    expect(withCutEnds([[0, 0], [1, 3]], texts, undefined)).toEqual([[0, 0], [1, 3], [4, 5]]);
    const top = [undefined, undefined, undefined, undefined];
    expect(withCutEnds(undefined, top, { blank: 0, merged: true })).toEqual([[0, 3]]);
    // a column whose previous page ended in a single cell: left alone
    expect(withCutEnds(undefined, top, { blank: 0, merged: false })).toBeUndefined();
    // a single blank row is no merged cell
    expect(withCutEnds([[0, 0], [1, 4]], [row(0), at(mid(1, 4)), undefined, undefined, undefined, undefined], undefined)).toEqual([[0, 0], [1, 4]]);
  });

  it("a grid's column feet: blank rows at its foot (an empty merged cell's count), and whether a merged cell with text ends it", () => {
    const c = (text: string, rowSpan = 1) => ({ text, colSpan: 1, rowSpan });
    const grid: GridBlock = {
      type: 'grid',
      method: 'aligned',
      confidence: 0.6,
      columnEdges: [0, 10, 20, 30],
      rows: [
        { cells: [c('本级', 2), c('抽检经费'), c('1.00')] },
        { cells: [c('计量经费'), c('2.00')] },
        { cells: [c('', 2), c('执法经费'), c('3.00')] },
        { cells: [c('信用经费'), c('')] },
      ],
    };
    expect(columnFeet(grid)).toEqual([
      { blank: 2, merged: false },
      { blank: 0, merged: false },
      { blank: 1, merged: false },
    ]);
    grid.rows[2].cells[0] = c('执法大队', 2);
    expect(columnFeet(grid)[0]).toEqual({ blank: 0, merged: true });
  });
});
