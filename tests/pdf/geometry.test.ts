import { describe, expect, it } from 'vitest';
import { columnStrips, groupRows, isAmount, stripBoundaries } from '../../extractors/pdf/aligned-grid.js';
import { collapseSpaces, joinPieces, normalizeText } from '../../extractors/pdf/cjk-normalize.js';
import { gridFromFrame, layoutPage } from '../../extractors/pdf/page-layout.js';
import { buildFrame, findFrames, frameCells, joinEdges, segmentsToEdges, snapEdges } from '../../extractors/pdf/ruled-grid.js';
import { asRect, extractRulings, isWhite, subpaths, type OpCodes, type Segment } from '../../extractors/pdf/rulings.js';
import { cellText, cutFragment, groupLines, linePieces, toFragments, type TextFrag } from '../../extractors/pdf/text-items.js';
import { frag } from './frag.js';

const h = (y: number, x0: number, x1: number): Segment => ({ x0, x1, y0: y, y1: y });
const v = (x: number, y0: number, y1: number): Segment => ({ x0: x, x1: x, y0, y1 });

/** Rules of a full grid: rows at ys, columns at xs. */
function fullGrid(xs: number[], ys: number[]): Segment[] {
  return [...ys.map((y) => h(y, xs[0], xs[xs.length - 1])), ...xs.map((x) => v(x, ys[0], ys[ys.length - 1]))];
}

describe('normalisation', () => {
  it('maps CJK radicals that NFKC leaves, and Kangxi radicals through NFKC', () => {
    expect(normalizeText('部⻔预算')).toBe('部门预算');
    expect(normalizeText('⻓⻚⻅⻋⻛⻜⻝')).toBe('长页见车风飞食');
    expect(normalizeText('⽀出')).toBe('支出'); // U+2F40 KANGXI RADICAL BRANCH
    expect(normalizeText('１２３．４')).toBe('123.4');
    expect(normalizeText('－１，２３４．５０')).toBe('-1,234.50');
    // full-width punctuation stays as printed, like text renderings of the same documents
    expect(normalizeText('单位：万元（含）')).toBe('单位：万元（含）');
  });
  it('removes spaces between Han characters but keeps them between Latin/digit words', () => {
    expect(collapseSpaces('收 支 预 算 总 表')).toBe('收支预算总表');
    expect(collapseSpaces('Word  2007 文档')).toBe('Word 2007文档');
    expect(joinPieces('行政', '运行')).toBe('行政运行');
    expect(joinPieces('1,633.00', '2.00')).toBe('1,633.00 2.00');
  });
  it('joins wrapped lines of a cell without a space between Han', () => {
    expect(cellText([frag('机关事业单位基本养老保险', 100, 110), frag('缴费支出', 100, 122)])).toBe('机关事业单位基本养老保险缴费支出');
  });
  it('joins runs that touch (an item split by a font change) without a space', () => {
    const a = frag('201', 100, 110);
    const b = frag('7年度', a.x1, 110);
    expect(linePieces(groupLines([a, b])[0])[0].text).toBe('2017年度');
  });
});

describe('text items', () => {
  it('flips pdf.js coordinates to top-left and splits items at spaces', () => {
    // viewport of an 842pt-high page: [1,0,0,-1,0,842]
    const fr = toFragments([{ str: '合计  1,234.00', transform: [10, 0, 0, 10, 100, 742], width: 95, height: 10 }], [1, 0, 0, -1, 0, 842]);
    expect(fr.map((f) => f.text)).toEqual(['合计', '1,234.00']);
    expect(fr[0].base).toBeCloseTo(100);
    expect(fr[0].y0).toBeLessThan(fr[0].y1);
    expect(fr[1].x1).toBeCloseTo(195);
  });
  it('cuts a run at a rule but never inside a number', () => {
    const f = frag('合计金额', 100, 50);
    expect(cutFragment(f, 120).map((p) => p.text)).toEqual(['合计', '金额']);
    const n = frag('1,633,000.00', 100, 50);
    expect(cutFragment(n, 120)).toHaveLength(1);
  });
  it('groups fragments into lines by position, whatever their order', () => {
    const lines = groupLines([frag('b2', 200, 122), frag('a1', 100, 110), frag('b1', 100, 122), frag('a2', 200, 110.5)]);
    expect(lines.map((l) => l.frags.map((f) => f.text).join(' '))).toEqual(['a1 a2', 'b1 b2']);
  });
});

describe('rulings', () => {
  const OPS: OpCodes = {
    save: 10, restore: 11, transform: 12, constructPath: 91, paintFormXObjectBegin: 74, paintFormXObjectEnd: 75,
    stroke: 20, closeStroke: 21, fill: 22, eoFill: 23, fillStroke: 24, eoFillStroke: 25, closeFillStroke: 26,
    closeEOFillStroke: 27, setLineWidth: 2, setStrokeRGBColor: 58, setFillRGBColor: 59,
  };
  const rect = (x: number, y: number, w: number, hh: number) => new Float32Array([0, x, y, 1, x + w, y, 1, x + w, y + hh, 1, x, y + hh, 4]);
  it('reads stroked lines and thin filled rectangles, through transforms and save/restore', () => {
    const ops = {
      fnArray: [10, 12, 91, 11, 91, 59, 91],
      argsArray: [
        null,
        [1, 0, 0, 1, 10, 0],
        [20, [new Float32Array([0, 0, 100, 1, 50, 100])], null], // stroked horizontal, shifted by 10
        null,
        [22, [rect(0, 200, 80, 0.5)], null], // thin filled → horizontal rule
        ['#ffffff'],
        [22, [rect(0, 300, 80, 0.5)], null], // white: invisible
      ],
    };
    const { rules } = extractRulings(ops, OPS, [1, 0, 0, -1, 0, 842], 595, 842);
    expect(rules).toHaveLength(2);
    expect(rules[0]).toMatchObject({ x0: 10, x1: 60, y0: 742, y1: 742 });
    expect(rules[1].y0).toBeCloseTo(842 - 200.25);
  });
  it('decodes paths and recognises rectangles', () => {
    const sp = subpaths(rect(0, 0, 10, 5), [1, 0, 0, 1, 0, 0]);
    expect(asRect(sp[0].pts)).toEqual({ x0: 0, y0: 0, x1: 10, y1: 5 });
    expect(isWhite('#fefefe')).toBe(true);
    expect(isWhite('#000000')).toBe(false);
  });
});

describe('ruled grid', () => {
  it('snaps and joins broken, slightly offset rules', () => {
    const e = joinEdges(snapEdges(segmentsToEdges([h(100, 0, 50), h(100.6, 51, 100), v(0, 100, 150)])));
    const hs = e.filter((x) => x.orient === 'h');
    expect(hs).toHaveLength(1);
    expect(hs[0]).toMatchObject({ a: 0, b: 100 });
  });
  it('turns a full grid into rows × columns of cells', () => {
    const frames = findFrames(fullGrid([0, 100, 200, 300], [0, 20, 40]));
    expect(frames).toHaveLength(1);
    const cells = frameCells(frames[0]);
    expect(cells).toHaveLength(6);
    expect(cells.every((c) => c.rowSpan === 1 && c.colSpan === 1)).toBe(true);
  });
  it('makes a merged cell where a rule is missing', () => {
    // header row 0: one cell over columns 1–2 (no vertical at x=200 in row 0); column 0 spans rows 0–1
    const segs = [
      h(0, 0, 300), h(20, 100, 300), h(40, 0, 300), h(60, 0, 300),
      v(0, 0, 60), v(100, 0, 60), v(200, 20, 60), v(300, 0, 60),
    ];
    const [f] = findFrames(segs);
    const cells = frameCells(f);
    const first = cells.find((c) => c.r === 0 && c.c === 0)!;
    expect(first).toMatchObject({ rowSpan: 2, colSpan: 1 });
    expect(cells.find((c) => c.r === 0 && c.c === 1)).toMatchObject({ rowSpan: 1, colSpan: 2 });
    expect(cells).toHaveLength(2 + 2 + 3);
  });
  it('puts text into cells by position, not by order', () => {
    const [f] = findFrames(fullGrid([0, 100, 200], [0, 20, 40]));
    const text = [frag('40.00', 150, 35), frag('合计', 10, 35), frag('金额', 110, 15), frag('项目', 10, 15)];
    const res = gridFromFrame(f, text, 1)!;
    expect(res.grid.rows.map((r) => r.cells.map((c) => c.text))).toEqual([
      ['项目', '金额'],
      ['合计', '40.00'],
    ]);
  });
  it('finds columns and rows of a table ruled only horizontally around its header', () => {
    // rules: top, under the header, bottom; no verticals; body rows unruled
    const segs = [h(0, 0, 300), h(20, 0, 300), h(80, 0, 300)];
    const [f] = findFrames(segs);
    expect(buildFrame(f.edges).xs).toEqual([0, 300]);
    const text = [
      frag('项目', 10, 15), frag('2024年', 150, 15), frag('2025年', 240, 15),
      frag('工资福利支出', 10, 35), frag('1,234.00', 150, 35), frag('12.50', 250, 35),
      frag('商品和服务支出', 10, 55), frag('98.10', 160, 55), frag('7.00', 255, 55),
      frag('合计', 10, 75), frag('1,332.10', 150, 75), frag('19.50', 250, 75),
    ];
    const g = gridFromFrame(f, text, 1)!.grid;
    expect(g.rows.map((r) => r.cells.map((c) => c.text))).toEqual([
      ['项目', '2024年', '2025年'],
      ['工资福利支出', '1,234.00', '12.50'],
      ['商品和服务支出', '98.10', '7.00'],
      ['合计', '1,332.10', '19.50'],
    ]);
    expect(g.confidence).toBeLessThan(0.95);
  });
});

describe('aligned grid', () => {
  it('recognises amounts as printed', () => {
    expect(['1,633,000.00', '-12.50', '0', '307.82'].every(isAmount)).toBe(true);
    expect(['15621.11万元', '12.5%', '(1)', '1,23'].some(isAmount)).toBe(false);
  });
  it('finds column strips from right-aligned numbers and left-aligned labels', () => {
    const strips = columnStrips([
      { x0: 10, x1: 70 }, { x0: 10, x1: 50 }, // labels
      { x0: 150, x1: 200 }, { x0: 170, x1: 200 }, // right-aligned amounts
    ]);
    expect(strips).toEqual([{ x0: 10, x1: 70 }, { x0: 150, x1: 200 }]);
    expect(stripBoundaries(strips)).toEqual([110]);
  });
  it('attaches a wrapped label line to its row', () => {
    const ls = groupLines([frag('机关事业单位基本养老', 10, 20), frag('1.00', 150, 26), frag('保险缴费支出', 10, 32), frag('其他', 10, 50), frag('2.00', 150, 50)]);
    const lines = ls.map((line) => ({ line, pieces: linePieces(line) }));
    const rows = groupRows(lines, [110]);
    expect(rows.map((r) => r.length)).toEqual([3, 1]);
  });
  it('builds an aligned grid for an unruled table on a page', () => {
    const frags = [
      frag('单位:万元', 200, 40),
      frag('项目', 10, 60), frag('金额', 160, 60),
      frag('工资福利支出', 10, 80), frag('1,234.00', 150, 80),
      frag('商品和服务支出', 10, 100), frag('98.10', 165, 100),
      frag('合计', 10, 120), frag('1,332.10', 150, 120),
      frag('3', 290, 830),
    ];
    const out = layoutPage({ page: 1, width: 595, height: 842, frags, rules: [] });
    const grids = out.blocks.filter((b) => b.type === 'grid');
    expect(grids).toHaveLength(1);
    const g = grids[0];
    if (g.type !== 'grid') throw new Error();
    expect(g.method).toBe('aligned');
    expect(g.rows.map((r) => r.cells.map((c) => c.text))).toEqual([
      ['项目', '金额'],
      ['工资福利支出', '1,234.00'],
      ['商品和服务支出', '98.10'],
      ['合计', '1,332.10'],
    ]);
    expect(out.blocks.filter((b) => b.type === 'text').map((b) => (b.type === 'text' ? b.text : ''))).toEqual(['单位:万元', '3']);
  });
});
