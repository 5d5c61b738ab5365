/**
 * Ordinals too faint to be read, put back from their place in the column's numbered list
 * (extractors/ocr/restore-ordinal.ts). Regressions: the scanned 江苏省人大常委会办公厅 2019 budget,
 * p.1 (、财政拨款 above 二、财政专户管理资金) and p.4 (一般公共预算, its 一、 not read at all, two
 * characters right of 二、政府性基金预算 below it); 江苏省政协办公厅 2018, p.4 (、一般公共预算).
 */
import { describe, expect, it } from 'vitest';
import type { Block, Diagnostic } from '../../schemas/intermediate.js';
import { applyOcr } from '../../extractors/ocr/apply-ocr.js';
import type { OcrPage, OcrText } from '../../extractors/ocr/ocr-page.js';
import { hanNumber, hanNumeral, restoreOrdinals, type ColumnCell } from '../../extractors/ocr/restore-ordinal.js';

/** a cell whose text starts at x0, 11.1 pt a character (人大 p.4) */
const at = (text: string, x0 = 50): ColumnCell => ({ text, x0, charWidth: 11.1 });

describe('Chinese numerals', () => {
  it('reads and writes 一 … 九十九', () => {
    expect(['一', '九', '十', '十一', '二十', '二十一', '九十九'].map(hanNumber)).toEqual([1, 9, 10, 11, 20, 21, 99]);
    expect([1, 9, 10, 11, 20, 21, 99].map(hanNumeral)).toEqual(['一', '九', '十', '十一', '二十', '二十一', '九十九']);
    expect(['', '一一', '十十', '百'].map(hanNumber)).toEqual([undefined, undefined, undefined, undefined]);
  });
});

describe('restoreOrdinals', () => {
  it('puts back the ordinal of a read 、 from the numbers around it', () => {
    // 人大 p.1: sub-items 1. 2. between do not count
    const p1 = [at('、财政拨款', 54), at('1.一般公共预算', 61), at('2.政府性基金预算', 61), at('二、财政专户管理资金', 47), at('三、其他资金', 47)];
    expect([...restoreOrdinals(p1)]).toEqual([[0, '一、财政拨款']]);
    expect([...restoreOrdinals([at('一、基本支出'), at('、项目支出'), at('三、单位预留机动经费')])]).toEqual([[1, '二、项目支出']]);
    // after the last number, a read 、 is the next one
    expect([...restoreOrdinals([at('一、基本支出'), at('、项目支出')])]).toEqual([[1, '二、项目支出']]);
  });

  it('puts back an ordinal not read at all where the text starts two characters in', () => {
    // 人大 p.4: 一般公共预算 starts at 70, 二、政府性基金预算 at 50 (1.8 characters)
    expect([...restoreOrdinals([at('项目名称', 110), at('一般公共预算', 70), at('二、政府性基金预算', 50), at('收入合计', 95)])]).toEqual([[1, '一、一般公共预算']]);
  });

  it('puts back an ordinal not read at all where the text starts where the numbered items’ text starts after their 、', () => {
    // 江苏省委办公厅 2017 p.4 (财政拨款收支预算总表): the font prints 一、 narrow, 1.3 characters of 二、政府性基金预算
    // (x0 250.6, 7.77 pt a character); 一般公共预算 (8.52 pt a character) starts at 260.9, where 政 does
    const cells: ColumnCell[] = [
      { text: '一般公共预算', x0: 260.9, charWidth: 8.52, chars: 6 },
      { text: '二、政府性基金预算', x0: 250.6, charWidth: 7.77, chars: 9 },
    ];
    expect([...restoreOrdinals(cells)]).toEqual([[0, '一、一般公共预算']]);
    // at the numbers' start it is no lost ordinal
    expect(restoreOrdinals([{ ...cells[0], x0: 250.6 }, cells[1]]).size).toBe(0);
  });

  // 江苏省人大办公厅 2017 p. 1 (收支预算总表): the header 功能科目名称, centred 2.4 characters right of the
  // numbered items, is a candidate too, and the list's 一、 had two candidates for one number; the items
  // before the first number are the cells right above it
  it('puts back the first ordinal of a list under a header that starts two characters in', () => {
    const cells: ColumnCell[] = [
      { text: '功能科目名称', x0: 230.1, charWidth: 8.31, chars: 5 },
      { text: '、一般公共服务支出', x0: 216.1, charWidth: 8.13, chars: 7 },
      { text: '二、外交支出', x0: 210.2, charWidth: 8.35, chars: 6 },
      { text: '三、国防支出', x0: 210.2, charWidth: 8.35, chars: 6 },
      { text: '四、公共安全支出', x0: 210.1, charWidth: 7.75, chars: 8 },
    ];
    expect([...restoreOrdinals(cells)]).toEqual([[1, '一、一般公共服务支出']]);
    // more candidates than numbers missing, and the cell right above the first number no candidate: nothing
    expect(restoreOrdinals([...cells.slice(0, 2), { text: '合计', x0: 210.2, charWidth: 8.35, chars: 2 }, ...cells.slice(2)]).size).toBe(0);
  });

  it('leaves a text at the numbers’ start, or with no number after it', () => {
    expect(restoreOrdinals([at('一般公共预算', 50), at('二、政府性基金预算', 50)]).size).toBe(0);
    expect(restoreOrdinals([at('一、基本支出', 50), at('项目支出', 70)]).size).toBe(0);
  });

  it('chooses nothing when the candidates do not fill the missing numbers exactly', () => {
    // two candidates for the one number between 一 and 三
    expect(restoreOrdinals([at('一、基本支出'), at('、项目支出'), at('、其他支出'), at('三、单位预留机动经费')]).size).toBe(0);
    // a candidate where no number is missing (an unnumbered line between 一 and 二)
    expect(restoreOrdinals([at('一、基本支出'), at('人员经费', 72), at('二、项目支出')]).size).toBe(0);
    // nothing numbered in the column at all
    expect(restoreOrdinals([at('、基本支出')]).size).toBe(0);
    // two candidates before 三: 一 and 二, in order
    expect([...restoreOrdinals([at('、基本支出'), at('、项目支出'), at('三、其他')])]).toEqual([
      [0, '一、基本支出'],
      [1, '二、项目支出'],
    ]);
  });
});

describe('applyOcr on a list with a lost ordinal', () => {
  it('puts the ordinal back and records it (人大 p.4)', () => {
    const text = (t: string, x0: number, y0: number): OcrText => ({ text: t, x0, x1: x0 + 11.1 * Array.from(t).length, y0, y1: y0 + 17, probs: Array.from(t).map(() => 1) });
    const cell = (t: string, y0: number) => ({ text: t, bbox: { x0: 42, y0: y0 - 3, x1: 248, y1: y0 + 20 } });
    const ocr: OcrPage = { frags: [], rules: [], texts: [text('一般公共预算', 70, 387), text('二、政府性基金预算', 50, 425)], skew: 0, unskew: (x, y) => [x, y] };
    const blocks: Block[] = [{ type: 'grid', method: 'ruled', confidence: 1, rows: [{ cells: [cell('一般公共预算', 387)] }, { cells: [cell('二、政府性基金预算', 425)] }] }];
    const diagnostics: Diagnostic[] = [];
    applyOcr(blocks, diagnostics, ocr, 4, 0.8);
    expect(blocks[0].type === 'grid' && blocks[0].rows.map((r) => r.cells[0].text)).toEqual(['一、一般公共预算', '二、政府性基金预算']);
    expect(diagnostics.map((d) => [d.code, d.severity])).toEqual([['ocr.corrected', 'info']]);
  });
});
