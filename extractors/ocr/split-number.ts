/**
 * One printed number read as pieces in neighbouring cells: the scanned 江苏省人大常委会办公厅 2019
 * budget (A3, small print) has 2,548.30 read as 2, | 548. | 30, each piece in a cell of its own.
 * The last piece looks like an amount (30) and would be emitted as certain under a column it does
 * not belong to; none of the pieces is the number. A piece ends in a separator (2, 548.) or starts
 * with one (.30); the cells next to it that hold only digits and separators are the rest of it.
 * Every cell of such a run is withheld and reported (apply-ocr.ts), never joined: which cells the
 * number spans, and so its column, is not known.
 */
const PIECE = /^(?:[\d,]*\d[.,]|[.,]\d[\d,.]*)$/;
const NUMBERLIKE = /^[\d,.]+$/;

const squeeze = (t: string) => t.replace(/\s+/g, '');

/** The indices of the cells of `texts` (one row, in column order) that are pieces of a number split across cells. */
export function splitNumberCells(texts: readonly string[]): number[] {
  const t = texts.map(squeeze);
  const out = new Set<number>();
  t.forEach((x, i) => {
    if (!PIECE.test(x)) return;
    // the run of number-like cells around the piece (empty cells end it: a column left blank is a column)
    let from = i;
    while (from > 0 && NUMBERLIKE.test(t[from - 1])) from--;
    let to = i;
    while (to < t.length - 1 && NUMBERLIKE.test(t[to + 1])) to++;
    if (to > from) for (let k = from; k <= to; k++) out.add(k);
  });
  return [...out].sort((a, b) => a - b);
}
