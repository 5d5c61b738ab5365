/**
 * Regression tests on real disclosures for the document identity (issue 9): one per document
 * class whose department was blank, cut or spelled two ways. Skipped when ../shared/corpus is absent.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { documentFacts } from '../../src/export/facts.js';
import { extract } from '../../src/pipeline.js';
import { CORPUS } from '../helpers.js';

const load = (rel: string) => extract(join(CORPUS, rel));

describe.skipIf(!existsSync(CORPUS))('document identity on the corpus', () => {
  it('Shanghai 部门决算: tables print no department line; the cover names the organisation', async () => {
    const doc = await load('shanghai/普陀区财政局_2024_部门决算.pdf');
    expect(doc.identity).toMatchObject({ organisation: '上海市普陀区财政局', org: '上海市普陀区财政局', year: 2024, doc_kind: '部门决算', source: 'cover' });
    const facts = documentFacts(doc);
    expect(facts.length).toBeGreaterThan(100);
    expect(facts.filter((f) => f.department !== '上海市普陀区财政局' || !f.value_yuan)).toEqual([]);
    const h = (doc.headlines ?? []).find((x) => x.figure === 'income_total');
    // p.7: 总计 2,995.39 万元 (决算数)
    expect(h).toMatchObject({ value: '2995.39', unit: '万元', value_yuan: '29953900', basis: '决算数', page: 7 });
  });

  it('Jiangsu: a department line wrapped (江苏省高级人民法 / 院) and a unit line wrapped (单位：万 / 元)', async () => {
    const doc = await load('jiangsu/江苏省高级人民法院_江苏省高级人民法院2019年度部门预算公开.pdf');
    expect(new Set(doc.tables.map((t) => t.department).filter(Boolean))).toEqual(new Set(['江苏省高级人民法院']));
    const three = doc.tables.find((t) => t.kind === 'three_public_expenses')!;
    expect(three.unit).toBe('万元');
    // p.13: 合计 2,382.02 with 会议费 271.02 and 培训费 1,597.25; “三公”经费 小计 513.75
    expect((doc.headlines ?? []).find((x) => x.figure === 'three_public_total')).toMatchObject({ value: '513.75', value_yuan: '5137500' });
    expect(documentFacts(doc).filter((f) => !f.value_yuan)).toEqual([]);
  });

  it('Jiangsu: 中国共产党江苏省委员会办公厅 and 中共江苏省委办公厅 are one org', async () => {
    const a = await load('jiangsu/江苏省委办公厅_江苏省委办公厅2017年预算公开表格.pdf');
    const b = await load('jiangsu/江苏省委办公厅_江苏省委办公厅2018年度部门预算公开表.pdf');
    expect(a.identity).toMatchObject({ organisation: '中国共产党江苏省委员会办公厅', org: '中共江苏省委办公厅', year: 2017, doc_kind: '部门预算' });
    expect(b.identity).toMatchObject({ organisation: '中共江苏省委办公厅', org: '中共江苏省委办公厅', year: 2018 });
    // p.2 prints 中国共产党江苏省委员会办 with 公厅 wrapped under the 单位 line
    expect(new Set(a.tables.map((t) => t.department))).toEqual(new Set(['中国共产党江苏省委员会办公厅']));
  });

  it('Jiangsu: the label 部门： printed alone, the name on the next line', async () => {
    const doc = await load('jiangsu/江苏省人大办公厅_江苏省人大常委会办公厅2019年部门预算公开表.pdf');
    expect(doc.tables[0].department).toBe('江苏省人大常委会办公厅');
    expect(doc.identity).toMatchObject({ org: '江苏省人大常委会办公厅', year: 2019, doc_kind: '部门预算', source: 'department-line' });
  });
});
