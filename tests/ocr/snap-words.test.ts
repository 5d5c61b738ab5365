/**
 * Header and title words read one character off (extractors/ocr/snap-words.ts), regressions from
 * the scanned 江苏省高级人民法院 2019 budget: the wide-spaced header 金  额 read as three boxes
 * 金 | 客 (0.77) | 额 at slightly different heights, and the title 收入预算总表 read 收人预算总表
 * with 人 at 0.999.
 */
import { describe, expect, it } from 'vitest';
import type { Block, Diagnostic } from '../../schemas/intermediate.js';
import { applyOcr } from '../../extractors/ocr/apply-ocr.js';
import type { OcrPage, OcrText } from '../../extractors/ocr/ocr-page.js';
import { snapHeaderWord, snapToHeaderWord } from '../../extractors/ocr/snap-words.js';

const probs = (text: string, unsure: Record<number, number> = {}) => Array.from(text).map((_, i) => unsure[i] ?? 0.999);

describe('snapHeaderWord', () => {
  it('drops a character read in too much, where the recogniser was unsure of it', () => {
    expect(snapHeaderWord(Array.from('金客额'), probs('金客额', { 1: 0.77 }))).toEqual({ word: '金额', changed: 1 });
    expect(snapHeaderWord(Array.from('金客额'), probs('金客额'))).toBeUndefined();
  });

  it('reads 人 for 入 in a registry title however sure the recogniser was', () => {
    expect(snapHeaderWord(Array.from('收人预算总表'), probs('收人预算总表'))).toEqual({ word: '收入预算总表', changed: 1 });
    const r = snapToHeaderWord({ text: '收人预算总表', probs: probs('收人预算总表'), alts: Array.from('收人预算总表', () => []) });
    expect(r.text).toBe('收入预算总表');
    expect(r.probs).toHaveLength(6);
  });

  it('reads 人 for 入 in a title that names a kind only so, its year as read (regression: 普陀区司法局 2026, 2026年部门收人预算总表)', () => {
    const read = '2026年部门收人预算总表';
    expect(snapHeaderWord(Array.from(read), probs(read))).toEqual({ word: '2026年部门收入预算总表', changed: 8 });
    // a title that already names a kind is left as read; a digit is never an edit
    expect(snapHeaderWord(Array.from('2026年部门收入预算总表'), probs('2026年部门收入预算总表'))).toBeUndefined();
    expect(snapHeaderWord(Array.from('2026年人员经费表'), probs('2026年人员经费表'))).toBeUndefined();
    expect(snapHeaderWord(Array.from('2026金客额'), probs('2026金客额', { 5: 0.5 }))).toBeUndefined();
  });

  // 江苏省人大办公厅 2017 p. 6: 、一般公共预算 (its 一 not read, the 、 at 0.87) was read 一般公共预算 as a header
  // word with a character read in too much, and the lost ordinal was neither put back nor reported
  it('keeps the 、 that opens a numbered item whose ordinal was not read', () => {
    expect(snapHeaderWord(Array.from('、一般公共预算'), probs('、一般公共预算', { 0: 0.872 }))).toBeUndefined();
    expect(snapHeaderWord(Array.from('一般公共预算x'), probs('一般公共预算x', { 6: 0.6 }))).toEqual({ word: '一般公共预算', changed: 6 });
  });

  it('leaves words already known, short words, digits and far readings', () => {
    expect(snapHeaderWord(Array.from('金额'), probs('金额', { 0: 0.5 }))).toBeUndefined();
    // two characters: another two-character word is never made of one
    expect(snapHeaderWord(Array.from('余额'), probs('余额', { 0: 0.5 }))).toBeUndefined();
    expect(snapHeaderWord(Array.from('金2额'), probs('金2额', { 1: 0.5 }))).toBeUndefined();
    expect(snapHeaderWord(Array.from('收支预算总表'), probs('收支预算总表', { 1: 0.5 }))).toBeUndefined();
    expect(snapHeaderWord(Array.from('提租补贴'), probs('提租补贴', { 0: 0.5, 1: 0.5 }))).toBeUndefined();
  });
});

describe('applyOcr on a header cell read as several boxes', () => {
  it('reads 金 | 客 | 额 (the 额 box a little higher) as 金额 and reports it', () => {
    const box = (text: string, x0: number, x1: number, y0: number, y1: number, p: number[]): OcrText => ({ text, x0, x1, y0, y1, probs: p });
    const texts = [box('额', 471.4, 479.6, 149.17, 161.33, [0.99999]), box('金', 447.4, 456.4, 149.74, 162.08, [0.9999]), box('客', 457.1, 470.6, 149.8, 160.7, [0.772])];
    const ocr: OcrPage = { frags: [], rules: [], texts, skew: 0, unskew: (x, y) => [x, y] };
    const blocks: Block[] = [{ type: 'grid', method: 'ruled', confidence: 1, rows: [{ cells: [{ text: '金客额', bbox: { x0: 381.4, y0: 145, x1: 537.9, y1: 166 } }] }] }];
    const diagnostics: Diagnostic[] = [];
    applyOcr(blocks, diagnostics, ocr, 5, 0.8);
    expect(blocks[0].type === 'grid' && blocks[0].rows[0].cells[0].text).toBe('金额');
    expect(diagnostics.map((d) => d.code)).toEqual(['ocr.corrected']);
    expect(diagnostics[0].message).toContain('客 0.77');
  });
});
