/**
 * A header cell merged over several columns is printed centred over them, but its text may lie
 * over one of them only (2024年预算数 over 合计 | 一般公共预算 | 政府性基金预算 | 国有资本经营预算 is
 * printed over the third). Leaves printed in the header's bottom band only are headed by something
 * above them: with one merged cell above, it heads every such leaf beside it, up to a leaf that
 * reaches up over both bands (项目, printed between them).
 */
import type { HeaderCell } from './stream-finder.js';

/**
 * The header cells with the one merged cell (if there is exactly one, alone on its lines) widened over the bottom-band
 * leaves next to it. `isLeaf(c)`: nothing is printed under c. `bandEm`: how far (em) a leaf's top
 * may be above the lowest leaf top and still be in the bottom band.
 */
export function claimBottomLeaves(cells: readonly HeaderCell[], isLeaf: (c: HeaderCell, all: readonly HeaderCell[]) => boolean, bandEm: number): HeaderCell[] {
  const leaves = cells.filter((c) => isLeaf(c, cells)).sort((a, b) => a.x0 - b.x0);
  const uppers = cells.filter((c) => !leaves.includes(c));
  if (uppers.length !== 1 || !leaves.length) return [...cells];
  const u = uppers[0];
  const size = u.atoms[0]?.size ?? 10;
  const lowest = Math.max(...leaves.map((l) => l.y0));
  // alone on its level: no other text printed on its lines (收入 beside 支出 heads columns of its own);
  // a leaf centred between the bands (项目 merged down both rows) reaches into the bottom one
  if (leaves.some((l) => Math.min(l.y1, u.y1) - Math.max(l.y0, u.y0) > 0 && l.y1 <= lowest)) return [...cells];
  const inBand = inBottomBand(leaves, size, bandEm);
  const bottom = (l: HeaderCell) => l.y0 >= u.y1 && inBand(l);
  const mid = (c: HeaderCell) => (c.x0 + c.x1) / 2;
  let x0 = u.x0;
  let x1 = u.x1;
  // leaves left of the merged cell's middle, nearest first, then those right of it
  const leftOf = leaves.filter((l) => mid(l) < mid(u)).reverse();
  const rightOf = leaves.filter((l) => mid(l) >= mid(u));
  for (const side of [leftOf, rightOf]) {
    for (const l of side) {
      if (!bottom(l)) break;
      x0 = Math.min(x0, l.x0);
      x1 = Math.max(x1, l.x1);
    }
  }
  return cells.map((c) => (c === u ? { ...u, x0, x1 } : c));
}

/**
 * Whether a leaf is printed in the header's bottom band: its top within `bandEm` of the lowest
 * leaf top, or its middle within `bandEm` of that leaf's middle (a wrapped leaf centred on the
 * bottom band's line, 财政专户管理资 / 金 around 合计 | 一般公共预算). A leaf printed between the bands
 * (项目, merged down both rows) starts higher and is centred higher.
 */
export function inBottomBand(leaves: readonly HeaderCell[], size: number, bandEm: number): (l: HeaderCell) => boolean {
  const lowest = Math.max(...leaves.map((l) => l.y0));
  const low = leaves.find((l) => l.y0 === lowest);
  const bandMid = low ? (low.y0 + low.y1) / 2 : 0;
  return (l) => lowest - l.y0 <= bandEm * size || Math.abs((l.y0 + l.y1) / 2 - bandMid) <= bandEm * size;
}
