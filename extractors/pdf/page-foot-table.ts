/**
 * A table whose header (and first rows, none with an amount) sit alone at the foot of a page, the
 * rest going on overleaf: 三公 table's header with 因公出国（境）费 and 公务接待费 (nothing spent)
 * before the page break, or a 绩效目标表 form's 项目名称 / 主管部门 / 项目属性 rows. The stream
 * finder's runs start at a line with an amount, so these lines are found here: the lines after a
 * title or unit line down to the page foot, several of them cells apart, none prose. Its columns go
 * over to the next page (a continued table keeps them), so the two pieces are one table.
 */
import type { GridBlock } from '../../schemas/intermediate.js';
import type { LayoutSettings } from '../../src/core/layout-settings.js';
import { columnStrips, isAmount } from './aligned-grid.js';
import { claimBottomLeaves } from './header-spans.js';
import { alignedBoundaries, bodyRows, headerCells, headerRows, isLeaf, tableColumns, type StreamLine, type StreamTable } from './stream-finder.js';

const round = (v: number) => Math.round(v * 100) / 100;

/**
 * The lines (indices) of such a block: after the last stop line that is not page furniture, to
 * the page foot (only furniture below); at least `minRows` lines, `minRows` of them of two cells or
 * more (or one of three), none longer than a header line may be, none in a table already.
 */
export function footBlock(lines: readonly StreamLine[], stop: readonly boolean[], furniture: readonly boolean[], used: ReadonlySet<number>, s: LayoutSettings['stream']): number[] | undefined {
  let end = lines.length;
  while (end > 0 && furniture[end - 1]) end--;
  let start = end;
  while (start > 0 && !stop[start - 1] && !used.has(start - 1)) start--;
  // right under a title or unit line: the block is a table's beginning, not the end of a text
  if (start === 0 || !stop[start - 1] || furniture[start - 1] || end - start < s.minRows) return undefined;
  const block = Array.from({ length: end - start }, (_, k) => start + k);
  // prose (a sentence, a figure in a sentence) is no header; nor is a line with an amount (a run has those)
  const texts = block.map((k) => lines[k].atoms.map((a) => a.text));
  if (texts.some((t) => t.join('').length > s.maxHeaderChars || /[。，；！？,;]/.test(t.join('')) || t.some(isAmount))) return undefined;
  // cells apart: on `minRows` lines, or a header line of three cells or more
  const cellLines = block.filter((k) => lines[k].pieces.length >= s.minPieces);
  if (cellLines.length < s.minRows && !cellLines.some((k) => lines[k].pieces.length > s.minPieces)) return undefined;
  // a line further from the one above than a header's lines may be is not the table's
  if (block.some((k, i) => i > 0 && lines[k].line.y0 - lines[k - 1].line.y1 > s.headerGapEm * lines[k].line.size)) return undefined;
  return block;
}

/**
 * Rows of the block: the trailing lines of one text at the left edge are body rows (因公出国（境）费),
 * the lines above them a header; with no such rows the block is a form's rows, each line cut into
 * the columns its texts line up in.
 */
export function footTable(lines: readonly StreamLine[], block: readonly number[], page: number, s: LayoutSettings): StreamTable {
  const st = s.stream;
  const all = block.map((k) => lines[k]);
  const left = Math.min(...all.flatMap((l) => l.atoms.map((a) => a.x0)));
  let split = all.length;
  while (split > 1 && all[split - 1].atoms.length === 1 && all[split - 1].atoms[0].x0 <= left + st.alignTol) split--;
  const header = split < all.length ? all.slice(0, split) : [];
  const body = all.slice(header.length);
  const x0 = Math.min(...all.map((l) => l.line.x0));
  const x1 = Math.max(...all.map((l) => l.line.x1));
  let rows: GridBlock['rows'];
  let edges: number[];
  if (header.length) {
    const cells = claimBottomLeaves(headerCells(header.flatMap((l) => l.atoms)), (c, all) => isLeaf(c, all), st.bottomBandEm);
    const headMid = (header[0].line.y0 + header[header.length - 1].line.y1) / 2;
    const leaves = cells.filter((c) => isLeaf(c, cells) && c.y1 > headMid);
    const cols = tableColumns(columnStrips(body.flatMap((l) => l.atoms), st.stripTol), leaves);
    edges = [x0, ...alignedBoundaries(cols, cols.map(() => undefined), st.edgePadEm * body[0].line.size), x1];
    rows = [...headerRows(cells, edges.slice(1, -1), edges, page), ...bodyRows(body, edges, page, st.wrapJoinEm)];
  } else {
    const cols = columnStrips(all.flatMap((l) => l.atoms), st.stripTol);
    edges = [x0, ...alignedBoundaries(cols, cols.map(() => undefined), 0), x1];
    rows = bodyRows(all, edges, page, st.wrapJoinEm);
  }
  const bbox = { x0: round(x0), y0: round(all[0].line.y0), x1: round(x1), y1: round(all[all.length - 1].line.y1) };
  return {
    grid: { type: 'grid', rows, method: 'aligned', confidence: s.confidence.streamFew, page, bbox, columnEdges: edges.map(round) },
    lines: new Set(block),
  };
}
