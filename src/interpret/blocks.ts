/**
 * Side-by-side blocks inside one half of a table. Jiangsu's 收支预算总表 prints three blocks on
 * one row: 收入 | 支出 (功能分类) | 支出 (支出用途). The 支出 half holds two blocks, each a label
 * column followed by its own amount columns; a row label belongs to its own block only, and an
 * amount column belongs to the block of the label column on its left, whatever a misdrawn merged
 * header cell above it spans (江苏省高院 2019 p.8: the 支出用途 cell reaches over 功能分类's 金额).
 *
 * The facts contract keeps `block` to 收入 / 支出, so the two expenditure blocks share the block
 * name 支出 and are told apart by `part` (0, 1, 2 from left to right) and by their column paths
 * (功能分类 / 金额, 支出用途 / 金额).
 */
import type { Column } from '../../schemas/document.js';

const isLabelish = (c: Column) => c.role === 'label' || c.role === 'code' || c.role === 'code-part';

/**
 * Renumber `part` so that each block of an income-expenditure table is its own part: within a
 * half, a label column that comes after an amount column starts a new block. Two-block tables are
 * returned unchanged.
 */
export function splitBlocks(columns: Column[]): Column[] {
  if (!columns.some((c) => c.block)) return columns;
  const out: Column[] = [];
  let part = -1;
  let prev: Column | undefined;
  let blockLabel: Column | undefined;
  for (const col of columns) {
    const newHalf = !prev || prev.part !== col.part;
    const newBlock = newHalf || (isLabelish(col) && prev!.role === 'amount');
    if (newBlock) {
      part++;
      blockLabel = undefined;
    }
    if (isLabelish(col) && col.role === 'label') blockLabel = col;
    let path = col.path;
    // the amount's ancestors are its block's: the header over the block's label column
    const ancestors = blockLabel ? blockLabel.path.slice(0, -1) : [];
    if (col.role === 'amount' && ancestors.length && path.length === blockLabel!.path.length && path.slice(0, -1).join('\u0000') !== ancestors.join('\u0000')) {
      path = [...ancestors, path[path.length - 1]];
    }
    out.push({ ...col, path, part });
    prev = col;
  }
  // no half split into several blocks: keep the parts as they were
  const halves = new Set(columns.map((c) => c.part)).size;
  return part + 1 > halves ? out : columns;
}
