/**
 * A running title with its page number in the page's margin band (`Projections of Education
 * Statistics to 2021    53`, `MMWR / January 14, 2011 / Vol. 60    63`): longer than the short
 * furniture lines, it read as a one-row table at the foot of every page (ICDAR 2013 us-017,
 * us-018, us-024, us-025). A line of words ending or starting with a separate page number (one to three
 * digits) is furniture. Lines with Han characters are left to the other rules: a 合计 row with its amount
 * can sit that low on a Chinese page.
 */
const HAN = /\p{Script=Han}/u;

/** Whether a margin-band line's pieces (left to right) are a running title and its page number. */
export function isRunningTitle(pieces: readonly string[]): boolean {
  if (pieces.length < 2 || pieces.some((t) => HAN.test(t))) return false;
  const page = (t: string) => /^\d{1,3}$/.test(t);
  const words = (t: string) => (t.match(/\p{L}{2,}/gu) ?? []).length >= 2;
  // the number after the title (odd pages) or before it (even pages)
  return (page(pieces[pieces.length - 1]) && words(pieces[0])) || (page(pieces[0]) && words(pieces[1]));
}
