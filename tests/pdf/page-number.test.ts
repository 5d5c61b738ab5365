/**
 * A printed page number, defined once (src/core/page-number.ts) and read two ways: a whole line
 * (segmentation) and text in the page's margin band (the PDF layout stage).
 */
import { describe, expect, it } from 'vitest';
import { isPageNumberAtEdge, isPageNumberLine } from '../../src/core/page-number.js';
import { classifyLine } from '../../src/segment/line-kinds.js';

describe('page numbers', () => {
  it('a line that is only a page number; a year alone is not one', () => {
    for (const t of ['5', '- 5 -', '— 12 —', '第 5 页', '第5页，共34页', '5/34', '5 / 34']) expect([t, isPageNumberLine(t)]).toEqual([t, true]);
    for (const t of ['2024', '第 5 页 附件', '5、', '-5', '12.5']) expect([t, isPageNumberLine(t)]).toEqual([t, false]);
    expect(classifyLine('第 3 页 共 20 页').kind).toBe('pagenumber');
    expect(classifyLine('2024').kind).not.toBe('pagenumber');
  });

  it('in the margin band any number with dashes or spaces around it, or 第 N 页 and what follows', () => {
    for (const t of ['2024', '- 5 -', '–5–', '第 5 页', '第5页/共34页', '第 5 页 共 34 页']) expect([t, isPageNumberAtEdge(t)]).toEqual([t, true]);
    for (const t of ['二十五、其他支出', '5/34', '12.5', '共34页']) expect([t, isPageNumberAtEdge(t)]).toEqual([t, false]);
  });
});
