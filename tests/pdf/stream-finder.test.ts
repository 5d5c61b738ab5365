/**
 * The stream table finder (extractors/pdf/stream-finder.ts), one step at a time on hand-made
 * lines, then the whole chain on a page.
 */
import { describe, expect, it } from 'vitest';
import { layoutSettings } from '../../src/core/layout-settings.js';
import { layoutPage } from '../../extractors/pdf/page-layout.js';
import {
  alignedBoundaries,
  atomColumns,
  centredSpan,
  continuedColumns,
  headerCells,
  headerRows,
  isLeaf,
  isTabular,
  lineAtoms,
  mergeOverlapping,
  tableColumns,
  tableRuns,
  widenStrips,
  type StreamLine,
} from '../../extractors/pdf/stream-finder.js';
import { groupLines, linePieces } from '../../extractors/pdf/text-items.js';
import { frag } from './frag.js';

const S = layoutSettings();
const line = (...fs: ReturnType<typeof frag>[]): StreamLine => {
  const [l] = groupLines(fs);
  return { line: l, pieces: linePieces(l, S.text.cellGapEm), atoms: lineAtoms(l, S.stream.wordGapEm) };
};

describe('stream finder steps', () => {
  it('atoms: words join across a space, never onto a number', () => {
    const l = line(frag('Other', 10, 20), frag('services', 41, 20), frag('86.2', 90, 20), frag('一般公共服务支出', 115, 20));
    expect(l.atoms.map((a) => a.text)).toEqual(['Other services', '86.2', '一般公共服务支出']);
  });

  it('tabular lines: cells apart and an amount; prose with a figure is not', () => {
    expect(isTabular(line(frag('行政运行', 10, 20), frag('161.96', 150, 20)).pieces, 2)).toBe(true);
    expect(isTabular(line(frag('比上年增加151.26万元', 10, 20)).pieces, 2)).toBe(false);
  });

  it('runs: rows without amounts between amount rows stay in the table; a stop line ends it', () => {
    const ls = [
      line(frag('一、一般公共服务支出', 10, 20), frag('610.51', 150, 20)),
      line(frag('二、外交支出', 10, 40)),
      line(frag('三、国防支出', 10, 60), frag('1.00', 150, 60)),
      line(frag('注：本表无数据', 10, 80)),
      line(frag('合计', 10, 100), frag('9.00', 150, 100)),
    ];
    const tab = ls.map((l) => isTabular(l.pieces, 2));
    const stop = [false, false, false, true, false];
    expect(tableRuns(ls, tab, stop, S.stream)).toEqual([{ top: 0, bodyTop: 0, bottom: 2 }]);
  });

  it('strips widen by wrapped labels that overlap one strip, never into a neighbour', () => {
    const strips = [{ x0: 10, x1: 60 }, { x0: 100, x1: 130 }];
    expect(widenStrips(strips, [{ x0: 10, x1: 80 }, { x0: 50, x1: 110 }])).toEqual([{ x0: 10, x1: 80 }, { x0: 100, x1: 130 }]);
  });

  it('header cells: a wrapped header is one cell; a cell with cells under it is no leaf', () => {
    const atoms = [
      line(frag('本年收入', 120, 4)).atoms,
      line(frag('一般公共', 100, 24), frag('政府性', 160, 24)).atoms,
      line(frag('预算', 110, 36), frag('基金', 165, 36)).atoms,
    ].flat();
    const cells = headerCells(atoms);
    expect(cells.map((c) => c.atoms.map((a) => a.text).join(''))).toEqual(expect.arrayContaining(['本年收入', '一般公共预算', '政府性基金']));
    const top = cells.find((c) => c.atoms[0].text === '本年收入')!;
    expect(isLeaf(top, cells)).toBe(false);
    expect(cells.filter((c) => isLeaf(c, cells))).toHaveLength(2);
  });

  it('columns: a header over no body strip is a column of its own (printed empty)', () => {
    const cols = tableColumns([{ x0: 10, x1: 60 }, { x0: 100, x1: 130 }], [{ x0: 150, x1: 180, y0: 0, y1: 10, atoms: [] }]);
    expect(cols).toEqual([{ x0: 10, x1: 60 }, { x0: 100, x1: 130 }, { x0: 150, x1: 180 }]);
  });

  it('boundaries: just after right-aligned amounts, just before left-aligned labels', () => {
    const cols = [{ x0: 10, x1: 60 }, { x0: 100, x1: 130 }, { x0: 160, x1: 200 }];
    expect(alignedBoundaries(cols, [false, true, false], 3)).toEqual([80, 133]);
  });

  it('a spanning header spans the columns it is centred over', () => {
    // columns 0–100 | 100–160 | 160–220 | 220–280; 2024年预算数 centred over the last three
    const edges = [0, 100, 160, 220, 280];
    const centres = [50, 130, 190, 250];
    expect(centredSpan({ x0: 160, x1: 220 }, edges, centres, [false, true, true, true])).toEqual([1, 3]);
    // an off-centre text does not take in columns that would move the middle away
    expect(centredSpan({ x0: 105, x1: 150 }, edges, centres, [false, true, false, false])).toEqual([1, 1]);
  });

  it('header rows: levels, spans and leaves reaching up over levels nothing heads', () => {
    const cell = (text: string, x0: number, y: number) => ({ x0, x1: x0 + 10 * text.length, y0: y - 8.6, y1: y + 1.4, atoms: line(frag(text, x0, y)).atoms });
    const cells = [cell('项目', 40, 10), cell('金额', 180, 10), cell('科目', 20, 30), cell('名称', 70, 30), cell('合计', 140, 30), cell('基本', 200, 30), cell('上年', 260, 20)];
    const edges = [0, 50, 120, 170, 230, 300];
    const rows = headerRows(cells, edges.slice(1, -1), edges, 1);
    expect(rows.map((r) => r.cells.map((c) => [c.text, c.colSpan ?? 1, c.rowSpan ?? 1]))).toEqual([
      [['项目', 2, 1], ['金额', 2, 1], ['上年', 1, 2]],
      [['科目', 1, 1], ['名称', 1, 1], ['合计', 1, 1], ['基本', 1, 1]],
    ]);
  });

  it('rows: lines of one printed row (overlapping, or a wrapped cell) merge', () => {
    const ls = [line(frag('三、国有资本经营预', 10, 20)), line(frag('三、国防支出', 150, 26)), line(frag('算', 10, 32)), line(frag('四、公共安全支出', 150, 60))];
    expect(mergeOverlapping(ls).map((l) => l.atoms.map((a) => a.text))).toEqual([['三、国有资本经营预', '算', '三、国防支出'], ['四、公共安全支出']]);
  });

  it('a text belongs to the columns it mostly covers', () => {
    const edges = [0, 100, 200, 300];
    expect(atomColumns({ x0: 95, x1: 160 }, edges)).toEqual([1, 1]);
    expect(atomColumns({ x0: 20, x1: 280 }, edges)).toEqual([0, 2]);
  });

  it('a table going on overleaf keeps the previous columns when each strip fits one', () => {
    const prev = [0, 100, 200, 300];
    expect(continuedColumns([{ x0: 10, x1: 60 }, { x0: 250, x1: 290 }], prev)).toEqual(prev);
    expect(continuedColumns([{ x0: 10, x1: 60 }, { x0: 20, x1: 90 }], prev)).toBeUndefined();
  });
});

describe('stream finder on a page', () => {
  it('reads an unruled table with a spanning header over a column printed empty', () => {
    const frags = [
      frag('单位：万元', 10, 220),
      frag('项目', 30, 240), frag('本年收入', 212, 240),
      frag('合计', 150, 260), frag('一般公共预算', 195, 260), frag('政府性基金', 270, 260),
      frag('行政运行', 10, 280), frag('161.96', 150, 280), frag('161.96', 220, 280),
      frag('事业运行', 10, 300), frag('65.55', 155, 300), frag('65.55', 225, 300),
    ];
    const out = layoutPage({ page: 1, width: 595, height: 842, frags, rules: [] });
    const grids = out.blocks.filter((b) => b.type === 'grid');
    expect(grids).toHaveLength(1);
    const g = grids[0];
    if (g.type !== 'grid') throw new Error();
    expect(g.method).toBe('aligned');
    expect(g.rows.map((r) => r.cells.map((c) => c.text))).toEqual([
      ['项目', '本年收入'],
      ['合计', '一般公共预算', '政府性基金'],
      ['行政运行', '161.96', '161.96', ''],
      ['事业运行', '65.55', '65.55', ''],
    ]);
    expect(g.rows[0].cells.map((c) => c.colSpan)).toEqual([1, 3]);
  });
});
