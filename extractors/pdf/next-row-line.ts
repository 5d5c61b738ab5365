/**
 * A merged label printed between two rows (示例区市场监管综合执 / 法大队, centred over a unit's
 * projects, falling between 标准化工作（执法大队）经费 and the next row) bridges them: the row above
 * overlaps its first line, and the upper line of the next row's wrapped label (产品质量监督抽查（执法
 * 大队） over 625,700.90) overlaps its last line, so the two rows would be read as one. A line that
 * touches the row above only through such a label, and straddles the next amount line, which cannot
 * be in the same row (an amount in a column the row already has one in), starts the next row. A
 * plain function over plain data, used by the stream finder's mergeOverlapping.
 */
import { isAmount } from './aligned-grid.js';
import { overlapsVertically } from './centred-rows.js';
import { amountsInOneColumn } from './merged-down.js';
import type { LinePiece, TextLine } from './text-items.js';

/**
 * Whether `line` belongs to the row of `next` rather than to the row `row` (the texts of the row so
 * far): it overlaps no amount of the row by `minOverlapEm` of a line, it overlaps `next`, and `next`
 * holds an amount in a column where the row has one.
 */
export function startsNextRow(row: readonly LinePiece[], line: TextLine, next: { line: TextLine; atoms: readonly LinePiece[] } | undefined, minOverlapEm: number): boolean {
  if (!next || !amountsInOneColumn(row, next.atoms)) return false;
  const amounts = row.filter((a) => isAmount(a.text));
  if (amounts.some((a) => overlapsVertically(line, { ...line, y0: a.y0, y1: a.y1, size: a.size }, minOverlapEm))) return false;
  return overlapsVertically(line, next.line, minOverlapEm);
}
