/**
 * Row and column structure found on ICDAR 2013 (issue 15, second pass), each step on hand-made
 * geometry: shaded rows joined to a ruled frame (extractors/pdf/fill-rows.ts), figures set closer
 * than a cell gap (number-runs.ts), a head over several column heads (spanning-heads.ts), captions
 * and paragraphs running on over a table (caption-lines.ts), section lines (section-lines.ts).
 */
import { describe, expect, it } from 'vitest';
import { layoutSettings } from '../../src/core/layout-settings.js';
import { extendByFillRows, fillBoxes } from '../../extractors/pdf/fill-rows.js';
import { findFrames, frameCells, type Box } from '../../extractors/pdf/ruled-grid.js';
import type { Segment } from '../../extractors/pdf/rulings.js';
import { splitNumberRuns, wordsLength } from '../../extractors/pdf/number-runs.js';
import { spansSeveral } from '../../extractors/pdf/spanning-heads.js';
import { captionContinuations } from '../../extractors/pdf/caption-lines.js';
import { isSectionLine, rowPitch, sectionOverBody } from '../../extractors/pdf/section-lines.js';
import { groupRows } from '../../extractors/pdf/aligned-grid.js';
import { isRunningTitle } from '../../extractors/pdf/running-title.js';
import { dropSliverColumns } from '../../extractors/pdf/sliver-columns.js';
import type { GridBlock, GridCell } from '../../schemas/intermediate.js';
import { groupLines, linePieces, toFragments } from '../../extractors/pdf/text-items.js';
import { frag } from './frag.js';

/** A text item as pdf.js gives it (spaces inside), at x on a line with baseline y, 9 pt, through the identity viewport. */
const fragments = (text: string, x: number, y: number) => toFragments([{ str: text, transform: [9, 0, 0, 9, x, y], width: text.length * 4.5, height: 9 }], [1, 0, 0, 1, 0, 0]);

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

describe('figures set closer than a cell gap', () => {
  // one line as pdf.js gives it: words one space apart, cut into fragments at the spaces
  const line = (text: string, x = 100) => groupLines(fragments(text, x, 200)).map((l) => linePieces(l, 1.2))[0];

  it('splits a piece of figures only into one piece per figure', () => {
    const figureSpace = layoutSettings().text.figureSpaceEm;
    expect(splitNumberRuns(line('2,753,438 2,799,250 (4.7) 12.5%'), figureSpace).map((p) => p.text)).toEqual(['2,753,438', '2,799,250', '(4.7)', '12.5%']);
    expect(splitNumberRuns(line('2003–04 2004–05 2005–06'), figureSpace).map((p) => p.text)).toEqual(['2003–04', '2004–05', '2005–06']);
    expect(splitNumberRuns(line('Total 2,753,438 2,799,250'), figureSpace).map((p) => p.text)).toEqual(['Total 2,753,438 2,799,250']);
    expect(splitNumberRuns(line('1,633,000.00'), figureSpace).map((p) => p.text)).toEqual(['1,633,000.00']);
  });

  it('measures a header of year ranges without its figures, a sentence naming one year with it', () => {
    expect(wordsLength([{ text: 'Region and state' }, { text: '2003–04' }, { text: '2004–05' }])).toBe(16);
    expect(wordsLength([{ text: 'lists the proportions from the' }, { text: '1980' }])).toBe(35);
  });
});

describe('a head over several column heads', () => {
  const at = (x0: number, x1: number, y0: number, text = 'head') => ({ x0, x1, y0, y1: y0 + 9, text });
  const strips = [at(150, 185, 0), at(200, 235, 0), at(250, 285, 0)];
  it('is a cell of its own when the texts under it head different columns, one cell with the words of a wrapped head', () => {
    const head = at(180, 260, 60);
    const years = [at(150, 185, 75), at(200, 235, 75), at(250, 285, 75)];
    expect(spansSeveral(head, years[1], [head, ...years], strips)).toBe(true);
    // `Fraction  of` over `Wealth Lost`: two words over one column
    const fraction = at(250, 275, 60);
    const of = at(290, 298, 60);
    const wealth = at(250, 300, 75);
    expect(spansSeveral(fraction, wealth, [fraction, of, wealth], strips)).toBe(false);
  });
  it('leaves Chinese heads as they were stacked', () => {
    const head = at(180, 260, 60, '2024年财政拨款');
    const under = [at(150, 185, 75, '一般公共预'), at(200, 235, 75, '政府性基金预算'), at(250, 285, 75, '国有资本经营预算')];
    expect(spansSeveral(head, under[1], [head, ...under], strips)).toBe(false);
  });
});

describe('text running on over a table', () => {
  const l = (text: string, x0: number, y0: number, pieces = 1) => ({ text, x0, y0, y1: y0 + 9, size: 9, pieces });
  const S = layoutSettings();
  it('takes an indented line under a caption and a line under a long paragraph line, never a header line', () => {
    const lines = [
      l('Table 14. Actual and projected numbers for public high school graduates, by region', 36, 37),
      l('through 2021–22', 84, 48),
      l('Region and state', 36, 63, 3),
      l('This paragraph explains what the table below holds and how it was gathered from the', 80, 90),
      l('and the average fraction of wealth lost are reported.', 80, 101),
      l('Freq. Percent Mean Loss', 237, 112, 3),
      l('Another paragraph opens here and runs on for longer than a header line ever does', 80, 140),
      l('and ends on a short line.', 80, 151),
      l('Next paragraph', 80, 162),
    ];
    // a paragraph's last line is taken only right over a line of several texts (a table's)
    expect(captionContinuations(lines, S.structure.captionStart, S.stream.maxHeaderChars)).toEqual([false, true, false, false, true, false, false, false, false]);
  });
});

describe('section lines of unruled tables', () => {
  const L2 = layoutSettings().structure;
  const row = (x: number, y: number, ...texts: string[]) => {
    const frags = texts.map((t, k) => frag(t, k === 0 ? x : 140 + 50 * k, y, 8));
    const line = groupLines(frags)[0];
    return { line, pieces: linePieces(line, 1.2) };
  };
  it('keeps `Sex` over its indented rows at the row pitch as a row of its own', () => {
    const lines = [row(36, 136, 'Sex'), row(42, 148, 'Male', '61,206'), row(42, 160, 'Female', '49,486'), row(36, 172, 'Race/Ethnicity'), row(42, 184, 'White', '78,744'), row(42, 196, 'Hispanic', '12,609')];
    const apart = (l: (typeof lines)[number], t: (typeof lines)[number], pitch: number) => isSectionLine(l, t, pitch, L2.sectionIndentEm, L2.sectionPitchShare);
    expect(groupRows(lines, [130], 1.6, apart).map((r) => r.length)).toEqual([1, 1, 1, 1, 1, 1]);
    expect(groupRows(lines, [130], 1.6).map((r) => r.length)).toEqual([2, 2, 1, 1]);
  });
  it('joins a wrapped label set at the closer leading of its cell, and one that is not indented', () => {
    const lines = [row(42, 148, 'Male', '61,206'), row(42, 160, 'American Indian/', '707'), row(44, 169, 'Alaska Native'), row(42, 181, 'White', '78,744')];
    const apart = (l: (typeof lines)[number], t: (typeof lines)[number], pitch: number) => isSectionLine(l, t, pitch, L2.sectionIndentEm, L2.sectionPitchShare);
    expect(groupRows(lines, [130], 1.6, apart).map((r) => r.length)).toEqual([1, 2, 1]);
    expect(rowPitch(lines, [true, true, false, true])).toBe(12);
  });
});

describe('a section line taken into the header', () => {
  const line = (y: number, ...texts: [string, number][]) => {
    const frags = texts.map(([t, x]) => frag(t, x, y, 9));
    const l = groupLines(frags)[0];
    return { line: l, atoms: linePieces(l, 1.2) };
  };
  const head = line(71, ['Year', 36], ['Total', 284], ['Public', 411]);
  const first = line(96, ['1996', 36], ['16.9', 285], ['17.1', 419]);
  it('gives `Actual` back to the body when it sits nearer the first row than the header', () => {
    expect(sectionOverBody([head, line(85, ['Actual', 36])], first)).toBe(true);
  });
  it('leaves a stub head, a head printed right of the labels, a Chinese head and a one-line header', () => {
    expect(sectionOverBody([head, line(80, ['Actual', 36])], first)).toBe(false);
    expect(sectionOverBody([head, line(85, ['Actual', 60])], first)).toBe(false);
    expect(sectionOverBody([head, line(85, ['项目', 36])], first)).toBe(false);
    expect(sectionOverBody([line(85, ['Actual', 36])], first)).toBe(false);
  });
});

describe('running titles in the margin band', () => {
  it('takes a title with its page number after or before it, never a row with its amount', () => {
    expect(isRunningTitle(['Projections of Education Statistics to', '2021', '53'])).toBe(true);
    expect(isRunningTitle(['22', 'MMWR / January', '14,', '2011', '/ Vol.', '60'])).toBe(true);
    expect(isRunningTitle(['合计', '123'])).toBe(false);
    expect(isRunningTitle(['Total', '123'])).toBe(false);
    expect(isRunningTitle(['Total expenditure', '1,234'])).toBe(false);
  });
});

describe('slivers between double rules', () => {
  const cell = (text: string, colSpan = 1): GridCell => ({ text, colSpan, rowSpan: 1, page: 1 });
  const grid = (edges: number[], ...rows: GridCell[][]): GridBlock => ({ type: 'grid', method: 'ruled', confidence: 0.95, page: 1, columnEdges: edges, rows: rows.map((cells) => ({ cells })) });
  it('takes out a narrow column empty in every row, narrowing the spans over it', () => {
    const g = dropSliverColumns(grid([0, 60, 66, 120], [cell('Head', 3)], [cell('UK'), cell(''), cell('42.3')]), 10);
    expect(g.rows.map((r) => r.cells.map((c) => [c.text, c.colSpan]))).toEqual([[['Head', 2]], [['UK', 1], ['42.3', 1]]]);
    expect(g.columnEdges).toEqual([0, 60, 120]);
  });
  it('keeps a narrow column with text in it, a wide empty one, and any column of an unruled table', () => {
    const narrow = grid([0, 60, 66, 120], [cell('UK'), cell('1'), cell('42.3')]);
    expect(dropSliverColumns(narrow, 10)).toBe(narrow);
    const wide = grid([0, 60, 90, 120], [cell('UK'), cell(''), cell('42.3')]);
    expect(dropSliverColumns(wide, 10)).toBe(wide);
    const unruled = { ...grid([0, 60, 66, 120], [cell('UK'), cell(''), cell('42.3')]), method: 'aligned' as const };
    expect(dropSliverColumns(unruled, 10)).toBe(unruled);
  });
});
