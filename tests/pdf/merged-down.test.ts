/**
 * Label cells merged down several rows of a table printed without rules (extractors/pdf/merged-down.ts):
 * a unit name printed once beside the projects it runs, 一般公共预算资金 beside 小计 and 公共财政拨款
 * (the misreads sample's 项目支出 and 收入总表 printed without borders).
 */
import { describe, expect, it } from 'vitest';
import { amountsInOneColumn, applyMergedDown, mergedDownRanges } from '../../extractors/pdf/merged-down.js';
import { bodyRows, lineAtoms, type StreamLine } from '../../extractors/pdf/stream-finder.js';
import { groupLines, linePieces } from '../../extractors/pdf/text-items.js';
import { headsAmountColumns, repeatedHeaderTop } from '../../extractors/pdf/repeated-header-top.js';
import { headerOverLabels } from '../../extractors/pdf/unheaded-label-column.js';
import { wrappedBetweenRows } from '../../extractors/pdf/wrapped-between-rows.js';
import { layoutSettings } from '../../src/core/layout-settings.js';
import type { GridRow } from '../../schemas/intermediate.js';
import { frag } from './frag.js';

const S = layoutSettings();
// rows 22.5 apart, 10 high (the 收入总表's pitch)
const row = (k: number) => ({ y0: 100 + 22.5 * k, y1: 110 + 22.5 * k });
const at = (mid: number) => ({ y0: mid - 5, y1: mid + 5 });
const stream = (...fs: ReturnType<typeof frag>[]): StreamLine => {
  const [l] = groupLines(fs);
  return { line: l, pieces: linePieces(l, S.text.cellGapEm), atoms: lineAtoms(l, S.stream.wordGapEm, S.stream.hanCellGapEm) };
};

describe('label cells merged down', () => {
  it('a text centred between two rows covers both; one centred on a row of three blanks covers the three', () => {
    const rows = [0, 1, 2, 3, 4, 5, 6, 7].map(row);
    const mid = (a: number, z: number) => (row(a).y0 + row(z).y1) / 2;
    // 收入总计 | 一般公共预算资金 over rows 1–2 | 财政专户管理资金 over 3–4 | 其他资金 over 5–7
    const texts = [row(0), at(mid(1, 2)), undefined, undefined, at(mid(3, 4)), undefined, at(mid(5, 7)), undefined];
    expect(mergedDownRanges(rows, texts, 0.25)).toEqual([[0, 0], [1, 2], [3, 4], [5, 7]]);
  });

  it('a text wrapped over two rows is one block, covering the rows it is centred on', () => {
    const rows = [0, 1, 2, 3, 4, 5].map(row);
    const texts = [undefined, undefined, { y0: 155, y1: 165 }, { y0: 166, y1: 176 }, undefined, undefined];
    expect(mergedDownRanges(rows, texts, 0.25)).toEqual([[0, 5]]);
  });

  it('blank rows after the last text are a merged cell cut by the page break: left blank, the rest merged', () => {
    const rows = [0, 1, 2, 3, 4, 5].map(row);
    // 合计 | unit over rows 1–3 | rows 4–5 of the next unit, whose name is printed overleaf
    expect(mergedDownRanges(rows, [row(0), undefined, row(2), undefined, undefined, undefined], 0.25)).toEqual([[0, 0], [1, 3]]);
  });

  it('a column with blanks no text is centred on is a column of empty cells, left alone', () => {
    const rows = [0, 1, 2, 3, 4].map(row);
    // names on their own rows (工资 | blank | blank | 商品 | blank): nothing merged
    expect(mergedDownRanges(rows, [row(0), undefined, undefined, row(3), undefined], 0.25)).toBeUndefined();
    // every row filled: nothing to merge
    expect(mergedDownRanges(rows, rows, 0.25)).toBeUndefined();
    // a row whose cell there spans other columns stops a range
    expect(mergedDownRanges(rows, [null, at((row(0).y0 + row(2).y1) / 2), undefined, row(3), row(4)], 0.25)).toBeUndefined();
  });

  it('the merged cell takes the block texts and the rowSpan; the cells it covers go', () => {
    const cell = (text: string, y: number) => ({ text, colSpan: 1, rowSpan: 1, page: 1, bbox: { x0: 0, y0: y, x1: 10, y1: y + 10 } });
    const rows: GridRow[] = [0, 1, 2].map((k) => ({ cells: [cell(k === 1 ? '单位' : '', k * 20), cell(`项目${k}`, k * 20), cell('1.00', k * 20)] }));
    const out = applyMergedDown(rows, 0, [[0, 2]], () => '单位');
    expect(out.map((r) => r.cells.map((c) => c.text))).toEqual([['单位', '项目0', '1.00'], ['项目1', '1.00'], ['项目2', '1.00']]);
    expect(out[0].cells[0]).toMatchObject({ rowSpan: 3, bbox: { y0: 0, y1: 50 } });
  });

  it('two lines with amounts in one column stay two rows, whatever straddles them', () => {
    const a = [{ text: '562,710.27', x0: 300, x1: 350 }];
    expect(amountsInOneColumn(a, [{ text: '641,900.30', x0: 300, x1: 350 }])).toBe(true);
    expect(amountsInOneColumn(a, [{ text: '641,900.30', x0: 400, x1: 450 }])).toBe(false);
    expect(amountsInOneColumn([{ text: '三、国防支出', x0: 300, x1: 350 }], a)).toBe(false);
  });

  it('a unit name centred beside the middle two of four project rows is read into every one of them', () => {
    const lines = [
      stream(frag('抽检经费', 120, 110), frag('270,000.00', 300, 110)),
      stream(frag('计量经费', 120, 124), frag('408,380.06', 300, 124)),
      // the unit name's two lines sit between the middle rows, their boxes touching
      stream(frag('示例区市场监督局', 10, 140), frag('标准化经费', 120, 138), frag('562,710.27', 300, 138)),
      stream(frag('（本级）', 10, 150), frag('产品质量经费', 120, 152), frag('641,900.30', 300, 152)),
      stream(frag('信用经费', 120, 166), frag('321,090.33', 300, 166)),
      stream(frag('执法经费', 120, 180), frag('421,858.00', 300, 180)),
    ];
    const edges = [5, 115, 290, 360];
    const rows = bodyRows(lines, edges, 1, S.stream.wrapJoinEm, S.stream.mergedCentreTol);
    expect(rows.map((r) => r.cells.map((c) => c.text))).toEqual([
      ['示例区市场监督局（本级）', '抽检经费', '270,000.00'],
      ['计量经费', '408,380.06'],
      ['标准化经费', '562,710.27'],
      ['产品质量经费', '641,900.30'],
      ['信用经费', '321,090.33'],
      ['执法经费', '421,858.00'],
    ]);
    expect(rows[0].cells[0].rowSpan).toBe(6);
  });
});

describe('a header repeated at the top of the next page', () => {
  const strips = [{ x0: 40, x1: 110 }, { x0: 120, x1: 290 }, { x0: 300, x1: 360 }, { x0: 380, x1: 440 }];
  const numeric = [false, false, true, true];
  it('heads the amount columns: 合计 | 一般公共预算 over two of them, no amount', () => {
    expect(headsAmountColumns([{ text: '合计', x0: 320, x1: 340 }, { text: '一般公共预算', x0: 380, x1: 440 }], strips, numeric, 2)).toBe(true);
  });
  it('a row without amounts, or one value alone over one amount column, does not', () => {
    expect(headsAmountColumns([{ text: '其他巩固脱贫攻坚', x0: 120, x1: 200 }], strips, numeric, 2)).toBe(false);
    expect(headsAmountColumns([{ text: '有效提升', x0: 320, x1: 360 }], strips, numeric, 2)).toBe(false);
    expect(headsAmountColumns([{ text: '合计', x0: 320, x1: 340 }, { text: '12.00', x0: 400, x1: 440 }], strips, numeric, 2)).toBe(false);
  });
  it('starts under the running header LibreOffice prints above it: one run of text across columns', () => {
    // 示例区市场监督管理局2024年部门预算 (its year an atom of its own) over 单位名称 | 项目名称 … 合计 | 一般公共预算
    const pieces = [[{ x0: 130, x1: 305 }], [{ x0: 50, x1: 90 }, { x0: 150, x1: 190 }], [{ x0: 320, x1: 340 }, { x0: 380, x1: 440 }]];
    expect(repeatedHeaderTop(0, 3, (k) => pieces[k], strips, 2)).toBe(1);
    expect(repeatedHeaderTop(1, 3, (k) => pieces[k], strips, 2)).toBe(1);
  });
});

describe('a label column wider than its labels', () => {
  // 科目编码 | 科目名称 (labels 111–194, header centred at 220–260) | 合计 | 人员经费
  const strips = [{ x0: 60, x1: 100 }, { x0: 111, x1: 194 }, { x0: 330, x1: 360 }, { x0: 420, x1: 450 }];
  const numeric = [false, false, true, true];
  it('its header, over no column just right of it, heads it', () => {
    const leaves = [{ x0: 60, x1: 100 }, { x0: 220, x1: 260 }, { x0: 330, x1: 350 }, { x0: 410, x1: 450 }];
    expect(headerOverLabels(strips, numeric, leaves)[1]).toEqual({ x0: 111, x1: 260 });
  });
  it('a label column with a header of its own keeps its width (the other header names a column printed empty)', () => {
    const leaves = [{ x0: 60, x1: 100 }, { x0: 120, x1: 160 }, { x0: 220, x1: 260 }, { x0: 330, x1: 350 }, { x0: 410, x1: 450 }];
    expect(headerOverLabels(strips, numeric, leaves)).toEqual(strips);
  });
});

describe('labels wrapped around their centred amounts', () => {
  it('the lower line of one row and the upper line of the next are two rows, not one wrapped cell', () => {
    const lines = [
      stream(frag('食品安全抽检经', 120, 100)),
      stream(frag('656,430.00', 300, 106)),
      stream(frag('费', 120, 112)),
      stream(frag('投诉举报处置经', 120, 124)),
      stream(frag('312,990.63', 300, 130)),
      stream(frag('费', 120, 136)),
    ];
    expect(wrappedBetweenRows(lines, 2, 0.6)).toBe(true);
    // the lines of one wrapped cell over an amount line are not split
    expect(wrappedBetweenRows(lines, 0, 0.6)).toBe(false);
    expect(bodyRows(lines, [100, 290, 360], 1, S.stream.wrapJoinEm, S.stream.mergedCentreTol).map((r) => r.cells.map((c) => c.text))).toEqual([
      ['食品安全抽检经费', '656,430.00'],
      ['投诉举报处置经费', '312,990.63'],
    ]);
  });
});
