/**
 * A title read without its first characters is reported, not taken for a title
 * (extractors/ocr/vocabulary.ts, apply-ocr.ts): regression from the 江苏省政协 2018 预算 scan, whose
 * 收支预算总表 was read 支预算总表 (the detector left 收 out of the box) and gave 15 facts a wrong key.
 */
import { describe, expect, it } from 'vitest';
import { applyOcr } from '../../extractors/ocr/apply-ocr.js';
import type { OcrPage } from '../../extractors/ocr/ocr-page.js';
import { lostOrdinal } from '../../extractors/ocr/ocr-text.js';
import { truncatedTitle } from '../../extractors/ocr/vocabulary.js';
import type { Diagnostic } from '../../schemas/intermediate.js';

describe('truncatedTitle', () => {
  it('finds the registry title a line is only the end of', () => {
    expect(truncatedTitle('支预算总表')).toBe('财务收支预算总表');
    // names a kind only in part (收支总表): the start of 财政拨款收支总表 was lost
    expect(truncatedTitle('政拨款收支总表')).toBe('财政拨款收支总表');
    expect(truncatedTitle('出决算表')).toBe('支出决算表');
  });

  it('leaves titles as printed, and words too short to tell', () => {
    for (const t of ['收支预算总表', '财务收支预算总表', '收入支出决算总表', '财政拨款收支总表', '支出决算表', '2018年部门收支预算总表', '总表', '项目支出绩效目标表']) {
      expect(truncatedTitle(t), t).toBeUndefined();
    }
  });

  it('is reported as an uncertain reading on its page', () => {
    const page: OcrPage = {
      frags: [],
      rules: [],
      texts: [{ text: '支预算总表', x0: 268, y0: 238, x1: 349, y1: 255, probs: [1, 1, 1, 1, 1] }],
      skew: 0,
      unskew: (x, y) => [x, y],
    };
    const diagnostics: Diagnostic[] = [];
    applyOcr([], diagnostics, page, 1, 0.8);
    expect(diagnostics).toMatchObject([{ severity: 'warning', code: 'ocr.uncertain', page: 1 }]);
    expect(diagnostics[0].message).toContain('财务收支预算总表');
  });
});

// regression from the 财政拨款收支预算总表 of the same scan: 二、项目支出 read 、项目支出 (the 二 too light to be seen)
describe('lostOrdinal', () => {
  it('reports a line that starts with an ordinal 、 and no ordinal', () => {
    expect(lostOrdinal('、项目支出')).toBe(true);
    expect(lostOrdinal('二、项目支出')).toBe(false);
    expect(lostOrdinal('项目、支出')).toBe(false);
  });

  it('is an uncertain reading on its page', () => {
    const page: OcrPage = { frags: [], rules: [], texts: [{ text: '、项目支出', x0: 310, y0: 407, x1: 340, y1: 418, probs: [1, 1, 1, 1, 1] }], skew: 0, unskew: (x, y) => [x, y] };
    const diagnostics: Diagnostic[] = [];
    applyOcr([], diagnostics, page, 4, 0.8);
    expect(diagnostics).toMatchObject([{ severity: 'warning', code: 'ocr.uncertain', page: 4 }]);
  });
});
