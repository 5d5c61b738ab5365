/**
 * Row and column structure found on ICDAR 2013 (issue 15, second pass), each step on hand-made
 * geometry: shaded rows joined to a ruled frame (extractors/pdf/fill-rows.ts).
 */
import { describe, expect, it } from 'vitest';
import { layoutSettings } from '../../src/core/layout-settings.js';
import { extendByFillRows, fillBoxes } from '../../extractors/pdf/fill-rows.js';
import { findFrames, frameCells, type Box } from '../../extractors/pdf/ruled-grid.js';
import type { Segment } from '../../extractors/pdf/rulings.js';

const L = layoutSettings();
const h = (y: number, x0: number, x1: number): Segment => ({ x0, y0: y, x1, y1: y });
const v = (x: number, y0: number, y1: number): Segment => ({ x0: x, y0, x1: x, y1 });
const box = (x0: number, y0: number, x1: number, y1: number): Box => ({ x0, y0, x1, y1 });

describe('shaded rows joined to a ruled frame', () => {
  // body rows ruled 100–180 between x 0 and 300; the header and the total row only shaded
  const body = [100, 120, 140, 160, 180].map((y) => h(y, 0, 300));

  it('reads the boxes back from the box edges rulings gives, four per box', () => {
    const b = box(10, 20, 110, 45);
    const edges = [h(b.y0, b.x0, b.x1), h(b.y1, b.x0, b.x1), v(b.x0, b.y0, b.y1), v(b.x1, b.y0, b.y1)];
    expect(fillBoxes(edges)).toEqual([b]);
  });

  it('adds a band as wide as the frame against its top or bottom, bands one after another', () => {
    const [f] = findFrames(body, L.rules);
    // a header of two shaded rows (each of two boxes side by side) and a total row below
    const fills = [box(0, 48, 200, 72), box(201, 48, 300, 72), box(0, 75, 300, 99), box(0, 181, 300, 200)];
    const g = extendByFillRows(f, fills, L.structure.fillRowGap, L.rules);
    expect(g.box).toMatchObject({ x0: 0, y0: 48, x1: 300, y1: 200 });
    expect(g.ys.map(Math.round)).toEqual([48, 74, 100, 120, 140, 160, 180, 200]);
  });

  it('leaves out boxes narrower than the frame, boxes far from it, and boxes wider than it', () => {
    const [f] = findFrames(body, L.rules);
    for (const fills of [[box(0, 75, 150, 99)], [box(0, 60, 300, 85)], [box(-50, 75, 350, 99)]]) {
      expect(extendByFillRows(f, fills, L.structure.fillRowGap, L.rules)).toBe(f);
    }
  });

  it('carries the frame\'s inner vertical rules through a band whose boxes have a side there', () => {
    const [f] = findFrames([...body, v(0, 100, 180), v(200, 100, 180), v(300, 100, 180)], L.rules);
    const g = extendByFillRows(f, [box(0, 75, 199, 99), box(201, 75, 300, 99)], L.structure.fillRowGap, L.rules);
    expect(frameCells(g).filter((c) => c.r === 0).map((c) => c.colSpan)).toEqual([1, 1]);
  });
});
