/**
 * More unsure OCR readings confirmed (src/confirm/confirm-readings.ts): by the numbered rows'
 * identity (一、 = Σ 1、2、…, src/identities/numbered-rows.ts), by zeros that must be zeros, by a
 * reading confirmed in an earlier round, and past a row whose code OCR reported. Fixtures as in
 * confirm-readings.test.ts: a cell written `?0@0.57` is what the OCR extractor gives a cell it was
 * unsure of.
 */
import { describe, expect, it } from 'vitest';
import type { Document } from '../../schemas/document.js';
import { confirmReadings } from '../../src/confirm/confirm-readings.js';
import { tsv } from '../helpers.js';
import { codes, fundsForm, read, table, unconfirmed } from './unsure-fixture.js';

const income = (...rows: string[][]) => `## 2024年收入预算总表\n\n部门名称：测试局\n\n单位：万元\n\n${tsv(['项目', '预算数'], ...rows)}\n`;

const form = (annual: string[]) => fundsForm(['中央财政资金', '省级财政资金', '市县（区）财政资金'], ['400,000', '0', '0', '400,000'], annual);
const annual = (doc: Document, key: string) => doc.projects[0].fundCells.find((c) => c.period === '年度' && c.key === key);

describe('more unsure readings confirmed, none guessed', () => {
  it('a numbered row confirmed by the sum of its numbered items', () => {
    const doc = read(income(['一、财政拨款收入', '?9.00@0.6'], ['1、一般公共预算', '7.00'], ['2、政府性基金预算', '2.00'], ['二、事业收入', '1.00'], ['收入总计', '10.00']));
    const head = doc.tables[0].rows[0];
    expect(head.amounts).toMatchObject([{ value: '9.00', confirmedBy: expect.stringMatching(/^(hierarchy\.ordinal|totals\.rows)/) }]);
    expect(codes(doc)).toEqual(['info ocr.confirmed']);
  });

  it('a numbered row its items contradict stays withheld, even when the total row holds with it', () => {
    // 10.00 = 9.00 + 1.00 holds, 9.00 = 7.00 + 1.00 does not
    const doc = read(income(['一、财政拨款收入', '?9.00@0.6'], ['1、一般公共预算', '7.00'], ['2、政府性基金预算', '1.00'], ['二、事业收入', '1.00'], ['收入总计', '10.00']));
    expect(doc.tables[0].rows[0].amounts).toEqual([]);
    expect(doc.tables[0].rows[0].withheld).toMatchObject([{ reading: '9.00' }]);
    expect(codes(doc)).toEqual(['warning ocr.uncertain']);
  });

  it('two zeros read unsure in one 资金总额 are both confirmed when the sure sources already make it', () => {
    const doc = read(form(['400,000', '?0@0.48', '?0@0.46', '400,000']));
    expect(annual(doc, 'central')).toMatchObject({ value: '0', ocr: 0.48, confirmedBy: expect.stringMatching(/^performance\.funds: 年度资金总额 400000 = /) });
    expect(annual(doc, 'provincial')).toMatchObject({ value: '0', ocr: 0.46 });
    expect(codes(doc)).toEqual(['info ocr.confirmed', 'info ocr.confirmed']);
  });

  it('two unsure readings in one identity, one of them not 0, both stay withheld', () => {
    const doc = read(form(['400,000', '?0@0.48', '?0@0.46', '?400,000@0.7']));
    expect(doc.projects[0].withheldFunds?.filter((w) => w.period === '年度').map((w) => w.key)).toEqual(['central', 'provincial', 'local']);
  });

  it('zeros that would leave the total short are not confirmed', () => {
    const doc = read(form(['400,000', '?0@0.48', '?0@0.46', '300,000']));
    expect(annual(doc, 'central')).toBeUndefined();
    expect(annual(doc, 'provincial')).toBeUndefined();
  });

  it('a reading confirmed by its row counts as known for its 类 in the next round', () => {
    const doc = read(
      table(
        ['201', '一般公共服务支出', '10.00', '6.00', '4.00'],
        ['20101', '人大事务', '?5.00@0.7', '?3.00@0.6', '2.00'],
        ['20102', '政协事务', '5.00', '3.00', '2.00'],
      ),
    );
    const item = doc.tables[0].rows[1];
    // 合计 5.00 has two unsure members in its row: 20101's 合计 is confirmed by 201 = 20101 + 20102 first
    expect(item.amounts.map((a) => `${a.path} ${a.value}`)).toEqual(['2024年预算数 / 合计 5.00', '2024年预算数 / 基本支出 3.00', '2024年预算数 / 项目支出 2.00']);
    expect(item.withheld).toBeUndefined();
    expect(codes(doc)).toEqual(['info ocr.confirmed', 'info ocr.confirmed']);
  });

  it('a row whose code OCR reported neither confirms nor contradicts the identities that place it by its code', () => {
    const before = unconfirmed(
      table(
        ['201', '一般公共服务支出', '', '?6.00@0.6', ''],
        ['20101', '人大事务', '', '5.00', ''],
        ['20102', '政协事务', '', '1.00', ''],
        ['209', '奖励金', '', '0.50', ''],
        ['合计', '', '', '7.00', ''],
      ),
    );
    // 209 stands for 20109 with a digit not read: as a 类, 合计 7.00 ≠ 6.00 + 0.50
    const vetoed = confirmReadings(before);
    expect(vetoed.tables[0].rows[0].withheld).toMatchObject([{ reading: '6.00' }]);
    const row = before.tables[0].rows[3];
    row.page = 1;
    row.bbox = { x0: 0, y0: 80, x1: 50, y1: 95 };
    before.diagnostics.push({ severity: 'warning', code: 'ocr.uncertain', message: 'page 1: the code "209" is not a code of "奖励金"', page: 1, bbox: { ...row.bbox } });
    const doc = confirmReadings(before);
    expect(doc.tables[0].rows[0].amounts).toMatchObject([{ value: '6.00', confirmedBy: 'hierarchy.functional (2024年预算数 / 基本支出): 类 201 6.00 = 20101 5.00 + 20102 1.00' }]);
  });
});
