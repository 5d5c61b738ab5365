/**
 * A character the recogniser dropped inside a label (extractors/ocr/dropped-char.ts). Regression:
 * the scanned 江苏省高级人民法院 2019 budget, p.9 (政府采购支出预算表): 修缮工程 read 修工程, each
 * character at 0.99, so the fact 修缮工程 / 部门集中采购 = 530.00 had a key no text layer gives; and
 * 普陀区社会福利院 2024, p. 6, where a name printed otherwise than the vocabulary has it (保险费) had a
 * character put in although its box held none.
 */
import { describe, expect, it } from 'vitest';
import type { Block, Diagnostic } from '../../schemas/intermediate.js';
import { applyOcr } from '../../extractors/ocr/apply-ocr.js';
import { charsHeld, withDroppedChar, wordWithDroppedChar, type LineBox } from '../../extractors/ocr/dropped-char.js';
import type { OcrPage, OcrText } from '../../extractors/ocr/ocr-page.js';
import { BUDGET_WORDS } from '../../extractors/ocr/vocabulary.js';

describe('wordWithDroppedChar', () => {
  it('puts back an inner character that makes exactly one word', () => {
    expect(BUDGET_WORDS.has('修缮工程')).toBe(true);
    expect(wordWithDroppedChar('修工程')).toBe('修缮工程');
    expect(wordWithDroppedChar('一般公共算')).toBe('一般公共预算');
  });

  it('leaves words, ends, short texts and texts no word is near', () => {
    // a word as read: 奖金 is not 奖励金 short of its 励
    expect(wordWithDroppedChar('奖金')).toBeUndefined();
    expect(wordWithDroppedChar('修缮工程')).toBeUndefined();
    // a label short of its last character is a label of its own
    expect(wordWithDroppedChar('公务接待')).toBeUndefined();
    expect(wordWithDroppedChar('缮工程')).toBeUndefined();
    expect(wordWithDroppedChar('某某工程')).toBeUndefined();
    // digits or marks: not a label of words
    expect(wordWithDroppedChar('修工程1')).toBeUndefined();
  });
});

/** a line of the page whose box is `ratio` times as wide as high (the ratios measured on the scans) */
const lineOf = (text: string, ratio: number, y0 = 0): LineBox => ({ text, x0: 100, x1: 100 + 14 * ratio, y0, y1: y0 + 14 });

describe('withDroppedChar: only where the box has room for the character', () => {
  // 江苏省高级人民法院 2019 p. 9 (政府采购): 修工程's box is as wide as a line of four characters
  const court = [
    lineOf('会议服务', 2.584), lineOf('运行维护服务', 4.512), lineOf('印刷和出版服务', 5.222), lineOf('保养服务', 2.388),
    lineOf('物业管理服务', 4.038), lineOf('互联网信息服务', 5.173), lineOf('其他计算机设备及', 5.664), lineOf('办公设备购置', 3.996),
    lineOf('会议费', 1.803), lineOf('印刷费', 1.845),
  ];
  // 普陀区社会福利院 2024 p. 6: the document prints 机关事业单位基本养老保险费 (the vocabulary has 保险缴费),
  // every character read at 1.00, in a box of thirteen characters: 缴 had been put in
  const welfare = [
    lineOf('机关事业单位退休人员活动费', 8.125), lineOf('事业单位离退休人员福利费', 7.38), lineOf('职工基本医疗保险缴费', 6.19),
    lineOf('其他社会保障缴费', 4.36), lineOf('办公费', 1.47), lineOf('物业管理费', 2.755), lineOf('离退休人员经费', 4.319), lineOf('工会经费', 2.48),
  ];

  it('puts a character back into a box one character wider than what was read', () => {
    const read = lineOf('修工程', 2.628);
    expect(charsHeld(read, [...court, read])).toBeGreaterThan(3.5);
    expect(withDroppedChar(read, [...court, read])).toBe('修缮工程');
  });

  it('leaves a line whose box holds what was read', () => {
    const read = lineOf('机关事业单位基本养老保险费', 8.06);
    expect(wordWithDroppedChar(read.text)).toBe('机关事业单位基本养老保险缴费');
    expect(Math.abs(charsHeld(read, [...welfare, read])! - 13)).toBeLessThan(0.5);
    expect(withDroppedChar(read, [...welfare, read])).toBeUndefined();
  });

  it('keeps the rule where the page has too few lines to measure by', () => {
    const read = lineOf('修工程', 2.628);
    expect(charsHeld(read, [read, ...court.slice(0, 2)])).toBeUndefined();
    expect(withDroppedChar(read, [read])).toBe('修缮工程');
  });
});

describe('applyOcr on a cell short of a character', () => {
  const text = (t: string, x0: number): OcrText => ({ text: t, x0, x1: x0 + 35, y0: 426, y1: 440, probs: Array.from(t).map(() => 0.99) });
  const cell = (t: string, x0: number) => ({ text: t, bbox: { x0, y0: 423, x1: x0 + 80, y1: 443 } });
  const run = (texts: OcrText[], cells: { text: string; bbox: { x0: number; y0: number; x1: number; y1: number } }[]) => {
    const ocr: OcrPage = { frags: [], rules: [], texts, skew: 0, unskew: (x, y) => [x, y] };
    const blocks: Block[] = [{ type: 'grid', method: 'ruled', confidence: 1, rows: [{ cells }] }];
    const diagnostics: Diagnostic[] = [];
    applyOcr(blocks, diagnostics, ocr, 9, 0.8);
    return { cells: blocks[0].type === 'grid' ? blocks[0].rows[0].cells.map((c) => c.text) : [], diagnostics };
  };

  it('reads the word and records it', () => {
    const { cells, diagnostics } = run([text('修工程', 322)], [cell('修工程', 318)]);
    expect(cells).toEqual(['修缮工程']);
    expect(diagnostics.map((d) => [d.code, d.severity])).toEqual([['ocr.corrected', 'info']]);
  });

  it('leaves a cell read as two boxes: the gap between them may be printed', () => {
    const { cells } = run([text('修', 322), text('工程', 340)], [cell('修工程', 318)]);
    expect(cells).toEqual(['修工程']);
  });
});
