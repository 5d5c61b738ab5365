/**
 * Regression (mixed.pdf, a scanned page of the Chromium render): the last row of a table, printed
 * as a strip of its own, fell outside the table read from the image, and its amount 23.99 was
 * joined to the next title as a wrapped title's first line.
 */
import { describe, expect, it } from 'vitest';
import { joinWrappedTitles } from '../../src/segment/segment.js';

describe('joinWrappedTitles', () => {
  it('joins no amount to a title', () => {
    const out = joinWrappedTitles([
      { type: 'text', text: '23.99', page: 6 },
      { type: 'text', text: '2024年预算支出总表', page: 6 },
    ]);
    expect(out.map((b) => (b.type === 'text' ? b.text : ''))).toEqual(['23.99', '2024年预算支出总表']);
  });

  it('still joins a title wrapped onto a second line', () => {
    const out = joinWrappedTitles([
      { type: 'text', text: '2024年部门一般公共预算基本支出', page: 3 },
      { type: 'text', text: '预算表', page: 3 },
    ]);
    expect(out.map((b) => (b.type === 'text' ? b.text : ''))).toEqual(['2024年部门一般公共预算基本支出预算表']);
  });
});
