import { describe, expect, it } from 'vitest';
import { DEFAULT_LAYOUT_SETTINGS, layoutSettings } from '../../src/core/layout-settings.js';
import { layoutPage } from '../../extractors/pdf/page-layout.js';
import { findFrames } from '../../extractors/pdf/ruled-grid.js';
import { frag } from './frag.js';

const page = (frags: ReturnType<typeof frag>[]) => ({ page: 1, width: 595, height: 842, frags, rules: [] });

describe('layout settings', () => {
  it('lays overrides over the defaults group by group, leaving the defaults untouched', () => {
    const s = layoutSettings({ text: { cellGapEm: 2 }, rules: { snapTol: 3 } });
    expect(s.text.cellGapEm).toBe(2);
    expect(s.text.blockGapEm).toBe(DEFAULT_LAYOUT_SETTINGS.text.blockGapEm);
    expect(s.rules.snapTol).toBe(3);
    expect(s.rules.minEdge).toBe(DEFAULT_LAYOUT_SETTINGS.rules.minEdge);
    expect(DEFAULT_LAYOUT_SETTINGS.text.cellGapEm).toBe(1.2);
  });

  it('reaches the layout: a cell gap wider than the columns leaves no unruled table', () => {
    const frags = [frag('工资福利支出', 10, 80), frag('1,234.00', 100, 80), frag('商品和服务支出', 10, 100), frag('98.10', 115, 100)];
    const grids = (s = layoutSettings()) => layoutPage(page(frags), s).blocks.filter((b) => b.type === 'grid');
    expect(grids()).toHaveLength(1);
    expect(grids(layoutSettings({ text: { cellGapEm: 5 } }))).toHaveLength(0);
  });

  it('reaches the rules: a larger minimum frame size drops a small ruled box', () => {
    const h = (y: number) => ({ x0: 0, x1: 30, y0: y, y1: y });
    const v = (x: number) => ({ x0: x, x1: x, y0: 0, y1: 20 });
    const segs = [h(0), h(10), h(20), v(0), v(15), v(30)];
    expect(findFrames(segs)).toHaveLength(1);
    expect(findFrames(segs, layoutSettings({ rules: { minFrameWidth: 40 } }).rules)).toHaveLength(0);
  });
});
