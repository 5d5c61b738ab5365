/**
 * The steps added for the validation families printed without borders (issue 15, third round), each
 * on hand-made lines: a foot row with wrapped labels, an amount column wider than its amounts, the
 * column-number row, header leaves merged down beside a spanning cell, a last row under a header
 * repeated at the page top; and the facts diff that found them.
 */
import { describe, expect, it } from 'vitest';
import { columnNumberRow, isColumnNumberLine, numberedColumns } from '../../extractors/pdf/column-number-row.js';
import { onlyWrapBelow } from '../../extractors/pdf/foot-row-wrap.js';
import { claimBottomLeaves, inBottomBand } from '../../extractors/pdf/header-spans.js';
import { raisedColumns } from '../../extractors/pdf/raised-leaves.js';
import { headerCells, headerRows, isLeaf, isTabular, lineAtoms, type HeaderCell, type StreamLine } from '../../extractors/pdf/stream-finder.js';
import { groupLines, linePieces } from '../../extractors/pdf/text-items.js';
import { withRowUnderTopHeader } from '../../extractors/pdf/top-row-under-header.js';
import { headerDepth, spansHeaderBelow } from '../../extractors/pdf/spanning-header-line.js';
import { isTrailingNote } from '../../extractors/pdf/trailing-note.js';
import { headerOverAmounts } from '../../extractors/pdf/unheaded-amount-column.js';
import { layoutSettings } from '../../src/core/layout-settings.js';
import type { Fact } from '../../schemas/document.js';
import { diffFacts } from '../../scripts/facts-diff.js';
import { frag } from './frag.js';

const S = layoutSettings();
const stream = (...fs: ReturnType<typeof frag>[]): StreamLine => {
  const l = groupLines(fs)[0];
  return { line: l, pieces: linePieces(l, S.text.cellGapEm), atoms: lineAtoms(l, S.stream.wordGapEm, S.stream.hanCellGapEm) };
};
const tabOf = (ls: StreamLine[]) => ls.map((l) => isTabular(l.pieces, S.stream.minPieces));

describe('a first row at the page foot whose labels wrap under it', () => {
  const ls = [
    stream(frag('一、一般公共预算财', 40, 700), frag('一、一般公共服', 200, 700)),
    stream(frag('2281.62', 120, 706), frag('2061.22', 300, 706)),
    stream(frag('政拨款', 40, 712), frag('务支出', 200, 712)),
    stream(frag('- 3 -', 300, 800)),
  ];
  it('the lower label lines do not stop the amount line from being last on the page', () => {
    expect(onlyWrapBelow(ls, 1, tabOf(ls), [false, false, false, true], S.stream.wrapJoinEm)).toBe(true);
    // a line further down, not stopped, is more of the page
    expect(onlyWrapBelow(ls, 1, tabOf(ls), [false, false, false, false], S.stream.wrapJoinEm)).toBe(false);
  });
  it('a number under it (a date wrapped in a form footer) is no wrapped label', () => {
    const form = [stream(frag('填报日期:', 40, 700), frag('202401051', 200, 700)), stream(frag('71145', 200, 712))];
    expect(onlyWrapBelow(form, 0, tabOf(form), [false, false], S.stream.wrapJoinEm)).toBe(false);
  });
});

describe('an amount column wider than its amounts', () => {
  it('takes the lone header centred left of its right-aligned amounts', () => {
    const strips = [{ x0: 38, x1: 150 }, { x0: 200, x1: 223 }, { x0: 280, x1: 312 }, { x0: 540, x1: 574 }];
    const leaves = [{ x0: 60, x1: 80 }, { x0: 200, x1: 220 }, { x0: 285, x1: 305 }, { x0: 400, x1: 520 }];
    expect(headerOverAmounts(strips, [false, true, true, true], leaves)[3]).toEqual({ x0: 400, x1: 574 });
    // a label column, or a column with a header over it, is left alone
    expect(headerOverAmounts(strips, [false, true, true, false], leaves)[3]).toEqual({ x0: 540, x1: 574 });
  });
});

describe('the column-number row', () => {
  const numbers = stream(frag('1', 60, 300), frag('2', 190, 300), frag('3', 255, 300), frag('4', 340, 300), frag('5', 400, 300));
  it('is a header row, not a row of amounts', () => {
    expect(isColumnNumberLine(numbers.atoms)).toBe(true);
    expect(isColumnNumberLine(stream(frag('1', 60, 300), frag('3', 190, 300), frag('4', 255, 300)).atoms)).toBe(false);
    expect(isColumnNumberLine(stream(frag('合计', 60, 300), frag('2', 190, 300), frag('3', 255, 300)).atoms)).toBe(false);
  });
  it('its numbers over no strip and under no header over a strip make columns printed empty', () => {
    const strips = [{ x0: 38, x1: 150 }, { x0: 180, x1: 215 }, { x0: 265, x1: 298 }];
    const leaves = [{ x0: 227, x1: 287 }, { x0: 312, x1: 382 }];
    expect(numberedColumns(numbers.atoms, strips, leaves).map((a) => a.text)).toEqual(['4', '5']);
  });
  it('gives one cell per column', () => {
    const row = columnNumberRow(numbers.atoms, [38, 150, 215, 300, 380, 420], 5);
    expect(row.cells.map((c) => c.text)).toEqual(['1', '2', '3', '4', '5']);
  });
});

describe('header leaves merged down beside a spanning cell', () => {
  // 2024年财政拨款 over 一般公共预算 | 政府性基金预算, with 项目名称 and 合计 centred between the bands
  const atoms = [
    stream(frag('2024年财政拨款', 250, 396)),
    stream(frag('项目名称', 60, 410), frag('合计', 190, 410)),
    stream(frag('一般公共预算', 220, 418), frag('政府性基金预算', 300, 418)),
  ].flatMap((l) => l.atoms);
  const cells = headerCells(atoms);
  const edges = [38, 180, 215, 290, 380];
  it('are printed above the bottom band', () => {
    const inBand = inBottomBand(cells.filter((c) => isLeaf(c, cells)), 10, S.stream.bottomBandEm);
    expect(cells.filter((c) => isLeaf(c, cells) && !inBand(c)).map((c) => c.atoms[0].text)).toEqual(['项目名称', '合计']);
  });
  it('reach up over the level they are centred beside, so the spanning cell does not head them', () => {
    const leafOf = new Map<number, HeaderCell[]>([[0, [cells.find((c) => c.atoms[0].text === '项目名称')!]], [1, [cells.find((c) => c.atoms[0].text === '合计')!]]]);
    expect([...raisedColumns(leafOf, cells.filter((c) => isLeaf(c, cells)), [387.4], 419.4, S.stream.bottomBandEm)]).toEqual([[0, 0], [1, 0]]);
    const rows = headerRows(cells, edges.slice(1, -1), edges, 1, S.stream.bottomBandEm);
    expect(rows[0].cells.map((c) => [c.text, c.colSpan, c.rowSpan])).toEqual([['项目名称', 1, 2], ['合计', 1, 2], ['2024年财政拨款', 2, 1]]);
  });
  it('a merged cell whose line a leaf merged down both rows shares still claims the bottom-band leaves', () => {
    const withItem = [stream(frag('2025年预算数', 353, 468)), stream(frag('项目', 103, 477)), stream(frag('合计', 203, 485), frag('一般公共预算', 254, 485), frag('政府性基金预算', 356, 485))].flatMap((l) => l.atoms);
    const out = claimBottomLeaves(headerCells(withItem), isLeaf, S.stream.bottomBandEm);
    const top = out.find((c) => c.atoms[0].text === '2025年预算数')!;
    expect([top.x0, top.x1]).toEqual([203, 356 + 70]);
  });
});

describe('a last row under its header printed again at the page top', () => {
  const ls = [
    stream(frag('单位名称', 60, 40), frag('2025年预算数', 300, 40)),
    stream(frag('合计', 200, 52), frag('一般公共预算', 260, 52)),
    stream(frag('临江县统计普查中心', 40, 70), frag('12.51', 200, 70), frag('12.51', 260, 70)),
    stream(frag('表九', 40, 100)),
  ];
  const stop = [false, false, false, true];
  const none = [false, false, false, false];
  it('goes on with the previous page table', () => {
    expect(withRowUnderTopHeader(ls, [], tabOf(ls), stop, none, [38, 150, 230, 330], S.stream.maxHeaderLines)).toEqual([{ top: 2, bodyTop: 2, bottom: 2 }]);
  });
  it('not without a previous table, nor under a title, nor under prose (a numbered heading: 6.4 … (Tables 6.6 - 6.9))', () => {
    expect(withRowUnderTopHeader(ls, [], tabOf(ls), stop, none, undefined, S.stream.maxHeaderLines)).toEqual([]);
    expect(withRowUnderTopHeader(ls, [], tabOf(ls), [true, false, false, true], none, [38, 150, 230, 330], S.stream.maxHeaderLines)).toEqual([]);
    const prose = [stream(frag('the next chapter, in which we are careful to distinguish', 72, 40)), stream(frag('6.4', 72, 60), frag('The changing face', 100, 60), frag('6.6', 300, 60), frag('6.9', 330, 60))];
    expect(withRowUnderTopHeader(prose, [], tabOf(prose), [false, false], [false, false], [72, 150, 300, 400], S.stream.maxHeaderLines)).toEqual([]);
  });
});

describe('a header printed in a spreadsheet\'s tall rows', () => {
  it('a spanning cell far above the rest of the header heads two texts or more under it', () => {
    const below = [stream(frag('因公出国', 233, 190), frag('公务接待', 284, 190)), stream(frag('公务用车购置及运行费', 348, 180))].flatMap((l) => l.atoms);
    expect(spansHeaderBelow(stream(frag('“三公”经费', 305, 130)).atoms, below)).toBe(true);
    expect(spansHeaderBelow(stream(frag('单位：万元', 305, 130)).atoms, below.slice(2))).toBe(false);
    expect(spansHeaderBelow(stream(frag('129.60', 300, 130)).atoms, below)).toBe(false);
  });
  it('wrapped header cells staggered in one row count as one header line', () => {
    const ys = [[192.9, 202.9], [199.3, 209.3], [204.6, 214.6], [217.2, 227.2], [229.8, 239.8]].map(([y0, y1]) => ({ y0, y1 }));
    expect(headerDepth(ys)).toBe(3);
  });
  it('a sentence under the last row is a note, not a row', () => {
    expect(isTrailingNote([{ text: 'See notes at end of table.' }])).toBe(true);
    expect(isTrailingNote([{ text: '二、外交支出' }])).toBe(false);
    expect(isTrailingNote([{ text: 'Total' }])).toBe(false);
  });
});

describe('the facts diff', () => {
  const fact = (row: string, value: string, page = ''): Fact => ({ table_no: '表一', table_title: 't', table_kind: 'k', block: '', row, code: '', item: 'x', column: '合计', value, unit: '万元', page }) as unknown as Fact;
  it('groups the keys only one side has by table, counting repeats', () => {
    const d = diffFacts([fact('1', '1.00', '2'), fact('2', '3.00', '2')], [fact('1', '1.00'), fact('2', '2.00')]);
    expect([d.recall, d.precision]).toEqual([0.5, 0.5]);
    expect(d.tables.map((t) => [t.table, t.missing.map((f) => f.value), t.extra.map((f) => f.value)])).toEqual([['表一 t', ['2.00'], ['3.00']]]);
  });
});
