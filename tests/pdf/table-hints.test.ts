/**
 * The escape hatch (extractors/pdf/table-hints.ts, src/core/table-settings.ts): a table the finder
 * reads wrong, read right from the area and column edges the user gives.
 */
import { describe, expect, it } from 'vitest';
import { layoutPage } from '../../extractors/pdf/page-layout.js';
import { cutAtEdges, explicitGrid } from '../../extractors/pdf/table-hints.js';
import { layoutSettings } from '../../src/core/layout-settings.js';
import { hintsForPage, parseTableSettings, type TableHint } from '../../src/core/table-settings.js';
import type { GridBlock } from '../../schemas/intermediate.js';
import { frag } from './frag.js';

const texts = (g: GridBlock) => g.rows.map((r) => r.cells.map((c) => c.text));
const grids = (blocks: ReturnType<typeof layoutPage>['blocks']) => blocks.filter((b): b is GridBlock => b.type === 'grid');

// two amount columns closer than a cell gap (1.2 em): the finder used to run 161.96 | 161.96 over
// the boundary it put between 合计 and 基本支出; it now splits such runs of figures itself
// (number-runs.ts), so the real misread a hint mends is in tests/batch/table-settings.test.ts (the
// seed's borderless p.4). Here the hint's own reading is checked on a page small enough to read.
const page = [
  frag('单位：万元', 10, 200),
  frag('科目名称', 10, 220), frag('合计', 150, 220), frag('基本支出', 180, 220), frag('项目支出', 230, 220),
  frag('行政运行', 10, 240), frag('161.96', 150, 240), frag('161.96', 185, 240),
  frag('事业运行', 10, 260), frag('65.55', 155, 260), frag('5.55', 195, 260), frag('60.00', 235, 260),
  frag('一般行政管理事务', 10, 280), frag('383.00', 150, 280), frag('383.00', 235, 280),
];
const hint: TableHint = { area: [5, 210, 300, 290], columns: [140, 178, 222] };

describe('table hints', () => {
  it('the finder alone reads the two close amounts apart (number-runs.ts), as the hint does', () => {
    const [g] = grids(layoutPage({ page: 1, width: 595, height: 842, frags: page, rules: [] }).blocks);
    expect(texts(g).find((r) => r[0] === '行政运行')?.filter(Boolean)).toEqual(['行政运行', '161.96', '161.96']);
  });

  it('with the area and column edges given, every amount is in its column, and the page says so', () => {
    const out = layoutPage({ page: 1, width: 595, height: 842, frags: page, rules: [], hints: [hint] });
    const [g] = grids(out.blocks);
    expect(g.columnEdges).toEqual([5, 140, 178, 222, 300]);
    expect(texts(g)).toEqual([
      ['科目名称', '合计', '基本支出', '项目支出'],
      ['行政运行', '161.96', '161.96', ''],
      ['事业运行', '65.55', '5.55', '60.00'],
      ['一般行政管理事务', '383.00', '', '383.00'],
    ]);
    // the text outside the area is read as usual, in reading order
    expect(out.blocks[0]).toMatchObject({ type: 'text', text: '单位：万元' });
    expect(out.diagnostics).toEqual([expect.objectContaining({ code: 'layout.table-hint', severity: 'info', page: 1 })]);
    expect(out.diagnostics[0].message).toContain('columns [140, 178, 222]');
    // the area, for the viewer's structure overlay
    expect(out.diagnostics[0].bbox).toEqual({ x0: 5, y0: 210, x1: 300, y1: 290 });
  });

  it('header: 0 reads every line of the area as a body row (rows going on from the page before)', () => {
    const out = layoutPage({ page: 1, width: 595, height: 842, frags: page, rules: [], hints: [{ ...hint, header: 0 }] });
    const [g] = grids(out.blocks);
    expect(texts(g)[0]).toEqual(['科目名称', '合计', '基本支出', '项目支出']);
    expect(texts(g)).toHaveLength(4);
    // header: 2 takes the first two lines as the header, 行政运行's amounts heading nothing
    const two = grids(layoutPage({ page: 1, width: 595, height: 842, frags: page, rules: [], hints: [{ ...hint, header: 2 }] }).blocks)[0];
    expect(texts(two).slice(-2)).toEqual([
      ['事业运行', '65.55', '5.55', '60.00'],
      ['一般行政管理事务', '383.00', '', '383.00'],
    ]);
  });

  it('a fragment run over a given column edge is cut there', () => {
    const run = frag('694.34一般公共服务支出', 100, 50);
    const parts = cutAtEdges([run], [135]);
    expect(parts.map((p) => p.text)).toEqual(['694.34', '一般公共服务支出']);
    const g = explicitGrid([run], { x0: 90, y0: 0, x1: 300, y1: 100 }, [135], 1, layoutSettings())!;
    expect(texts(g)).toEqual([['694.34', '一般公共服务支出']]);
  });

  it('strategy aligned reads a ruled area from its text alone', () => {
    // a frame around a two-column list: with its rules it is a ruled grid; forced aligned, not
    const frags = [frag('行政运行', 20, 120), frag('161.96', 150, 120), frag('事业运行', 20, 140), frag('65.55', 155, 140), frag('一般行政', 20, 160), frag('5.55', 160, 160)];
    const rules = [
      { x0: 10, y0: 105, x1: 200, y1: 105 }, { x0: 10, y0: 165, x1: 200, y1: 165 },
      { x0: 10, y0: 105, x1: 10, y1: 165 }, { x0: 200, y0: 105, x1: 200, y1: 165 }, { x0: 100, y0: 105, x1: 100, y1: 165 },
    ];
    const auto = grids(layoutPage({ page: 1, width: 595, height: 842, frags, rules }).blocks);
    expect(auto.map((g) => g.method)).toEqual(['ruled']);
    const forced = grids(layoutPage({ page: 1, width: 595, height: 842, frags, rules, hints: [{ strategy: 'aligned' }] }).blocks);
    expect(forced.map((g) => g.method)).toEqual(['aligned']);
    expect(texts(forced[0])).toEqual([['行政运行', '161.96'], ['事业运行', '65.55'], ['一般行政', '5.55']]);
  });
});

describe('table settings file', () => {
  it('reads JSON or YAML: tables per page or for every page, layout overrides', () => {
    const json = parseTableSettings('{"tables": [{"pages": 4, "area": [40, 50, 555, 270], "columns": [150, 192]}, {"strategy": "aligned"}], "layout": {"text": {"cellGapEm": 1.5}}}');
    expect(json.layout).toEqual({ text: { cellGapEm: 1.5 } });
    expect(hintsForPage(json.tables, 4)).toHaveLength(2);
    expect(hintsForPage(json.tables, 5)).toEqual([{ strategy: 'aligned' }]);
    const yaml = parseTableSettings('tables:\n  - pages: [2, 3]\n    columns: [100, 200]\n');
    expect(hintsForPage(yaml.tables, 3)).toEqual([{ pages: [2, 3], columns: [100, 200] }]);
  });

  it('says in one line where the file is wrong', () => {
    const bad = (text: string) => {
      try {
        parseTableSettings(text);
      } catch (e) {
        return (e as Error).message;
      }
      return 'accepted';
    };
    expect(bad('{"tables": [{"area": [40, 300, 555, 270]}]}')).toBe('tables[0].area: area is [x0, top, x1, bottom] with x1 > x0 and bottom > top');
    expect(bad('{"tables": [{"columns": [200, 100]}]}')).toBe('tables[0].columns: columns are x positions in increasing order');
    expect(bad('{"tables": [{"area": [0, 0, 100, 100], "columns": [150]}]}')).toMatch(/^tables\[0\]: columns lie inside the area/);
    expect(bad('{"tables": [{"pages": 2}]}')).toMatch(/^tables\[0\]: a table needs an area, columns or a strategy/);
    expect(bad('{"layout": {"text": {"cellGap": 1}}}')).toMatch(/^layout\.text: .*cellGap/);
    expect(bad('{"layout": {"text": {"cellGapEm": "wide"}}}')).toMatch(/^layout\.text\.cellGapEm: /);
    expect(bad('{"tables": [{"strategy": "lattice"}]}')).toMatch(/^tables\[0\]\.strategy: /);
    expect(bad('tables: [')).toMatch(/^not JSON or YAML: /);
    expect(bad('{"table": []}')).toMatch(/table/);
  });
});
