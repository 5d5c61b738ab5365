import { describe, expect, it } from 'vitest';
import type { Fact } from '../../schemas/document.js';
import { classifyMisses, missClasses } from '../../scripts/ocr-misses.js';

const base: Fact = {
  document: 'd', department: '', year: '2024', table_no: '1', table_kind: 'k', table_title: '收支预算总表', page: '3', block: '',
  row: '2', code: '', item: '一、基本支出', column: '合计', value: '12.50', unit: '万元', doc_kind: '', org: '', value_yuan: '', period: '', measure: '', sha256: '',
};
const f = (over: Partial<Fact>): Fact => ({ ...base, ...over });

describe('classifyMisses', () => {
  it('names the one key field read otherwise, with both readings', () => {
    const missing = f({});
    const wrong = f({ item: '、基本支出' });
    const [m, w] = classifyMisses({ missing: [missing], wrong: [wrong] });
    expect(m).toMatchObject({ side: 'missing', class: 'key:item', diff: ['item: "一、基本支出" → "、基本支出"'] });
    expect(w).toMatchObject({ side: 'wrong', class: 'key:item', diff: ['item: "一、基本支出" → "、基本支出"'] });
  });

  it('tells a wrong number from a cell not read and a fact the text layer lacks', () => {
    const truth = [f({}), f({ column: '基本支出', value: '3.00' })];
    const ocr = [f({ value: '12.80' }), f({ page: '4', value: '9.99' })];
    const misses = classifyMisses({ missing: truth, wrong: ocr });
    expect(misses.map((m) => `${m.side} ${m.class}`)).toEqual(['missing value', 'missing not read', 'wrong value', 'wrong extra']);
    expect(missClasses(misses)[0]).toMatchObject({ count: 1 });
  });

  it('pairs only on the same page, and counts several differing fields as one class', () => {
    const truth = f({});
    const ocr = f({ table_title: '支预算总表', column: '小计' });
    expect(classifyMisses({ missing: [truth], wrong: [ocr] })[0].class).toBe('key:several');
    expect(classifyMisses({ missing: [truth], wrong: [f({ page: '5' })] })[0].class).toBe('not read');
  });
});
