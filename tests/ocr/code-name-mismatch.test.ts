/**
 * A subject code its row's name contradicts is reported (extractors/ocr/code-name-mismatch.ts);
 * regressions from the scanned 江苏省人大常委会办公厅 2019 budget, where the recogniser dropped a
 * digit and was sure of the rest: 30309 奖励金 read 309, 30299 其他商品和服务支出 read 3029.
 */
import { describe, expect, it } from 'vitest';
import { codeNameMismatch } from '../../extractors/ocr/code-name-mismatch.js';
import { codesNamed } from '../../extractors/ocr/code-by-name.js';

describe('codeNameMismatch', () => {
  it('reports a code that is none of its name’s codes', () => {
    expect(codesNamed('奖励金')).toContain('30309');
    expect(codeNameMismatch(['309', '奖励金', '0.79'])).toMatchObject({ at: 0, code: '309', name: '奖励金' });
    expect(codeNameMismatch(['3029', '其他商品和服务支出', '22.90'])).toMatchObject({ at: 0, code: '3029' });
  });

  it('leaves a code its name allows, a name it does not know, row numbers and rows without a code', () => {
    expect(codeNameMismatch(['30309', '奖励金', '0.79'])).toBeUndefined();
    expect(codeNameMismatch(['30 309', '奖 励 金', '0.79'])).toBeUndefined();
    expect(codeNameMismatch(['30101', '某项未列名的支出', '1.00'])).toBeUndefined();
    expect(codeNameMismatch(['12', '基本工资', '1,258.23'])).toBeUndefined();
    // 事业运行 is xxxxx50 under every 款: under one the vocabulary has not seen it is no misreading (普陀区规划局 2024, text layer)
    expect(codeNameMismatch(['2200150', '事业运行', '1.00'])).toBeUndefined();
    expect(codeNameMismatch(['2200101', '事业运行', '1.00'])).toMatchObject({ code: '2200101' });
    expect(codeNameMismatch(['合计', '9,312.90'])).toBeUndefined();
    expect(codeNameMismatch(['基本工资', '1,258.23'])).toBeUndefined();
  });
});
