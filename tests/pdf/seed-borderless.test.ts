/**
 * Regression tests for the seed's Chromium borderless render (samples/xinzhou-xinfang-2024-budget.borderless.pdf),
 * each on hand-made lines laid out as on the page where the finder went wrong.
 */
import { describe, expect, it } from 'vitest';
import { layoutPage } from '../../extractors/pdf/page-layout.js';
import { shiftedPartCut } from '../../extractors/pdf/shifted-part.js';
import { lineAtoms } from '../../extractors/pdf/stream-finder.js';
import { groupLines } from '../../extractors/pdf/text-items.js';
import type { GridBlock } from '../../schemas/intermediate.js';
import { frag } from './frag.js';

const grids = (blocks: ReturnType<typeof layoutPage>['blocks']) => blocks.filter((b): b is GridBlock => b.type === 'grid');
const texts = (g: GridBlock) => g.rows.map((r) => r.cells.map((c) => c.text));

describe('seed borderless render', () => {
  it('a form’s last fund rows at the page top keep the previous page’s columns, though the form’s next section beside them does not fit them (p.30)', () => {
    // the 部门整体 form's fund table ended on the previous page in these columns
    const previousColumns = [47.66, 66.33, 225.57, 314.82, 450.66, 551.98];
    const frags = [
      frag('专户管理资金', 69.3, 60), frag('0.00', 290.8, 60),
      frag('单位资金', 69.3, 83.3), frag('0.00', 290.8, 83.3),
      // the form's next section: a title printed down a narrow column, labels, and texts wrapped in
      // a wide column over two of the columns above, down the page
      ...['年', '度', '重', '点', '任', '务'].map((t, k) => frag(t, 43.5, [107.3, 121.5, 135.7, 150.7, 165, 179.2][k])),
      frag('核心职能', 69.3, 143.2), frag('重点任务', 319.3, 143.2),
      frag('承办省、市交办信访事项', 69.3, 253.5),
      ...['承办省委办公厅、省政府办公厅和省信访', '局交办的信访事项,接待群众来信,接待群众', '来访,受理群众网上信访事项,保证信访渠道', '畅通;及时、准确地向市委、市政府和市委',
        '办公厅、市政府办公室领导同志反映来信', '来访中提出的重要建议、意见和问题;综合', '分析信访信息,开展调查研究,提出制定有关', '方针、政策的建议。'].map((t, k) => frag(t, 319.3, [203.2, 217.5, 231.7, 246, 261, 275.2, 289.5, 304.5][k])),
      frag('督促检查领导同志有关信访批示的落实情况', 69.3, 342),
      frag('承办市委、市政府和市委办公室、市政府', 319.3, 327.7), frag('办公室领导同志交办的信访事项,督促检查', 319.3, 342),
    ];
    const out = layoutPage({ page: 30, width: 595, height: 842, frags, rules: [], previousColumns });
    const [g] = grids(out.blocks);
    expect(g.columnEdges).toEqual(previousColumns);
    // the amounts in the previous page's amount column (225.57–314.82), so that the pieces read as one table
    const amounts = g.rows.flatMap((r) => r.cells).filter((c) => c.text === '0.00');
    expect(amounts.map((c) => [c.bbox?.x0, c.bbox?.x1])).toEqual([
      [225.57, 314.82],
      [225.57, 314.82],
    ]);
  });

  // the 收支总表's last rows on p.4: the first table's rows in its columns, then after a table's
  // margin the rest printed as a second table in other widths
  const p4 = [
    frag('二十五、其他支出', 196.3, 60), frag('二十六、转移性支出', 196.3, 83.2), frag('二十七、债务还本支出', 196.3, 107.2),
    frag('二十八、债务付息支出', 205.5, 141), frag('二十九、债务发行费用支出', 205.5, 164.2), frag('三十、抗疫特别国债安排的支出', 205.5, 188.2),
    frag('本年收入合计', 43.5, 211.5), frag('694.34', 165, 211.5), frag('本年支出合计', 205.5, 211.5), frag('694.34', 447, 211.5), frag('694.34', 507.7, 211.5),
    frag('上年结转', 43.5, 234.7), frag('年终结转', 205.5, 234.7),
    frag('收入总计', 43.5, 258.7), frag('694.34', 165, 258.7), frag('支出总计', 205.5, 258.7), frag('694.34', 447, 258.7), frag('694.34', 507.7, 258.7),
  ];
  const p3Columns = [43.5, 149.65, 191.81, 363.37, 416.45, 485.69, 551.08];
  const asLines = (fs: ReturnType<typeof frag>[]) => groupLines(fs, 0.45).map((line) => ({ line, atoms: lineAtoms(line, 0.4, 0.2) }));

  it('the rest of a table printed after a wider gap with its labels starting elsewhere is a second part', () => {
    expect(shiftedPartCut(asLines(p4), 2, 1.5)).toBe(3);
    // the same labels start above and below: one table, whatever the gap
    const same = p4.map((f) => (f.x0 === 205.5 ? frag(f.text, 196.3, f.base) : f));
    expect(shiftedPartCut(asLines(same), 2, 1.5)).toBeUndefined();
    // no wider gap: no cut
    expect(shiftedPartCut(asLines(p4), 2, 2)).toBeUndefined();
  });

  it('the 收支总表’s total rows in a second part on p.4 go to 2024年合计 and 当年预算安排, not 上年结转安排 (p.4)', () => {
    const out = layoutPage({ page: 4, width: 595, height: 842, frags: p4, rules: [], previousColumns: p3Columns });
    const [g] = grids(out.blocks);
    expect(g.columnEdges).toEqual(p3Columns);
    const rows = texts(g);
    expect(rows[0]).toEqual(['', '', '二十五、其他支出', '', '', '']);
    expect(rows.filter((r) => r.includes('694.34'))).toEqual([
      ['本年收入合计', '694.34', '本年支出合计', '694.34', '694.34', ''],
      ['收入总计', '694.34', '支出总计', '694.34', '694.34', ''],
    ]);
  });
});

