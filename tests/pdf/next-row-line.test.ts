/**
 * The misreads sample printed without borders (issue 15): a merged label printed between two rows
 * (extractors/pdf/next-row-line.ts, Chromium page 6) and the 款 / 项 code columns LibreOffice prints
 * left-aligned under centred headers (extractors/pdf/unheaded-label-column.ts, page 4), on lines
 * shaped as the renders print them.
 */
import { describe, expect, it } from 'vitest';
import { startsNextRow } from '../../extractors/pdf/next-row-line.js';
import { bodyRows, lineAtoms, type StreamLine } from '../../extractors/pdf/stream-finder.js';
import { groupLines, linePieces } from '../../extractors/pdf/text-items.js';
import { codePartColumn, headerOverLabels } from '../../extractors/pdf/unheaded-label-column.js';
import { layoutSettings } from '../../src/core/layout-settings.js';
import { frag } from './frag.js';

const S = layoutSettings();
const stream = (...fs: ReturnType<typeof frag>[]): StreamLine => {
  const [l] = groupLines(fs);
  return { line: l, pieces: linePieces(l, S.text.cellGapEm), atoms: lineAtoms(l, S.stream.wordGapEm, S.stream.hanCellGapEm) };
};

describe('a merged label printed between two rows', () => {
  // the Chromium render's page 6: 示例区市场监管综合执 / 法大队 between 标准化工作… and 产品质量监督抽查… / 经费
  const lines = [
    stream(frag('网络交易监管（执法大队）经费', 170, 302.3), frag('388,130.81', 339, 302.3)),
    stream(frag('药品安全监管（执法大队）经费', 170, 324.8), frag('491,002.00', 339, 324.8)),
    stream(frag('标准化工作（执法大队）经费', 170, 347.3), frag('546,510.87', 339, 347.3)),
    stream(frag('示例区市场监管综合执法', 43, 351.8)),
    stream(frag('大队', 43, 365.3)),
    stream(frag('产品质量监督抽查（执法大队）', 170, 369.8)),
    stream(frag('625,700.90', 339, 376.5)),
    stream(frag('经费', 170, 383.3)),
    stream(frag('企业信用监管（执法大队）经费', 170, 405.8), frag('304,890.93', 339, 405.8)),
    stream(frag('执法办案（执法大队）经费', 170, 428.3), frag('408,288.00', 339, 428.3)),
  ];

  it('the upper line of the next row, touching the row above only through the label, starts the next row', () => {
    const row = [...lines[2].atoms, ...lines[3].atoms, ...lines[4].atoms];
    expect(startsNextRow(row, lines[5].line, lines[6], 0.2)).toBe(true);
    // a line overlapping the row's own amount line stays in it (the first line of the label)
    expect(startsNextRow(lines[2].atoms, lines[3].line, lines[4], 0.2)).toBe(false);
    // the next line has no amount in a column the row has one in
    expect(startsNextRow(row, lines[5].line, lines[7], 0.2)).toBe(false);
  });

  it('the rows read apart (merged cells left out: the label stays on the row it starts on)', () => {
    const rows = bodyRows(lines, [40, 160, 330, 400], 6, S.stream.wrapJoinEm, 0);
    expect(rows.map((r) => r.cells.map((c) => c.text))).toEqual([
      ['', '网络交易监管（执法大队）经费', '388,130.81'],
      ['', '药品安全监管（执法大队）经费', '491,002.00'],
      ['示例区市场监管综合执法大队', '标准化工作（执法大队）经费', '546,510.87'],
      ['', '产品质量监督抽查（执法大队）经费', '625,700.90'],
      ['', '企业信用监管（执法大队）经费', '304,890.93'],
      ['', '执法办案（执法大队）经费', '408,288.00'],
    ]);
  });
});

describe('款 and 项 code columns printed left-aligned', () => {
  // LibreOffice's page 4: 类 | 款 | 项 centred in columns whose codes (11, 02) are left-aligned
  const atoms = [
    { text: '210', x0: 50, x1: 68 },
    { text: '11', x0: 89, x1: 101 },
    { text: '7', x0: 50, x1: 56 },
    { text: '11', x0: 89, x1: 101 },
    { text: '02', x0: 129, x1: 141 },
    { text: '380.00', x0: 343, x1: 375 },
  ];
  const strips = [{ x0: 50, x1: 68 }, { x0: 89, x1: 101 }, { x0: 129, x1: 141 }, { x0: 343, x1: 375 }];
  it('a column of two-digit codes is one, an amount column is not', () => {
    expect(strips.map((s) => codePartColumn(s, atoms))).toEqual([false, true, true, false]);
  });
  it('the header just right of each code column heads it, rather than making a column printed empty', () => {
    const leaves = [{ x0: 62, x1: 72 }, { x0: 101.5, x1: 111 }, { x0: 141.5, x1: 151 }, { x0: 326, x1: 346 }];
    const numeric = strips.map((s) => (codePartColumn(s, atoms) ? false : true));
    expect(headerOverLabels(strips, numeric, leaves)).toEqual([{ x0: 50, x1: 68 }, { x0: 89, x1: 111 }, { x0: 129, x1: 151 }, { x0: 343, x1: 375 }]);
  });
});
