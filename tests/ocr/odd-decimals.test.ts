/**
 * An amount read with another number of decimals than its column (extractors/ocr/odd-decimals.ts).
 * The regression is the scanned 江苏省人民检察院 2017 budget: 财政拨款收支预算总表's 支出合计
 * 17,981.68 read 17981.6 with every digit sure, emitted and only pointed at by a finding.
 */
import { describe, expect, it } from 'vitest';
import type { GridRow } from '../../schemas/intermediate.js';
import { oddDecimalCells } from '../../extractors/ocr/odd-decimals.js';

const row = (y: number, label: string, amount: string): GridRow => ({
  cells: [
    { text: label, bbox: { x0: 40, y0: y, x1: 300, y1: y + 20 } },
    { text: amount, bbox: { x0: 300, y0: y, x1: 420, y1: y + 20 } },
  ],
});

describe('odd decimals', () => {
  it('finds the amount with a digit lost after the point (检察院 2017)', () => {
    const rows = [row(100, '一般公共服务支出', '15,210.33'), row(120, '社会保障和就业支出', '1,337.12'), row(140, '住房保障支出', '1,434.23'), row(160, '支出合计', '17981.6')];
    expect(oddDecimalCells(rows).map((c) => c.text)).toEqual(['17981.6']);
  });
  it('leaves a bare 0 or an integer, and a column whose amounts disagree', () => {
    expect(oddDecimalCells([row(100, 'a', '1.25'), row(120, 'b', '2.50'), row(140, 'c', '3.75'), row(160, 'd', '0')])).toEqual([]);
    expect(oddDecimalCells([row(100, 'a', '1.25'), row(120, 'b', '2.5'), row(140, 'c', '3.75'), row(160, 'd', '4.1')])).toEqual([]);
  });
  it('reads the table, not only the column: a continuation page holds two figures of the column (检察院 2017)', () => {
    const rows: GridRow[] = [
      { cells: [{ text: '二、项目支出', bbox: { x0: 300, y0: 100, x1: 420, y1: 120 } }, { text: '5,533.00', bbox: { x0: 420, y0: 100, x1: 520, y1: 120 } }] },
      { cells: [{ text: '三、单位预留机动经费', bbox: { x0: 300, y0: 120, x1: 420, y1: 140 } }, { text: '140.20', bbox: { x0: 420, y0: 120, x1: 520, y1: 140 } }] },
      {
        cells: [
          { text: '收入合计', bbox: { x0: 40, y0: 140, x1: 160, y1: 160 } },
          { text: '17,981.68', bbox: { x0: 160, y0: 140, x1: 300, y1: 160 } },
          { text: '支出合计', bbox: { x0: 300, y0: 140, x1: 420, y1: 160 } },
          { text: '17981.6', bbox: { x0: 420, y0: 140, x1: 520, y1: 160 } },
        ],
      },
    ];
    expect(oddDecimalCells(rows).map((c) => c.text)).toEqual(['17981.6']);
  });
  it('needs three peers', () => {
    expect(oddDecimalCells([row(100, 'a', '1.25'), row(120, 'b', '2.50'), row(140, 'c', '3.7')])).toEqual([]);
  });
});
