/**
 * A split character read as the runner-up that makes its phrase one the page prints elsewhere, read
 * sure (extractors/ocr/page-echo.ts). Regression: the scanned 江苏省政协办公厅 2019 budget, p.12 (政府采购
 * 预算表): 便携式计算机（20万以下） read 便携式计算机（20方以 | 下） (方 0.45, 万 0.38) between 台式计算机（20万以下）
 * and 打印设备（20万以下）, read sure.
 */
import { describe, expect, it } from 'vitest';
import type { Block, Diagnostic } from '../../schemas/intermediate.js';
import { applyOcr } from '../../extractors/ocr/apply-ocr.js';
import type { OcrPage, OcrText } from '../../extractors/ocr/ocr-page.js';
import { readAsPageEchoes, sureLines } from '../../extractors/ocr/page-echo.js';
import type { Reading } from '../../extractors/ocr/ocr-correct.js';
import { reading } from './readings.js';

const split = reading('便携式计算机（20方以下）', [[9, 0.45, [{ ch: '万', p: 0.38 }, { ch: '力', p: 0.14 }]]]);
const sure = sureLines([reading('台式计算机（20万以下）'), reading('打印设备（20万以下）'), reading('单位：万元')]);

describe('readAsPageEchoes', () => {
  it('reads the split character as the runner-up the page echoes', () => {
    expect(readAsPageEchoes(split, sure, 0.8)).toMatchObject({ reading: { text: '便携式计算机（20万以下）' }, changed: [9] });
  });

  it('changes nothing the page does not echo, a character read at minCharProb or above, or a reading the page already prints', () => {
    expect(readAsPageEchoes(split, sureLines([reading('单位：万元')]), 0.8)).toBeUndefined();
    expect(readAsPageEchoes(reading('便携式计算机（20方以下）', [[9, 0.85, [{ ch: '万', p: 0.14 }]]]), sure, 0.8)).toBeUndefined();
    expect(readAsPageEchoes(split, [...sure, '台式计算机（20方以下）'], 0.8)).toBeUndefined();
    // a line with an unsure character is no echo
    expect(sureLines([split])).toEqual([]);
  });
});

describe('applyOcr on a split character the page echoes', () => {
  it('reads the cell as the page prints the phrase, and records it', () => {
    const text = (r: Reading, x0: number, y0: number): OcrText => ({ text: r.text, x0, x1: x0 + 10 * Array.from(r.text).length, y0, y1: y0 + 12, probs: r.probs, alts: r.alts });
    const first = reading('便携式计算机（20方以', [[9, 0.45, [{ ch: '万', p: 0.38 }]]]);
    const ocr: OcrPage = { frags: [], rules: [], texts: [text(reading('台式计算机（20万以下）'), 412, 200), text(first, 412, 232), text(reading('下）'), 412, 246)], skew: 0, unskew: (x, y) => [x, y] };
    const blocks: Block[] = [
      {
        type: 'grid',
        method: 'ruled',
        confidence: 1,
        rows: [{ cells: [{ text: '台式计算机（20万以下）', bbox: { x0: 410, y0: 197, x1: 540, y1: 228 } }] }, { cells: [{ text: '便携式计算机（20方以下）', bbox: { x0: 410, y0: 229, x1: 540, y1: 260 } }] }],
      },
    ];
    const diagnostics: Diagnostic[] = [];
    applyOcr(blocks, diagnostics, ocr, 12, 0.8);
    expect(blocks[0].type === 'grid' && blocks[0].rows[1].cells[0].text).toBe('便携式计算机（20万以下）');
    expect(diagnostics.map((d) => [d.code, d.severity])).toEqual([['ocr.corrected', 'info']]);
  });
});
