/**
 * A ruled header band that holds two header rows: a spanning head over the column heads below it
 * (`All items` over `Number | Percent`, `Non-Hispanic white` over `Male | Female`), printed in one
 * band because the frame draws no rule between them and no vertical rules inside (the columns come
 * from the text, virtualColumns). Read as one row, each spanning head swallows its column heads.
 *
 * The sign of two rows rather than one wrapped cell: the upper lines cross a column boundary the
 * text itself shows (a head spanning two columns), the lower lines do not and stand in two or more
 * columns. A wrapped head (`一般公共预算` over `拨款` in one cell) crosses nothing, so it stays.
 */

export interface BandPiece {
  x0: number;
  x1: number;
}

export interface BandLine {
  y0: number;
  y1: number;
  pieces: readonly BandPiece[];
}

/** The column of x between sorted boundaries xs (xs[0] .. xs[n]). */
const columnOf = (xs: readonly number[], x: number) => Math.max(0, xs.findIndex((b, k) => k + 1 < xs.length && x >= b && x < xs[k + 1]));

/**
 * Where to cut a header band, or undefined: `lines` top to bottom, `xs` the frame's column
 * boundaries, `virtual` those of them that come from text; a piece crosses one when it reaches
 * more than `pad` points over it on both sides.
 */
export function headerBandSplit(lines: readonly BandLine[], xs: readonly number[], virtual: readonly number[], pad: number): number | undefined {
  if (lines.length < 2 || !virtual.length) return undefined;
  const crossing = (p: BandPiece) => virtual.some((x) => p.x0 < x - pad && p.x1 > x + pad);
  const i = lines.findIndex((l) => !l.pieces.some(crossing));
  if (i < 1 || lines.slice(i).some((l) => l.pieces.some(crossing))) return undefined;
  // each spanning head stands over heads in two or more of the columns it spans (else the upper
  // line is two column heads run together, `Sample Percent` over `size`)
  const below = lines.slice(i).flatMap((l) => l.pieces);
  const heads = lines.slice(0, i).flatMap((l) => l.pieces.filter(crossing));
  const spansHeads = (h: BandPiece) => {
    const [c0, c1] = [columnOf(xs, h.x0 + pad), columnOf(xs, h.x1 - pad)];
    return new Set(below.map((p) => columnOf(xs, (p.x0 + p.x1) / 2)).filter((c) => c >= c0 && c <= c1)).size >= 2;
  };
  if (!heads.every(spansHeads)) return undefined;
  return (lines[i - 1].y1 + lines[i].y0) / 2;
}
