/**
 * Labels wrapped over two lines with their amounts centred between them (LibreOffice: 食品安全抽检
 * （执法大队）经 / 656,430.00 / 费): the lower line of one row's label and the upper line of the
 * next row's sit close together, one under the other, like the lines of one wrapped cell. They are
 * not: the first hugs the amount line above it, the second the amount line below it. A plain
 * function over plain data, used by the stream finder's mergeOverlapping.
 */
import { isAmount } from './aligned-grid.js';
import type { TextLine } from './text-items.js';

interface Line {
  line: TextLine;
  atoms: readonly { text: string }[];
}

const hasAmount = (l: Line) => l.atoms.some((a) => isAmount(a.text));
const close = (upper: TextLine, lower: TextLine, em: number) => lower.y0 - upper.y1 < em * Math.min(upper.size, lower.size);

/**
 * Lines k and k + 1, neither with an amount, belong to two rows: line k right under an amount line
 * (k − 1) and line k + 1 right over one (k + 2), each within `em` of it.
 */
export function wrappedBetweenRows(lines: readonly Line[], k: number, em: number): boolean {
  const [above, upper, lower, below] = [lines[k - 1], lines[k], lines[k + 1], lines[k + 2]];
  if (!above || !upper || !lower || !below) return false;
  if (hasAmount(upper) || hasAmount(lower) || !hasAmount(above) || !hasAmount(below)) return false;
  return close(above.line, upper.line, em) && close(lower.line, below.line, em);
}
