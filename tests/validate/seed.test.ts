import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extract } from '../../src/pipeline.js';
import { validateDocument } from '../../src/validate/index.js';

const SEED = '../shared/corpus/text/xinzhou-xinfang-2024-budget.txt';

describe.skipIf(!existsSync('../shared/corpus'))('the seed text', () => {
  it('has its rounding differences as info and no error', async () => {
    const c = validateDocument(await extract(SEED));
    expect(c.findings.filter((f) => f.severity === 'error')).toEqual([]);
    const info = c.findings.filter((f) => f.severity === 'info');
    expect(info.some((f) => f.rule === 'hierarchy.economic' && f.where.item === '商品和服务支出' && f.found === '52.96' && f.expected === '52.95')).toBe(true);
    expect(info.some((f) => f.rule === 'hierarchy.functional' && f.where.code === '20805' && f.found === '35.42' && f.expected === '35.43')).toBe(true);
  });
});

const SHANGHAI = '../shared/corpus/shanghai';
describe.skipIf(!existsSync(SHANGHAI))('the reviewers’ findings', () => {
  it('普陀区司法局_2026_单位预算: 行政运行 row and the 人员/公用 split', async () => {
    const c = validateDocument(await extract(`${SHANGHAI}/普陀区司法局_2026_单位预算.pdf`));
    const e = c.findings.filter((f) => f.severity === 'error');
    expect(e.some((f) => f.rule === 'row.basic-project' && f.where.code === '2040601' && f.found === '14348853.34')).toBe(true);
    expect(e.some((f) => f.rule === 'cross.personnel-public' && f.found === '20374181元' && f.expected === '20272981元')).toBe(true);
    expect(e.some((f) => f.rule === 'narrative.growth' && /1\.10%/.test(f.message.zh))).toBe(true);
  });
  it('普陀区司法局_2026_部门预算: 增加17.62% against 43269.3 → 3845.49', async () => {
    const c = validateDocument(await extract(`${SHANGHAI}/普陀区司法局_2026_部门预算.pdf`));
    expect(c.findings.some((f) => f.severity === 'error' && f.rule === 'narrative.growth' && /43269\.3/.test(f.where.sentence ?? ''))).toBe(true);
  });
});
