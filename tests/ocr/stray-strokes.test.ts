/** Short ink runs that meet no rule across them are strokes of large text, not rules (extractors/ocr/stray-strokes.ts). */
import { describe, expect, it } from 'vitest';
import { dropStrayStrokes } from '../../extractors/ocr/stray-strokes.js';
import type { RasterRule } from '../../extractors/ocr/raster.js';

const h = (x0: number, x1: number, y: number, thick = 2): RasterRule => ({ x0, x1, y0: y, y1: y, thick });
const v = (x: number, y0: number, y1: number, thick = 2): RasterRule => ({ x0: x, x1: x, y0, y1, thick });

describe('stray strokes', () => {
  it('drops the strokes of a bold title taken for rules (regression: 江苏省人大办公厅 2018, 一般公共预算基本支出预算表)', () => {
    // the runs found inside the title at 200 dpi (pixels), beside the table's frame below it
    const title = [h(739, 835, 537), h(388, 481, 551), h(689, 774, 564, 1)];
    const frame = [h(200, 1460, 700), h(200, 1460, 760), v(200, 700, 2100), v(900, 700, 2100), v(1460, 700, 2100)];
    expect(dropStrayStrokes([...title, ...frame], 200)).toEqual(frame);
  });

  it('keeps a short rule that closes a cell or ends on a wall, and a long rule alone', () => {
    // a line under a spanning head, from one wall to the next; a wall as high as one header row
    const rules = [v(400, 100, 300), v(560, 100, 300), h(402, 558, 160), h(100, 900, 100), h(100, 900, 180), v(700, 101, 179)];
    expect(dropStrayStrokes(rules, 200)).toEqual(rules);
    // a three-line table: long horizontal rules and nothing across them
    const threeLine = [h(100, 1500, 100), h(100, 1500, 160), h(100, 1500, 900)];
    expect(dropStrayStrokes(threeLine, 200)).toEqual(threeLine);
  });
});
