/**
 * A cell's wrapped text run past the rule below it. Spreadsheet producers (Excel, WPS) print a cell
 * whose text wraps into more lines than its row is tall by letting the last line run over the rule
 * and clipping it to the cell: on the page only the top of that line shows, above the rule, but the
 * text layer keeps the whole line, and its middle lies in the row below. Placed by its middle it
 * would join the next row's text: the header 采购组织形式 wrapped as 采购组织形 / 式 filed its 式
 * under the 合计 row's label.
 *
 * Such a line is told by three things together: a drawn rule cuts its box (its top stands clearly
 * above the rule, where no text of the row below is printed); a line of the cell above ends right
 * over it, at about the line gap of wrapped text, and overlaps it across; and nothing else is in
 * its cell below (a row's own text would be there). It then goes with the cell above. A first
 * line of the row below that merely touches the rule has other lines of its cell beside it, or
 * no line right over it, and stays where it is. Plain functions over plain data.
 */
import type { Frame } from './ruled-grid.js';
import type { TextFrag } from './text-items.js';

/** A fragment and the slot (row, column of the frame) its middle falls in. */
export interface PlacedFrag {
  frag: TextFrag;
  r: number;
  c: number;
}

/** How far (em) a line's top must stand above a rule to be cut by it, not merely touch it. */
const CUT_EM = 0.1;
/** Lines of one wrapped cell may overlap this much (em) by their estimated boxes. */
const OVERLAP_EM = 0.25;
/** Wrapped lines of one cell are printed at one size (within this share). */
const SIZE_SHARE = 0.15;

/**
 * The fragments placed in their cells, with every line clipped by the rule under its cell moved up
 * into that cell. `owner[r][c]` is the cell holding slot (r, c); `gapEm` the largest gap (em)
 * between the cell's line and the clipped one under it.
 */
export function liftClippedLines(placed: readonly PlacedFrag[], frame: Frame, owner: readonly (readonly number[])[], gapEm: number): PlacedFrag[] {
  const cellOf = (p: PlacedFrag) => owner[p.r][p.c];
  const byCell = new Map<number, PlacedFrag[]>();
  for (const p of placed) {
    const id = cellOf(p);
    const list = byCell.get(id);
    if (list) list.push(p);
    else byCell.set(id, [p]);
  }
  return placed.map((p) => {
    const { frag: f, r, c } = p;
    if (r < 1 || !frame.ruledY[r] || !frame.down[r - 1][c]) return p;
    if (frame.ys[r] - f.y0 < CUT_EM * f.size) return p;
    if ((byCell.get(cellOf(p)) ?? []).length > 1) return p;
    const above = owner[r - 1][c];
    if (above < 0 || above === cellOf(p)) return p;
    const over = (byCell.get(above) ?? []).filter((q) => q.frag.x0 < f.x1 && q.frag.x1 > f.x0 && Math.abs(q.frag.size - f.size) <= SIZE_SHARE * f.size);
    if (!over.length) return p;
    const last = over.reduce((a, b) => (b.frag.y1 > a.frag.y1 ? b : a)).frag;
    const gap = f.y0 - last.y1;
    if (gap < -OVERLAP_EM * f.size || gap > gapEm * f.size) return p;
    return { frag: f, r: r - 1, c };
  });
}
