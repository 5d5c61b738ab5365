/** A Chinese table note, defined once (src/core/note-line.ts): segmentation files it as a note, the layout ends a table body at it. */
import { describe, expect, it } from 'vitest';
import { isNoteLine } from '../../src/core/note-line.js';
import { classifyLine } from '../../src/segment/line-kinds.js';

describe('note lines', () => {
  it('opens with 注 or 说明 and a colon of either width', () => {
    for (const t of ['注：本表无数据', '注: 单位为万元', '说明：', '注 ：以上数据']) expect([t, isNoteLine(t)]).toEqual([t, true]);
    for (const t of ['注册费', '说明书印刷', '附注：', 'NOTE: figures']) expect([t, isNoteLine(t)]).toEqual([t, false]);
    expect(classifyLine('注：本表无数据').kind).toBe('note');
    expect(classifyLine('说明：本单位无政府性基金收支').kind).toBe('note');
  });
});
