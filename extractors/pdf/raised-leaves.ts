/**
 * Header leaves printed above the header's bottom band are cells merged down over several header
 * rows (项目名称 and 合计 centred beside 2024年财政拨款 over 一般公共预算 | 政府性基金预算 | …; 合计 and
 * 会议费 beside “三公”经费 over two levels). A merged cell is centred on the rows it covers, so its
 * middle says from which level down it reaches: no spanning cell of those levels heads its column,
 * however that cell's text is centred.
 */
import { inBottomBand } from './header-spans.js';
import type { HeaderCell } from './stream-finder.js';

/**
 * For each column (of `leafOf`: column → its leaves) whose leaf is printed above the bottom band,
 * the first level (0 = top; of `levelTops`, each level's top y) it reaches up to: the one whose
 * top and the header's `bottom` have their middle nearest the leaf's.
 */
export function raisedColumns(leafOf: ReadonlyMap<number, readonly HeaderCell[]>, leaves: readonly HeaderCell[], levelTops: readonly number[], bottom: number, bandEm: number): Map<number, number> {
  const out = new Map<number, number>();
  if (leaves.length < 2 || !levelTops.length) return out;
  const inBand = inBottomBand(leaves, leaves[0].atoms[0]?.size ?? 10, bandEm);
  for (const [c, ls] of leafOf) {
    if (!ls.length || ls.some(inBand)) continue;
    const mid = (Math.min(...ls.map((l) => l.y0)) + Math.max(...ls.map((l) => l.y1))) / 2;
    let best = 0;
    levelTops.forEach((t, lv) => {
      if (Math.abs((t + bottom) / 2 - mid) < Math.abs((levelTops[best] + bottom) / 2 - mid)) best = lv;
    });
    out.set(c, best);
  }
  return out;
}
