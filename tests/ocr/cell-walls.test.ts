/**
 * A vertical rule only as high as one header cell (extractors/ocr/cell-walls.ts), the regression
 * from the scanned 江苏省高级人民法院 2019 budget: 功能科目编码 | 功能科目名称 above a 合计 row
 * that spans both, the wall between them 20 pt high (0.28 in, under the half inch a rule must run).
 */
import { describe, expect, it } from 'vitest';
import { cellWalls } from '../../extractors/ocr/cell-walls.js';
import { binarize, findRules, findRulesAndShortVerticals, type Gray } from '../../extractors/ocr/raster.js';

function page(): Gray {
  const g: Gray = { width: 500, height: 300, data: new Uint8Array(500 * 300).fill(255) };
  const h = (y: number) => g.data.fill(0, y * 500 + 20, y * 500 + 481) && g.data.fill(0, (y + 1) * 500 + 20, (y + 1) * 500 + 481);
  const v = (x: number, y0: number, y1: number) => {
    for (let y = y0; y < y1; y++) g.data[y * 500 + x] = g.data[y * 500 + x + 1] = 0;
  };
  // header 20..76 (56 px at 200 dpi), 合计 76..132 spanning the first two columns, data rows below
  for (const y of [20, 76, 132, 188, 244]) h(y);
  v(20, 20, 246);
  v(480, 20, 246);
  v(330, 20, 246);
  v(170, 20, 78); // the header's wall only
  v(170, 132, 246); // the data rows' wall
  // a character's stroke inside a cell, touching neither rule
  v(60, 90, 120);
  return g;
}

describe('cellWalls', () => {
  it('finds the wall of one header cell, between two horizontal rules, and no character stroke', () => {
    const g = page();
    const ink = binarize(g);
    const long = findRules(ink, g.width, g.height, 80, 6);
    expect(long.filter((r) => r.x0 === r.x1 && Math.round(r.x0) === 171)).toHaveLength(1);
    const { rules, shortVerticals } = findRulesAndShortVerticals(ink, g.width, g.height, 80, 20, 6);
    expect(rules).toEqual(long);
    const walls = cellWalls(shortVerticals, rules, 6);
    expect(walls.map((w) => [Math.round(w.x0), Math.min(w.y0, w.y1) <= 22, Math.max(w.y0, w.y1) >= 76])).toEqual([[171, true, true]]);
  });
});
