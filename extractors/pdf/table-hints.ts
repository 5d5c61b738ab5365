/**
 * A page read with the user's table hints (the table settings file, src/core/table-settings.ts):
 * each hinted area is read on its own, before the rest of the page and with none of its text —
 *
 *   - with `columns`: the area's lines cut at those x (a fragment run over an edge is cut there)
 *     and grouped into rows as the stream finder does (a wrapped label joins its amount line); the
 *     lines above the first amount are the header, its cells spanning the columns they are centred
 *     over (stream-finder.ts `headerRows`);
 *   - otherwise the page's own chain on the area alone: `ruled` with the area's rules and no
 *     unruled table, `aligned` with no rules at all, neither with the rules the area holds.
 *
 * What the hints do not cover is read as usual. Every hinted table says so in a page diagnostic
 * (`layout.table-hint`), with the area and columns used.
 */
import type { Block, Diagnostic, GridBlock } from '../../schemas/intermediate.js';
import type { LayoutSettings } from '../../src/core/layout-settings.js';
import type { TableHint } from '../../src/core/table-settings.js';
import type { PageInput, PageOutput } from './page-layout.js';
import type { Box } from './ruled-grid.js';
import { isAmount } from './aligned-grid.js';
import { bodyRows, headerCells, headerRows, lineAtoms, type StreamLine } from './stream-finder.js';
import { cutFragment, groupLines, linePieces, type TextFrag } from './text-items.js';

const round = (v: number) => Math.round(v * 100) / 100;

const centreIn = (f: TextFrag, b: Box) => {
  const cx = (f.x0 + f.x1) / 2;
  const cy = (f.y0 + f.y1) / 2;
  return cx >= b.x0 && cx <= b.x1 && cy >= b.y0 && cy <= b.y1;
};

/** The hint's area as a box: the whole page when it gives none. */
export function hintBox(h: TableHint, width: number, height: number): Box {
  return h.area ? { x0: h.area[0], y0: h.area[1], x1: h.area[2], y1: h.area[3] } : { x0: 0, y0: 0, x1: width, y1: height };
}

/** Fragments cut where they run over one of the given column edges (the user says a cell ends there). */
export function cutAtEdges(frags: readonly TextFrag[], xs: readonly number[]): TextFrag[] {
  return frags.flatMap((f) => xs.reduce<TextFrag[]>((parts, x) => parts.flatMap((q) => (q.x0 < x - 0.5 && q.x1 > x + 0.5 ? cutFragment(q, x) : [q])), [f]));
}

/**
 * The grid of a hinted area with its column edges given: columns from `box.x0` through `columns`
 * to `box.x1`, rows from the lines of `frags` (the area's text); the first `headerLines` printed
 * lines are the header (default: those above the first amount).
 */
export function explicitGrid(frags: readonly TextFrag[], box: Box, columns: readonly number[], page: number, s: LayoutSettings, headerLines?: number): GridBlock | undefined {
  const cut = cutAtEdges(
    frags.filter((f) => !f.rotated),
    columns,
  );
  if (!cut.length) return undefined;
  const lines: StreamLine[] = groupLines(cut, s.text.lineTolEm).map((line) => ({ line, pieces: linePieces(line, s.text.cellGapEm), atoms: lineAtoms(line, s.stream.wordGapEm, s.stream.hanCellGapEm) }));
  const edges = [box.x0, ...columns, box.x1];
  // the lines above the first amount are the header: its cells span the columns they are centred over
  // (or as many as the hint says: none for the rows of a table going on from the page before)
  const first = headerLines ?? Math.max(0, lines.findIndex((l) => l.atoms.some((a) => isAmount(a.text))));
  const header = first > 0 ? headerCells(lines.slice(0, first).flatMap((l) => l.atoms)) : [];
  const rows = [...(header.length ? headerRows(header, columns, edges, page) : []), ...bodyRows(lines.slice(first), edges, page, s.stream.wrapJoinEm)];
  const bbox = { x0: round(box.x0), y0: round(Math.min(...lines.map((l) => l.line.y0))), x1: round(box.x1), y1: round(Math.max(...lines.map((l) => l.line.y1))) };
  return { type: 'grid', rows, method: 'aligned', confidence: rows.length >= 3 ? s.confidence.stream : s.confidence.streamFew, page, bbox, columnEdges: edges.map(round) };
}

/** The settings with no unruled table found: only ruled frames are read. */
function ruledOnly(s: LayoutSettings): LayoutSettings {
  return { ...s, stream: { ...s.stream, minRows: Number.MAX_SAFE_INTEGER } };
}

const topLeft = (b: Block) => ('bbox' in b && b.bbox ? [b.bbox.y0, b.bbox.x0] : [0, 0]);

/**
 * The page read with `hints` (those for this page). `auto` is the page's own chain
 * (page-layout.ts `layoutPage`), passed in so that this file sits beside it rather than above it.
 */
export function layoutWithHints(p: PageInput, hints: readonly TableHint[], s: LayoutSettings, auto: (p: PageInput, s: LayoutSettings) => PageOutput): PageOutput {
  const taken = new Set<TextFrag>();
  const blocks: Block[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const h of hints) {
    const box = hintBox(h, p.width, p.height);
    const inside = p.frags.filter((f) => !taken.has(f) && centreIn(f, box));
    for (const f of inside) taken.add(f);
    const what = [h.area ? `area [${h.area.join(', ')}]` : 'the whole page', h.columns ? `columns [${h.columns.join(', ')}]` : '', h.strategy ? `strategy ${h.strategy}` : ''].filter(Boolean).join(', ');
    diagnostics.push({ severity: 'info', code: 'layout.table-hint', message: `page ${p.page}: table read as the table settings say (${what})`, page: p.page, bbox: { x0: round(box.x0), y0: round(box.y0), x1: round(box.x1), y1: round(box.y1) } });
    if (h.columns) {
      const grid = explicitGrid(inside, box, h.columns, p.page, s, h.header);
      if (grid) blocks.push(grid);
      continue;
    }
    const rules = h.strategy === 'aligned' ? [] : p.rules.filter((r) => r.x0 >= box.x0 - 1 && r.x1 <= box.x1 + 1 && r.y0 >= box.y0 - 1 && r.y1 <= box.y1 + 1);
    const sub = auto({ ...p, frags: inside, rules, hints: undefined, previousColumns: h.area ? undefined : p.previousColumns }, h.strategy === 'ruled' ? ruledOnly(s) : s);
    blocks.push(...sub.blocks);
    diagnostics.push(...sub.diagnostics);
  }
  const rest = auto({ ...p, frags: p.frags.filter((f) => !taken.has(f)), hints: undefined }, s);
  const all = [...blocks, ...rest.blocks].map((b, k) => ({ b, k, at: topLeft(b) }));
  all.sort((a, c) => a.at[0] - c.at[0] || a.at[1] - c.at[1] || a.k - c.k);
  return { blocks: all.map((x) => x.b), diagnostics: [...diagnostics, ...rest.diagnostics] };
}
