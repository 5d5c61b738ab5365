/**
 * A speck where the ） of an open （ belongs (extractors/ocr/ocr-text.ts): regression from the scanned
 * sample, whose 绩效 form prints 项目资金（元） wrapped in a narrow cell; the ） on the second line was
 * read > at 0.23 (with ） among the runners-up) and left out as a speck, so the page's amounts had
 * no unit.
 */
import { describe, expect, it } from 'vitest';
import { closingBracket } from '../../extractors/ocr/ocr-text.js';

const speck = { text: '>', probs: [0.23], alts: [[{ ch: '?', p: 0.11 }, { ch: '）', p: 0.1 }]] };

describe('closingBracket', () => {
  it('reads a speck after an open （ as ） when the recogniser offered ）', () => {
    expect(closingBracket('项目资金（元', speck)).toBeCloseTo(0.1);
    expect(closingBracket('项目资金(元', { text: ')', probs: [0.3], alts: [[{ ch: '）', p: 0.2 }]] })).toBeCloseTo(0.5);
  });

  it('leaves a speck after a closed or no bracket, and one the recogniser never read as ）', () => {
    expect(closingBracket('项目资金（元）', speck)).toBeUndefined();
    expect(closingBracket('项目资金', speck)).toBeUndefined();
    expect(closingBracket('项目资金（元', { text: '1', probs: [0.1], alts: [[{ ch: '', p: 0.5 }, { ch: 'l', p: 0.1 }]] })).toBeUndefined();
  });
});
