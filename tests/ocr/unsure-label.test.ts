/**
 * Labels read with a Chinese character the recogniser was unsure of, that no vocabulary word
 * confirms, are reported at their place (extractors/ocr/unsure-label.ts). Regression: the scanned
 * 江苏省政协办公厅 2019 budget, p.12 (政府采购预算表): 便携式计算机（20万以下） read 便携式计算机（20方以 | 下）
 * with 方 at 0.45 (万 its runner-up at 0.38), and 车辆及其他运输机械租赁服务 read 车辆及具他运输机械租赁 | 服冬
 * (具 0.58, 冬 0.66): right amounts under misread items, and nothing said so.
 */
import { describe, expect, it } from 'vitest';
import type { Block, Diagnostic } from '../../schemas/intermediate.js';
import { applyOcr } from '../../extractors/ocr/apply-ocr.js';
import type { OcrPage, OcrText } from '../../extractors/ocr/ocr-page.js';
import { unsureLabelChars } from '../../extractors/ocr/unsure-label.js';

const sure = (t: string) => Array.from(t).map(() => 1);

describe('unsureLabelChars', () => {
  it('finds the unsure characters no vocabulary word covers', () => {
    const chars = Array.from('便携式计算机（20方以');
    const probs = sure('便携式计算机（20方以');
    probs[0] = 0.9;
    probs[9] = 0.45;
    expect(unsureLabelChars(chars, probs, 0.8)).toEqual([9]);
  });

  it('takes a character inside a vocabulary word as confirmed, and leaves digits alone', () => {
    const probs = sure('科学技术支出');
    probs[4] = 0.6;
    expect(unsureLabelChars(Array.from('科学技术支出'), probs, 0.8)).toEqual([]);
    expect(unsureLabelChars(Array.from('20方'), [0.5, 1, 1], 0.8)).toEqual([]);
  });
});

describe('applyOcr on labels read unsure', () => {
  const text = (t: string, x0: number, y0: number, probs = sure(t)): OcrText => ({ text: t, x0, x1: x0 + 10 * Array.from(t).length, y0, y1: y0 + 12, probs });
  const page = (texts: OcrText[]): OcrPage => ({ frags: [], rules: [], texts, skew: 0, unskew: (x, y) => [x, y] });

  it('reports an item cell read in two lines with an unsure character, where it lies (政协 2019 p.12)', () => {
    const first = sure('便携式计算机（20方以');
    first[9] = 0.45;
    const ocr = page([text('便携式计算机（20方以', 412, 232, first), text('下）', 412, 246), text('12.00', 760, 238)]);
    const blocks: Block[] = [
      {
        type: 'grid',
        method: 'ruled',
        confidence: 1,
        rows: [{ cells: [{ text: '便携式计算机（20方以下）', bbox: { x0: 410, y0: 229, x1: 540, y1: 260 } }, { text: '12.00', bbox: { x0: 700, y0: 229, x1: 800, y1: 260 } }] }],
      },
    ];
    const diagnostics: Diagnostic[] = [];
    applyOcr(blocks, diagnostics, ocr, 12, 0.8);
    expect(diagnostics).toMatchObject([{ severity: 'warning', code: 'ocr.uncertain', page: 12, bbox: { x0: 410, y0: 229, x1: 540, y1: 260 } }]);
    expect(diagnostics[0].message).toContain('方 0.45');
    // nothing is changed
    expect(blocks[0].type === 'grid' && blocks[0].rows[0].cells[0].text).toBe('便携式计算机（20方以下）');
  });

  it('reports a title line outside the tables, and not a sure one', () => {
    const probs = sure('政府采购预算表');
    probs[1] = 0.62;
    const diagnostics: Diagnostic[] = [];
    applyOcr([], diagnostics, page([text('政付采购预算表', 300, 40, probs), text('部门：江苏省政协办公厅', 40, 70)]), 12, 0.8);
    expect(diagnostics.map((d) => [d.code, d.severity, d.bbox?.y0])).toEqual([['ocr.uncertain', 'warning', 40]]);
  });

  it('does not report a character of a title the vocabulary chose (普陀区司法局 2026 p.4: 收人 read as 收入, 入 at 0.68)', () => {
    const probs = sure('2026年部门收入预算总表');
    probs[8] = 0.68;
    const diagnostics: Diagnostic[] = [];
    applyOcr([], diagnostics, page([{ ...text('2026年部门收入预算总表', 300, 40, probs), read: '2026年部门收人预算总表' }]), 4, 0.8);
    expect(diagnostics.map((d) => [d.code, d.severity])).toEqual([['ocr.corrected', 'info']]);
  });
});
