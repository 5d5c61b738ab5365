/**
 * A subject code read with an unsure digit, confirmed by the name printed beside it
 * (extractors/ocr/code-by-name.ts). The regression is the scanned 江苏省人大常委会办公厅 2019 budget,
 * p.6 (财政拨款基本支出预算表（经济科目）): 30114 医疗费 32.16 with the code's fourth digit read at 0.71,
 * withheld, so the fact lost its code (7 such rows on pp. 6 and 8).
 */
import { describe, expect, it } from 'vitest';
import type { Block, Diagnostic } from '../../schemas/intermediate.js';
import { applyOcr } from '../../extractors/ocr/apply-ocr.js';
import { codeNamedBy } from '../../extractors/ocr/code-by-name.js';
import type { OcrPage, OcrText } from '../../extractors/ocr/ocr-page.js';

const digits = (code: string) => Array.from(code);

describe('codeNamedBy', () => {
  it('confirms a code whose sure digits single out the one code of that name', () => {
    // 医疗费 is 30114 and 30307: the sure 3 0 1 … 4 leave only 30114
    expect(codeNamedBy(digits('30114'), [0.98, 0.97, 0.99, 0.71, 0.97], '医疗费', 0.8)).toBe(true);
    expect(codeNamedBy(digits('30301'), [0.99, 0.62, 0.93, 1, 0.9], '离休费', 0.8)).toBe(true);
  });

  it('changes no digit: a reading the name points away from stays withheld', () => {
    // read 30111 (unsure 1): 医疗费 is not 30111
    expect(codeNamedBy(digits('30111'), [0.98, 0.97, 0.99, 0.99, 0.6], '医疗费', 0.8)).toBe(false);
    // a name the vocabulary does not know confirms nothing
    expect(codeNamedBy(digits('30114'), [0.98, 0.97, 0.99, 0.71, 0.97], '某某费', 0.8)).toBe(false);
  });

  it('does not choose between two codes of one name that the sure digits both allow', () => {
    // 行政运行 is the 项 01 of 20101 and of 20102: the unsure fifth digit cannot be told from the name
    expect(codeNamedBy(digits('2010101'), [1, 1, 1, 1, 0.6, 1, 1], '行政运行', 0.8)).toBe(false);
    expect(codeNamedBy(digits('2040501'), [1, 1, 1, 1, 0.6, 1, 1], '行政运行', 0.8)).toBe(false);
  });

  it('needs most digits sure', () => {
    expect(codeNamedBy(digits('30114'), [0.98, 0.6, 0.6, 0.71, 0.97], '医疗费', 0.8)).toBe(false);
    expect(codeNamedBy(digits('30114'), [0.98, 0.97, 0.99, 0.4, 0.97], '医疗费', 0.8)).toBe(false);
  });
});

describe('applyOcr on a row whose code is unsure', () => {
  const text = (t: string, x0: number, probs: number[]): OcrText => ({ text: t, x0, x1: x0 + 50, y0: 388, y1: 404, probs });
  const cell = (t: string, x0: number) => ({ text: t, bbox: { x0, y0: 385, x1: x0 + 60, y1: 407 } });
  const run = (label: string, labelProbs: number[]) => {
    const ocr: OcrPage = {
      frags: [],
      rules: [],
      texts: [text('30114', 45, [0.98, 0.97, 0.99, 0.71, 0.97]), text(label, 205, labelProbs), text('32.16', 455, [1, 1, 1, 1, 1])],
      skew: 0,
      unskew: (x, y) => [x, y],
    };
    const blocks: Block[] = [{ type: 'grid', method: 'ruled', confidence: 1, rows: [{ cells: [cell('30114', 42), cell(label, 200), cell('32.16', 450)] }] }];
    const diagnostics: Diagnostic[] = [];
    applyOcr(blocks, diagnostics, ocr, 6, 0.8);
    return { cells: blocks[0].type === 'grid' ? blocks[0].rows[0].cells.map((c) => c.text) : [], diagnostics };
  };

  it('reads the code and says why', () => {
    const { cells, diagnostics } = run('医疗费', [1, 1, 1]);
    expect(cells).toEqual(['30114', '医疗费', '32.16']);
    expect(diagnostics.map((d) => [d.code, d.severity])).toEqual([['ocr.code-by-name', 'info']]);
  });

  it('withholds it when the name itself was read unsure', () => {
    const { cells, diagnostics } = run('医疗费', [1, 0.7, 1]);
    expect(cells).toEqual(['', '医疗费', '32.16']);
    expect(diagnostics.map((d) => d.code)).toEqual(['ocr.uncertain']);
  });
});
