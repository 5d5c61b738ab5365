/**
 * A character's upright that runs from one rule to the next is no cell wall when its other strokes
 * meet it (extractors/ocr/wall-strokes.ts). Regression: the scanned 江苏省政协办公厅 2017 budget, pp. 6
 * and 11, print 合计 over the rule below its row; the upright of 计 (十) reached from rule to rule,
 * was painted out as a wall, and cut the box of 合计 in two: the row's item read 合.
 */
import { describe, expect, it } from 'vitest';
import { cellWalls } from '../../extractors/ocr/cell-walls.js';
import { crossedByStroke } from '../../extractors/ocr/wall-strokes.js';
import { binarize, findRulesAndShortVerticals, type Gray } from '../../extractors/ocr/raster.js';

function page(): Gray {
  const W = 500;
  const g: Gray = { width: W, height: 200, data: new Uint8Array(W * 200).fill(255) };
  const h = (y: number, x0 = 20, x1 = 481) => g.data.fill(0, y * W + x0, y * W + x1) && g.data.fill(0, (y + 1) * W + x0, (y + 1) * W + x1);
  const v = (x: number, y0: number, y1: number) => {
    for (let y = y0; y < y1; y++) g.data[y * W + x] = g.data[y * W + x + 1] = 0;
  };
  for (const y of [20, 76, 132]) h(y);
  v(20, 20, 134);
  v(480, 20, 134);
  // a header cell's wall, 56 px high, that a rule joins halfway down from the left
  v(170, 20, 78);
  h(48, 20, 170);
  // 十 of 计, its upright from the rule at 76 to the rule at 132, its bar across it
  v(300, 78, 132);
  h(100, 285, 316);
  return g;
}

describe('crossedByStroke', () => {
  it('drops an upright its bar crosses, and keeps a wall a rule joins', () => {
    const g = page();
    const ink = binarize(g);
    const { rules, shortVerticals } = findRulesAndShortVerticals(ink, g.width, g.height, 80, 20, 6);
    const walls = cellWalls(shortVerticals, rules, 6);
    // both pass for walls: each reaches from a rule to a rule
    expect(walls.map((w) => Math.round(w.x0)).sort()).toEqual([171, 301]);
    const kept = walls.filter((w) => !crossedByStroke(w, ink, g.width, 8, rules));
    expect(kept.map((w) => Math.round(w.x0))).toEqual([171]);
  });
});
