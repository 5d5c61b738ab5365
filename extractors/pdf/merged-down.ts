/**
 * A label cell merged down several rows of a table printed without rules (a unit name beside the
 * twenty projects it runs, 一般公共预算资金 beside 小计 and 公共财政拨款): the text is printed once,
 * centred vertically over the rows it covers, and the column is blank on the other rows. Read by
 * where the text sits, it belongs to the rows whose middle it is printed at. Plain functions over
 * plain data, used by the stream finder's bodyRows.
 */
import type { GridRow } from '../../schemas/intermediate.js';
import { isAmount } from './aligned-grid.js';
import type { Interval } from './aligned-grid.js';

export interface Band {
  y0: number;
  y1: number;
}

/**
 * Two lines that both hold an amount in the same column are two printed rows, however close: a
 * merged label centred between them (示例区市场监督管理局 / （本级）) makes their boxes overlap, but
 * a cell holds one amount.
 */
export function amountsInOneColumn(a: readonly (Interval & { text: string })[], b: readonly (Interval & { text: string })[]): boolean {
  return a.some((p) => isAmount(p.text) && b.some((q) => isAmount(q.text) && Math.min(p.x1, q.x1) - Math.max(p.x0, q.x0) > 0));
}

/** The middle step between consecutive rows' middles: the table's row pitch. */
export function rowPitch(rows: readonly Band[]): number {
  const mids = rows.map((r) => (r.y0 + r.y1) / 2);
  const steps = mids
    .slice(1)
    .map((m, k) => m - mids[k])
    .sort((a, b) => a - b);
  return steps[Math.floor(steps.length / 2)];
}

/**
 * Row ranges `[first, last]` of one column's merged-down cells. `rows[k]`: row k's extent from its
 * other columns; `texts[k]`: the extent of the column's text in row k, undefined where the column is
 * blank, null where row k cannot take part (its cell there spans other columns). Rows holding lines
 * of one wrapped text (less than half a line apart) are one block; a block covers the widest range
 * of blank rows around it not yet taken by a range above whose middle is within `tolShare` of the row pitch of the text's middle
 * (ranges one row longer or shorter move their middle by half a pitch). Undefined unless every
 * blank row between the first and last texts is covered by exactly one range and one range at least
 * covers more than its own rows: a column with blanks no text is centred on is a column with empty
 * cells, not merged ones.
 */
export function mergedDownRanges(rows: readonly Band[], texts: readonly (Band | null | undefined)[], tolShare: number): [number, number][] | undefined {
  const n = rows.length;
  if (n < 3) return undefined;
  const pitch = rowPitch(rows);
  if (!(pitch > 0)) return undefined;
  const blocks: [number, number][] = [];
  for (let k = 0; k < n; k++) {
    const t = texts[k];
    if (!t) continue;
    const last = blocks[blocks.length - 1];
    const prev = last && last[1] === k - 1 ? texts[k - 1] : undefined;
    if (prev && t.y0 - prev.y1 < 0.5 * (t.y1 - t.y0)) last[1] = k;
    else blocks.push([k, k]);
  }
  const ranges: [number, number][] = [];
  const covered = new Array<boolean>(n).fill(false);
  for (const [b0, b1] of blocks) {
    const mid = (texts[b0]!.y0 + texts[b1]!.y1) / 2;
    let best: [number, number] = [b0, b1];
    for (let a = b0; a >= 0 && (a === b0 || (texts[a] === undefined && !covered[a])); a--) {
      for (let z = b1; z < n && (z === b1 || texts[z] === undefined); z++) {
        const off = Math.abs((rows[a].y0 + rows[z].y1) / 2 - mid);
        if (off <= tolShare * pitch && z - a > best[1] - best[0]) best = [a, z];
      }
    }
    for (let k = best[0]; k <= best[1]; k++) {
      if (covered[k]) return undefined;
      covered[k] = true;
    }
    ranges.push(best);
  }
  // blank rows before the first text or after the last may be a merged cell cut by the page break
  // (its text printed on the other page); between texts, each is covered
  const inner = (k: number) => k > blocks[0][1] && k < blocks[blocks.length - 1][0];
  const blanksCovered = blocks.length > 0 && texts.every((t, k) => t !== undefined || covered[k] || !inner(k));
  const grows = ranges.some(([a, z], i) => z - a > blocks[i][1] - blocks[i][0]);
  return blanksCovered && grows ? ranges : undefined;
}

/** The index of the cell starting at column `col` of a row (columns counted with colSpan), -1 when a cell spans over it. */
function cellAt(row: GridRow, col: number): number {
  let c = 0;
  for (let i = 0; i < row.cells.length; i++) {
    if (c === col) return i;
    c += row.cells[i].colSpan ?? 1;
    if (c > col) return -1;
  }
  return -1;
}

/**
 * The rows with column `col`'s merged-down cells made one cell each: the block's texts joined, set
 * (`textOf`) on the range's first row with its rowSpan (bbox over the range), and the cells it covers taken out.
 */
export function applyMergedDown(rows: readonly GridRow[], col: number, ranges: readonly [number, number][], textOf: (first: number, last: number) => string): GridRow[] {
  const out = rows.map((r) => ({ cells: [...r.cells] }));
  for (const [a, z] of ranges) {
    if (z === a) continue;
    const first = out[a].cells[cellAt(out[a], col)];
    const lastBox = out[z].cells[cellAt(out[z], col)].bbox;
    out[a].cells[cellAt(out[a], col)] = { ...first, text: textOf(a, z), rowSpan: z - a + 1, ...(first.bbox && lastBox ? { bbox: { ...first.bbox, y1: lastBox.y1 } } : {}) };
    for (let k = a + 1; k <= z; k++) out[k].cells.splice(cellAt(out[k], col), 1);
  }
  return out;
}
