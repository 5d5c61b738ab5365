/**
 * A character the recogniser dropped inside a label (extractors/ocr/dropped-char.ts). Regression:
 * the scanned 江苏省高级人民法院 2019 budget, p.9 (政府采购支出预算表): 修缮工程 read 修工程, each
 * character at 0.99, so the fact 修缮工程 / 部门集中采购 = 530.00 had a key no text layer gives.
 */
import { describe, expect, it } from 'vitest';
import type { Block, Diagnostic } from '../../schemas/intermediate.js';
import { applyOcr } from '../../extractors/ocr/apply-ocr.js';
import { wordWithDroppedChar } from '../../extractors/ocr/dropped-char.js';
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
