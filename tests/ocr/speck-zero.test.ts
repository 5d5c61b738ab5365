/**
 * A zero read as a speck (below NOISE, a box of one character) in a blank cell of a column of
 * amounts is that cell's unsure reading (extractors/ocr/speck-zero.ts); anywhere else it stays a
 * speck. The fixture is the 绩效目标表 of the scanned sample, p. 30: 年度 中央 and 省级 printed 0,
 * read at 0.485 and 0.461.
 */
import { describe, expect, it } from 'vitest';
import type { GridRow } from '../../schemas/intermediate.js';
import type { OcrText } from '../../extractors/ocr/ocr-page.js';
import { speckZeros } from '../../extractors/ocr/speck-zero.js';

const cell = (text: string, x0: number, x1: number, y0: number) => ({ text, colSpan: 1, rowSpan: 1, bbox: { x0, y0, x1, y1: y0 + 35 } });
const row = (y: number, label: string, amount: string) => ({ cells: [cell(label, 293, 355, y), cell(amount, 355, 548, y)] });
const speck = (text: string, x0: number, y0: number, p: number): OcrText => ({ text, x0, y0, x1: x0 + 7, y1: y0 + 11, probs: [p], noise: true });
const inside = (t: OcrText, b: { x0: number; y0: number; x1: number; y1: number }) => t.x0 >= b.x0 && t.x1 <= b.x1 && t.y0 >= b.y0 && t.y1 <= b.y1;

const rows = (): GridRow[] => [
  row(165, '年度资金总额：', '100,000'),
  row(200, '其中：中央财政资金', ''),
  row(235, '省级财政资金', ''),
  row(270, '市县（区）财政资金', '100,000'),
  row(305, '单位自筹', '0'),
  // a paragraph across both columns: not a cell of the amount column
  { cells: [cell('成立领导小组，加强组织领导，制定实施方案', 293, 548, 340)] },
];

describe('a zero read as a speck', () => {
  it('in a blank cell of a column of amounts is the cell, read unsure', () => {
    const g = rows();
    const found = speckZeros(g, [speck('0', 358, 211, 0.485), speck('0', 358, 246, 0.461)], inside);
    expect(found.map((f) => f.cell)).toEqual([g[1].cells[1], g[2].cells[1]]);
  });

  it('outside an amount cell, or another mark, stays a speck', () => {
    const g = rows();
    g[2].cells[0].text = '';
    // in the label column (its cells are names), a 1, and a 0 beside other ink in the cell
    const texts = [speck('0', 300, 246, 0.3), speck('1', 358, 211, 0.04), speck('0', 358, 250, 0.4), { ...speck('0', 400, 245, 0.9), noise: undefined }];
    expect(speckZeros(g, texts, inside)).toEqual([]);
  });

  it('in a column with too few amounts to say, stays a speck', () => {
    const g = rows().slice(0, 3);
    expect(speckZeros(g, [speck('0', 358, 211, 0.485)], inside)).toEqual([]);
  });
});
