/**
 * An unsure OCR reading confirmed across tables (src/identities/cross-totals.ts, the validator's
 * cross.totals): a 收入总表's total is what the 收支总表 prints as 收入总计, in 元 whatever unit each
 * table prints. The withheld cell is put in by hand where the OCR extractor would leave it.
 */
import { describe, expect, it } from 'vitest';
import type { Document } from '../../schemas/document.js';
import { confirmReadings } from '../../src/confirm/confirm-readings.js';
import { doc, type TableSpec } from '../validate/builder.js';

const summary = (income: string, unit: '元' | '万元' = '万元'): TableSpec => ({
  id: 1,
  title: '收支总表',
  kind: 'budget_summary',
  unit,
  sideBySide: true,
  columns: ['收入:预算数', '支出:合计'],
  rows: [
    { block: '收入', item: '一、一般公共预算', ordinal: '一、', values: { '收入:预算数': income } },
    { block: '收入', item: '收入总计', values: { '收入:预算数': income } },
    { block: '支出', item: '一、一般公共服务支出', ordinal: '一、', values: { '支出:合计': income } },
    { block: '支出', item: '支出总计', values: { '支出:合计': income } },
  ],
});
const incomeTable: TableSpec = { id: 2, title: '收入总表', kind: 'income_summary', unit: '元', columns: ['合计'], rows: [{ item: '合计', values: { 合计: '1' } }] };

/** The 收入总表's 合计 read unsure as `reading`: withheld, reported at its box. */
function withIncomeUnsure(d: Document, reading: string): Document {
  const bbox = { x0: 300, y0: 100, x1: 400, y1: 120 };
  const row = d.tables[1].rows[0];
  const [a] = row.amounts;
  row.amounts = [];
  row.withheld = [{ column: a.column, path: a.path, reading, raw: reading, ocr: 0.62, page: 1, bbox }];
  d.diagnostics.push({ severity: 'warning', code: 'ocr.uncertain', message: `page 1: "${reading}" … the cell is not read`, page: 1, bbox });
  return d;
}

describe('a reading confirmed by the figure another table prints for it', () => {
  it('a 收入总表 total read unsure is read when the 收支总表 prints the same in 元', () => {
    const out = confirmReadings(withIncomeUnsure(doc({ tables: [summary('164.21'), incomeTable] }), '1642100'));
    const total = out.tables[1].rows[0];
    expect(total.withheld).toBeUndefined();
    expect(total.amounts).toMatchObject([{ value: '1642100', yuan: '1642100', ocr: 0.62, confirmedBy: 'cross.totals: 「收入总表」合计（元） 1642100 = 「收支总表」收入总计（万元） 164.21' }]);
    expect(out.diagnostics.filter((x) => x.code.startsWith('ocr.')).map((x) => `${x.severity} ${x.code}`)).toEqual(['info ocr.confirmed']);
  });

  it('a reading the other table contradicts stays withheld and reported', () => {
    const out = confirmReadings(withIncomeUnsure(doc({ tables: [summary('164.21'), incomeTable] }), '1642000'));
    expect(out.tables[1].rows[0].amounts).toEqual([]);
    expect(out.tables[1].rows[0].withheld).toMatchObject([{ reading: '1642000' }]);
    expect(out.diagnostics.filter((x) => x.code.startsWith('ocr.')).map((x) => `${x.severity} ${x.code}`)).toEqual(['warning ocr.uncertain']);
  });

  it('within rounding is not exact: a 万元 figure does not confirm 元 it only rounds to', () => {
    const out = confirmReadings(withIncomeUnsure(doc({ tables: [summary('164.21'), incomeTable] }), '1642104'));
    expect(out.tables[1].rows[0].withheld).toMatchObject([{ reading: '1642104' }]);
  });

  it('a total that may equal one of several summary figures is read only where they all agree', () => {
    const two = summary('164.21');
    // 本年收入合计 164.21 and, after 上年结转 10.00, 收入总计 174.21: the 收入总表 may print either
    two.rows.splice(1, 1, { block: '收入', item: '本年收入合计', values: { '收入:预算数': '164.21' } }, { block: '收入', item: '上年结转', values: { '收入:预算数': '10.00' } }, { block: '收入', item: '收入总计', values: { '收入:预算数': '174.21' } });
    const out = confirmReadings(withIncomeUnsure(doc({ tables: [two, incomeTable] }), '1642100'));
    expect(out.tables[1].rows[0].withheld).toMatchObject([{ reading: '1642100' }]);
  });
});

describe('a side-by-side summary: 收入总计 = 支出总计 (src/identities/balance.ts)', () => {
  const onlyTotals = (expenditure: string) => {
    const d = doc({
      tables: [
        {
          title: '收支总表',
          kind: 'budget_summary',
          unit: '万元',
          sideBySide: true,
          columns: ['收入:预算数', '支出:合计'],
          rows: [
            { block: '收入', item: '一、一般公共预算', ordinal: '一、', values: { '收入:预算数': '164.21' } },
            { block: '收入', item: '收入总计', values: { '收入:预算数': '164.21' } },
            { block: '支出', item: '支出总计', values: { '支出:合计': expenditure } },
          ],
        },
      ],
    });
    const row = d.tables[0].rows[2];
    const [a] = row.amounts;
    row.amounts = [];
    row.withheld = [{ column: a.column, path: a.path, reading: expenditure, raw: expenditure, ocr: 0.7 }];
    return confirmReadings(d).tables[0].rows[2];
  };

  it('a 支出总计 read unsure is read when it equals 收入总计', () => {
    expect(onlyTotals('164.21').amounts).toMatchObject([{ value: '164.21', confirmedBy: 'totals.balance: 收入总计 164.21 = 支出总计 164.21' }]);
  });

  it('a reading 收入总计 contradicts stays withheld', () => {
    expect(onlyTotals('164.12').withheld).toMatchObject([{ reading: '164.12' }]);
  });
});
