/**
 * Regression (ICDAR 2013 us-025 p.2): a table whose second grid follows on the same page had the
 * bbox of its title (y 256–357) while its rows went down to y ≈ 501. The bbox now covers every
 * printed cell of the table's page.
 */
import { describe, expect, it } from 'vitest';
import type { SourceDocument } from '../../schemas/intermediate.js';
import { interpretDocument } from '../../src/interpret/document.js';

const cell = (text: string, x0: number, y0: number) => ({ text, page: 1, bbox: { x0, y0, x1: x0 + 90, y1: y0 + 12 } });
const grid = (y: number, rows: string[][]) => ({
  type: 'grid' as const,
  method: 'ruled' as const,
  confidence: 0.95,
  page: 1,
  bbox: { x0: 50, y0: y, x1: 230, y1: y + 12 * rows.length },
  columnEdges: [50, 140, 230],
  rows: rows.map((r, i) => ({ cells: r.map((t, k) => cell(t, 50 + 90 * k, y + 12 * i)) })),
});

describe('table bbox', () => {
  it('covers every cell of its page, across grids joined on that page', () => {
    const src: SourceDocument = {
      source: { path: 'x.pdf', name: 'x.pdf', format: 'pdf', sha256: '0', bytes: 1, pages: 1 },
      diagnostics: [],
      blocks: [
        { type: 'text', text: '2024年预算支出总表', page: 1, bbox: { x0: 80, y0: 240, x1: 200, y1: 254 } },
        grid(256, [['项目', '金额'], ['工资福利支出', '1.00'], ['商品和服务支出', '2.00']]),
        grid(400, [['对个人和家庭的补助', '3.00'], ['合计', '6.00']]),
      ],
    };
    const [t] = interpretDocument(src).tables;
    expect(t.bbox).toEqual({ x0: 50, y0: 240, x1: 230, y1: 424 });
    for (const c of t.printed.flat()) {
      if (!c.bbox) continue;
      expect(c.bbox.y1).toBeLessThanOrEqual(t.bbox!.y1);
      expect(c.bbox.y0).toBeGreaterThanOrEqual(t.bbox!.y0);
    }
  });
});
