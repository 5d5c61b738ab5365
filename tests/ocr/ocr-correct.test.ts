/**
 * How OCR reads digits and specks (extractors/ocr/ocr-correct.ts): regressions from the scanned
 * sample, where lone zeros of the 绩效 forms were read 0 at 0.55 with O at 0.35, and traces of
 * rules were read as one-character boxes (1, E, 兰) at probabilities below 0.3.
 */
import { describe, expect, it } from 'vitest';
import { correctReading, isNoise, readDigits, readSeparators } from '../../extractors/ocr/ocr-correct.js';
import { fixOcrPunctuation, sameReading } from '../../extractors/ocr/ocr-text.js';

describe('readDigits', () => {
  it('counts the glyphs a reader takes for one digit as that digit', () => {
    const r = readDigits({ text: '0', probs: [0.55], alts: [[{ ch: 'O', p: 0.35 }, { ch: 'o', p: 0.05 }]] });
    expect(r.text).toBe('0');
    expect(r.probs[0]).toBeCloseTo(0.95);
    // a lone O whose digit reading is likelier is a 0
    expect(readDigits({ text: 'O', probs: [0.6], alts: [[{ ch: '0', p: 0.3 }, { ch: 'o', p: 0.05 }]] }).text).toBe('0');
  });

  it('leaves digits whose runners-up are other digits or nothing, and letters in words', () => {
    const r = readDigits({ text: '0人', probs: [0.45, 0.99], alts: [[{ ch: '', p: 0.39 }, { ch: 'o', p: 0.13 }], []] });
    expect(r.probs[0]).toBeCloseTo(0.58);
    const amount = readDigits({ text: '694.34', probs: [0.99, 0.5, 0.99, 0.99, 0.99, 0.99], alts: [[], [{ ch: '8', p: 0.45 }], [], [], [], []] });
    expect(amount).toEqual({ text: '694.34', probs: [0.99, 0.5, 0.99, 0.99, 0.99, 0.99], alts: amount.alts });
    expect(readDigits({ text: 'OA系统', probs: [0.6, 0.99, 0.99, 0.99], alts: [[{ ch: '0', p: 0.3 }], [], [], []] }).text).toBe('OA系统');
  });
});

describe('readSeparators', () => {
  // 江苏省人大常委会办公厅 2019, p.8: 30102 津贴补贴 3,468.54, its comma at 0.78 with ， at 0.18, withheld
  const alts = (n: number, at: number, alt: { ch: string; p: number }[]) => Array.from({ length: n }, (_, i) => (i === at ? alt : []));
  it('adds the belief in the other separators to a grouping comma', () => {
    const r = readSeparators({ text: '3,468.54', probs: [0.99, 0.78, 1, 0.99, 0.99, 0.98, 0.97, 0.99], alts: alts(8, 1, [{ ch: '，', p: 0.18 }, { ch: '', p: 0.03 }]) });
    expect(r.text).toBe('3,468.54');
    expect(r.probs[1]).toBeCloseTo(0.99);
  });

  it('adds no belief in a digit, and leaves a number with no decimal part', () => {
    expect(readSeparators({ text: '3,468.54', probs: [0.99, 0.6, 1, 1, 1, 1, 1, 1], alts: alts(8, 1, [{ ch: '1', p: 0.3 }, { ch: '', p: 0.05 }]) }).probs[1]).toBeCloseTo(0.65);
    // 3,468 or 3.468: which one was printed changes the number a thousandfold
    expect(readSeparators({ text: '3,468', probs: [1, 0.6, 1, 1, 1], alts: alts(5, 1, [{ ch: '.', p: 0.4 }]) }).probs[1]).toBe(0.6);
    // the decimal point is not a grouping comma
    expect(readSeparators({ text: '3,468.54', probs: [1, 1, 1, 1, 1, 0.6, 1, 1], alts: alts(8, 5, [{ ch: ',', p: 0.4 }]) }).probs[5]).toBe(0.6);
  });

  it('is part of reading digits', () => {
    expect(readDigits({ text: '7,747.46', probs: [1, 0.72, 1, 1, 1, 1, 1, 1], alts: alts(8, 1, [{ ch: '，', p: 0.25 }]) }).probs[1]).toBeCloseTo(0.97);
  });
});

describe('isNoise', () => {
  it('takes a one-character box read below 0.5 for a speck, nothing else', () => {
    expect(isNoise({ text: '1', probs: [0.07], alts: [[]] })).toBe(true);
    expect(isNoise({ text: '1', probs: [0.97], alts: [[]] })).toBe(false);
    expect(isNoise({ text: '1年', probs: [0.2, 0.99], alts: [[], []] })).toBe(false);
  });

  it('takes a lone mark read below 0.8 for a speck: the sliver of 计 in 合计 read · at 0.51 (江苏省高级人民法院 2019, p.9)', () => {
    expect(isNoise({ text: '·', probs: [0.51], alts: [[]] })).toBe(true);
    expect(isNoise({ text: '-', probs: [0.7], alts: [[]] })).toBe(true);
    expect(isNoise({ text: '-', probs: [0.9], alts: [[]] })).toBe(false);
    // a lone character, letter or digit keeps the 0.5 line
    expect(isNoise({ text: '计', probs: [0.6], alts: [[]] })).toBe(false);
    expect(isNoise({ text: 'A', probs: [0.6], alts: [[]] })).toBe(false);
    expect(isNoise({ text: '0', probs: [0.6], alts: [[]] })).toBe(false);
  });
});

describe('reading against the vocabulary', () => {
  it('keeps the characters of a name it does not know', () => {
    const text = '武润焯';
    expect(correctReading({ text, probs: [0.99, 0.99, 0.4], alts: [[], [], [{ ch: '', p: 0.4 }]] }).text).toBe(text);
  });

  it('reads a dash before 般 as 一, and tells a changed reading from a change of width', () => {
    expect(fixOcrPunctuation('-般公共预算')).toBe('一般公共预算');
    expect(sameReading('党委办公厅（室）', '党委办公厅(室)')).toBe(true);
    expect(sameReading('一般公共预算', '-般公共预算')).toBe(false);
  });
});
