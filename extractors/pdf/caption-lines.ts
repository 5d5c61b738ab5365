/**
 * Text that runs on into the line above a table. A caption wrapped over two lines (`Table 14.
 * Actual and projected numbers … 2003–04` over `through 2021–22`, ICDAR 2013 us-017, us-018), or
 * a paragraph whose last line is short (`and the average fraction of wealth lost are reported.`,
 * eu-026): the long line above is never taken for a header line, but the short one under it is,
 * and the table grows a row of caption or prose over its heads. A line of one text right under a
 * caption line (one that starts like `captionStart`) and indented past its start, or right under a
 * long line of prose (more than `maxChars` characters, one text) and starting where it starts with
 * a line of several texts right under it (within an em), no further below it than a line's leading, goes on with it.
 */
export interface RunOnLine {
  text: string;
  x0: number;
  y0: number;
  y1: number;
  size: number;
  /** how many far-apart texts the line holds */
  pieces: number;
}

/** Per line, whether it goes on with the caption or the paragraph printed on the line above. */
export function captionContinuations(lines: readonly RunOnLine[], captionStart: string, maxChars: number): boolean[] {
  const re = new RegExp(captionStart, 'i');
  const caption = lines.map(() => false);
  const prose = lines.map(() => false);
  const nextClose = (k: number) => {
    const next = lines[k + 1];
    return !!next && next.pieces >= 2 && next.y0 - lines[k].y1 < next.size;
  };
  for (let k = 1; k < lines.length; k++) {
    const [above, l] = [lines[k - 1], lines[k]];
    if (l.pieces !== 1 || l.y0 - above.y1 >= 0.5 * l.size) continue;
    caption[k] = (re.test(above.text) || caption[k - 1]) && l.x0 > above.x0 + 0.5 * l.size;
    // (only right over a line of several texts, a table's: a paragraph's last line elsewhere is left as it was)
    prose[k] = above.pieces === 1 && above.text.length > maxChars && Math.abs(l.x0 - above.x0) <= 0.2 * l.size && nextClose(k);
  }
  return lines.map((_, k) => caption[k] || prose[k]);
}
