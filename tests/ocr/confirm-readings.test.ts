/**
 * Unsure OCR readings confirmed by the document's identities (src/confirm/confirm-readings.ts).
 * The fixtures are text renderings whose cells written `?0@0.57` stand for what the OCR extractor
 * gives a cell it was unsure of: no text, the reading kept beside it (GridCell.unsure) and an
 * `ocr.uncertain` warning at its box.
 */
import { describe, expect, it } from 'vitest';
import type { Document } from '../../schemas/document.js';
import { Document as DocumentSchema } from '../../schemas/document.js';
import { confirmReadings } from '../../src/confirm/confirm-readings.js';
import { documentFacts } from '../../src/export/facts.js';
import { validateDocument } from '../../src/validate/index.js';
import { docFromText, tsv } from '../helpers.js';
import { codes, fundsForm, read, table, unconfirmed } from './unsure-fixture.js';

const form = (impl: [string, string, string], annual: [string, string, string]) => fundsForm(['中央财政资金', '市县（区）财政资金'], impl, annual);
const fund = (doc: Document, period: string, key: string) => doc.projects[0].fundCells.find((c) => c.period === period && c.key === key);

describe('an unsure OCR reading is read only when an identity of the document confirms it', () => {
  it('a zero the recogniser was unsure of, confirmed by 资金总额 = Σ sources, says so', () => {
    const before = unconfirmed(form(['400,000', '?0@0.57', '400,000'], ['400,000', '0', '400,000']));
    // kept beside the cell, not as a value: no fund cell, no fact
    expect(fund(before, '实施期', 'central')).toBeUndefined();
    expect(before.projects[0].withheldFunds).toMatchObject([{ period: '实施期', key: 'central', reading: '0', ocr: 0.57, page: 1 }]);
    expect(before.status).toBe('partial');

    const doc = confirmReadings(before);
    expect(fund(doc, '实施期', 'central')).toMatchObject({ value: '0', ocr: 0.57, page: 1, confirmedBy: 'performance.funds: 实施期资金总额 400000 = 中央财政资金 0 + 市县（区）财政资金 400000' });
    expect(doc.projects[0].implementationFunds).toMatchObject({ total: '400000', central: '0', local: '400000' });
    expect(doc.projects[0].withheldFunds).toBeUndefined();
    expect(codes(doc)).toEqual(['info ocr.confirmed']);
    expect(doc.diagnostics[0].message).toMatch(/"0" was recognised with a character probability of 0\.57; it is read because .*performance\.funds/);
    expect(doc.status).toBe('success');
    expect(documentFacts(doc).filter((f) => f.item.endsWith('中央财政资金')).map((f) => `${f.column} ${f.value}`)).toEqual(['年度资金 0', '实施期资金 0']);
    expect(DocumentSchema.safeParse(JSON.parse(JSON.stringify(doc))).success).toBe(true);
  });

  it('a reading that does not satisfy the identity stays withheld and reported', () => {
    const doc = read(form(['400,000', '?8@0.61', '400,000'], ['400,000', '0', '400,000']));
    expect(fund(doc, '实施期', 'central')).toBeUndefined();
    expect(doc.projects[0].withheldFunds).toMatchObject([{ key: 'central', reading: '8' }]);
    expect(codes(doc)).toEqual(['warning ocr.uncertain']);
    expect(doc.status).toBe('partial');
  });

  it('two unsure readings in one identity both stay withheld, even when together they would hold', () => {
    const doc = read(form(['400,000', '?0@0.57', '?400,000@0.7'], ['400,000', '0', '400,000']));
    expect(doc.projects[0].withheldFunds?.map((w) => w.key)).toEqual(['central', 'local']);
    expect(fund(doc, '实施期', 'local')).toBeUndefined();
    expect(codes(doc)).toEqual(['warning ocr.uncertain', 'warning ocr.uncertain']);
  });

  it('a non-zero reading is confirmed when it equals what the identity implies', () => {
    const doc = read(form(['400,000', '0', '400,000'], ['?400,000@0.66', '0', '400,000']));
    expect(fund(doc, '年度', 'total')).toMatchObject({ value: '400000', ocr: 0.66, confirmedBy: 'performance.funds: 年度资金总额 400000 = 中央财政资金 0 + 市县（区）财政资金 400000' });
    expect(doc.tables[0].empty).toBe(false);
  });

  it('a row total confirmed by 合计 = 基本支出 + 项目支出; a part that misreads stays withheld', () => {
    const doc = read(
      table(
        ['201', '一般公共服务支出', '?10.00@0.72', '6.00', '4.00'],
        ['205', '教育支出', '3.00', '?2.00@0.55', '2.00'],
        ['合计', '', '13.00', '8.00', '6.00'],
      ),
    );
    const [a, b] = doc.tables[0].rows;
    expect(a.amounts.map((x) => x.value)).toEqual(['10.00', '6.00', '4.00']);
    expect(a.amounts[0]).toMatchObject({ path: '2024年预算数 / 合计', yuan: '100000', ocr: 0.72, confirmedBy: 'row.basic-project: 2024年预算数 / 合计 10.00 = 2024年预算数 / 基本支出 6.00 + 2024年预算数 / 项目支出 4.00' });
    expect(a.withheld).toBeUndefined();
    // 3.00 ≠ 2.00 + 2.00: what the identity implies (1.00) is not what was read, and is not put in
    expect(b.amounts.map((x) => x.value)).toEqual(['3.00', '2.00']);
    expect(b.withheld).toMatchObject([{ column: 3, reading: '2.00' }]);
    expect(codes(doc)).toEqual(['info ocr.confirmed', 'warning ocr.uncertain']);
    expect(doc.tables[0].quality.amountCells).toBe(8);
  });

  it('a reading in two identities is read only when both hold with it', () => {
    const doc = read(
      `## 2024年预算支出总表\n\n部门名称：测试局\n\n单位：万元\n\n${tsv(
        ['科目编码', '科目名称', '合计', '基本支出', '', '', '项目支出'],
        ['', '', '', '小计', '人员经费', '公用经费', ''],
        ['201', '一般公共服务支出', '10.00', '?6.00@0.7', '5.00', '0.50', '4.00'],
        ['205', '教育支出', '10.00', '?6.00@0.7', '5.50', '0.50', '4.00'],
      )}\n`,
    );
    const [a, b] = doc.tables[0].rows;
    // 10.00 = 6.00 + 4.00 holds, 6.00 = 5.00 + 0.50 does not: the document contradicts the reading
    expect(a.withheld).toMatchObject([{ path: '基本支出 / 小计', reading: '6.00' }]);
    expect(b.amounts.find((x) => x.path === '基本支出 / 小计')).toMatchObject({ value: '6.00', confirmedBy: expect.stringMatching(/^row\./) });
  });

  it('a total row confirmed by the sum of the rows above it, per column', () => {
    const doc = read(
      table(
        ['201', '一般公共服务支出', '', '6.00', '4.00'],
        ['205', '教育支出', '', '2.00', '2.00'],
        ['合计', '', '', '8.00', '?6.00@0.6'],
      ),
    );
    const total = doc.tables[0].rows[2];
    expect(total.amounts.map((a) => a.value)).toEqual(['8.00', '6.00']);
    expect(total.amounts[1].confirmedBy).toBe('totals.rows (2024年预算数 / 项目支出): 合计 6.00 = 201 4.00 + 205 2.00');
  });

  it('a 类 confirmed by the sum of its 款, per column; a 款 that misreads against its 类 stays withheld', () => {
    const doc = read(
      table(
        ['201', '一般公共服务支出', '', '?6.00@0.6', '3.00'],
        ['20101', '人大事务', '', '5.00', '1.00'],
        ['20102', '政协事务', '', '1.00', '?7.00@0.5'],
      ),
    );
    const [cls, , item] = doc.tables[0].rows;
    expect(cls.amounts.map((a) => a.value)).toEqual(['6.00', '3.00']);
    expect(cls.amounts[0].confirmedBy).toBe('hierarchy.functional (2024年预算数 / 基本支出): 类 201 6.00 = 20101 5.00 + 20102 1.00');
    // 3.00 = 1.00 + 2.00: the 7.00 read is not what the 类 implies
    expect(item.withheld).toMatchObject([{ path: '2024年预算数 / 项目支出', reading: '7.00' }]);
  });

  it('an exact identity is required: no rounding allowance', () => {
    // 合计 10.01 against 6.00 + 4.00 is within what the validator takes for rounding, not exact
    const doc = read(table(['201', '一般公共服务支出', '?10.01@0.72', '6.00', '4.00'], ['合计', '', '10.00', '6.00', '4.00']));
    expect(doc.tables[0].rows[0].amounts.map((x) => x.value)).toEqual(['6.00', '4.00']);
    expect(doc.tables[0].rows[0].withheld).toMatchObject([{ reading: '10.01' }]);
  });

  it('a document without unsure readings (every text layer) comes back as it was', () => {
    const doc = docFromText(form(['400,000', '0', '400,000'], ['400,000', '0', '400,000']));
    expect(confirmReadings(doc)).toBe(doc);
  });
});

describe('performance.funds: the validator checks the same identity', () => {
  it('a 绩效目标表 whose total is not the sum of its sources is an error at the total', () => {
    const checks = validateDocument(docFromText(form(['400,000', '0', '400,000'], ['400,000', '10,000', '400,000'])));
    const f = checks.findings.filter((x) => x.rule === 'performance.funds');
    expect(f).toMatchObject([{ severity: 'error', expected: '410000', found: '400000', where: { column: '年度资金', item: '安保人员及委托业务经费 / 年度资金总额：' } }]);
  });

  it('a form that adds up has no finding', () => {
    const checks = validateDocument(docFromText(form(['400,000', '0', '400,000'], ['400,000', '0', '400,000'])));
    expect(checks.findings.filter((x) => x.rule === 'performance.funds')).toEqual([]);
  });
});
