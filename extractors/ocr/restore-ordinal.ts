/**
 * An ordinal a scan printed too light to be read (一 and 二 are one or two thin strokes), put back
 * only where its place in a numbered list says which it was. Two readings of a lost ordinal:
 *
 * - its 、 was read (、财政拨款, `lostOrdinal` in ocr-text.ts): an ordinal was printed there;
 * - nothing of it was read (一般公共预算 for 一、一般公共预算): the text starts about two characters
 *   to the right of where the column's numbered items start (二、政府性基金预算 below it), the
 *   width of 一、, or where their text starts after the ordinal (a font whose 、 is narrow) — the
 *   ink is there, too faint for the detector.
 *
 * Which ordinal it was is then read from the column's own numbering: the items between the numbered
 * ones above and below must be exactly as many as the numbers missing between them (、A before
 * 二、B is 一; 一、A, 、B, 三、C gives 二), a list with no number above starts at 一 (its items the
 * cells right above its first number, where a header above them looks like one more). Anything
 * else — two candidates for one number, a lost 、-less ordinal with no number after it — is left as
 * read (and a 、 with no ordinal stays reported).
 */

import type { GridCell, GridRow } from '../../schemas/intermediate.js';

const HAN_DIGITS = '一二三四五六七八九';
const NUMBERED = /^([一二三四五六七八九十]{1,3})、/u;
const COMMA_ONLY = /^、\s*\p{Script=Han}/u;
const STARTS_HAN = /^\p{Script=Han}/u;
/** a lost 一、 is two characters wide: the text starts this many characters right of the numbered ones */
const INDENT = [1.4, 2.6];
/**
 * … or, where the font prints 、 narrow (一、 1.4 characters wide, 江苏省委办公厅 2017), it starts where the
 * numbered items' text starts after their ordinal, within this many characters
 */
const AFTER_ORDINAL = 0.35;

/** 一 … 九十九 as a number; undefined for anything else */
export function hanNumber(s: string): number | undefined {
  const m = /^([一二三四五六七八九])?(十)?([一二三四五六七八九])?$/u.exec(s);
  if (!m || !s) return undefined;
  const d = (c?: string) => (c ? HAN_DIGITS.indexOf(c) + 1 : 0);
  if (!m[2]) return m[1] && !m[3] ? d(m[1]) : undefined;
  return (m[1] ? d(m[1]) : 1) * 10 + d(m[3]);
}

export function hanNumeral(n: number): string {
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return (tens > 1 ? HAN_DIGITS[tens - 1] : '') + (tens ? '十' : '') + (ones ? HAN_DIGITS[ones - 1] : '');
}

/** One cell of a column: its text, and where its first recognised box starts and how wide its characters are. */
export interface ColumnCell {
  text: string;
  /** the left edge of the cell's first recognised box, page points */
  x0?: number;
  /** that box's width per character */
  charWidth?: number;
  /** and how many characters it holds */
  chars?: number;
}

/** The cells of one column (top to bottom) whose lost ordinal the list gives: index → the text with it put back. */
export function restoreOrdinals(column: readonly ColumnCell[]): Map<number, string> {
  const squeeze = (t: string) => t.replace(/\s+/g, '');
  const numbered = column.map((c) => {
    const m = NUMBERED.exec(squeeze(c.text));
    return m ? hanNumber(m[1]) : undefined;
  });
  // where the numbered items start, and how wide a character is there
  const starts = column.filter((c, i) => numbered[i] !== undefined && c.x0 !== undefined && c.charWidth);
  const ref = starts.length ? Math.min(...starts.map((c) => c.x0!)) : undefined;
  const width = starts.length ? starts.map((c) => c.charWidth!).sort((a, b) => a - b)[Math.floor(starts.length / 2)] : undefined;
  // where a numbered item's text starts after its ordinal, measured in characters `cw` wide: its box's end less the characters after the 、
  const afterOrdinal = (cw: number) =>
    starts.filter((c) => c.chars).map((c) => c.x0! + c.charWidth! * c.chars! - (c.chars! - NUMBERED.exec(squeeze(c.text))![0].length) * cw);
  const kind = column.map((c, i): 'comma' | 'bare' | undefined => {
    const t = squeeze(c.text);
    if (numbered[i] !== undefined) return undefined;
    if (COMMA_ONLY.test(t)) return 'comma';
    if (!STARTS_HAN.test(t) || ref === undefined || width === undefined || c.x0 === undefined) return undefined;
    const indent = (c.x0 - ref) / width;
    if (indent >= INDENT[0] && indent <= INDENT[1]) return 'bare';
    const cw = c.charWidth;
    return cw && afterOrdinal(cw).some((x) => Math.abs(c.x0! - x) <= AFTER_ORDINAL * cw) ? 'bare' : undefined;
  });
  const out = new Map<number, string>();
  // each run of candidates between two numbered items (or before the first, or after the last)
  let prev: number | undefined;
  let run: number[] = [];
  const close = (next: number | undefined, at?: number) => {
    const from = prev ?? 0;
    // before the first number the list starts at 一: its items are the cells right above that number, and a
    // candidate further up (a header centred two characters in: 功能科目名称 over 、一般公共服务支出 and
    // 二、外交支出, 江苏省人大办公厅 2017) is no item of it
    if (prev === undefined && next !== undefined && at !== undefined && run.length > next - 1) {
      const items = Array.from({ length: next - 1 }, (_, k) => at - (next - 1) + k);
      if (items.every((i) => i >= 0 && kind[i])) run = items;
    }
    // the numbers missing between must be exactly the candidates; after the last number only a read 、 says an ordinal was printed
    const fits = next !== undefined ? next - from - 1 === run.length : run.every((i) => kind[i] === 'comma');
    if (run.length && fits && (prev !== undefined || next !== undefined)) {
      run.forEach((i, k) => out.set(i, `${hanNumeral(from + k + 1)}、${squeeze(column[i].text).replace(/^、/, '')}`));
    }
    run = [];
  };
  column.forEach((_, i) => {
    if (numbered[i] !== undefined) {
      close(numbered[i], i);
      prev = numbered[i];
    } else if (kind[i]) run.push(i);
  });
  close(undefined);
  return out;
}

/** the first recognised box of a cell: where its text starts, and what it reads */
export type FirstBox = (cell: GridCell) => { x0: number; x1: number; text: string } | undefined;

/**
 * The grid's lost ordinals put back, column by column (cells grouped by their left edge); each
 * changed cell with what it read before.
 */
export function restoreGridOrdinals(rows: readonly GridRow[], firstBox: FirstBox): { cell: GridCell; was: string }[] {
  const columns = new Map<number, GridCell[]>();
  for (const row of rows) {
    for (const cell of row.cells) {
      if (!cell.bbox || !cell.text.trim()) continue;
      const key = [...columns.keys()].find((x) => Math.abs(x - cell.bbox!.x0) < 3) ?? cell.bbox.x0;
      columns.set(key, [...(columns.get(key) ?? []), cell]);
    }
  }
  const out: { cell: GridCell; was: string }[] = [];
  for (const cells of columns.values()) {
    const column = cells.map((cell): ColumnCell => {
      const b = firstBox(cell);
      const n = b ? Array.from(b.text.replace(/\s+/g, '')).length : 0;
      return { text: cell.text, ...(b && n ? { x0: b.x0, charWidth: (b.x1 - b.x0) / n, chars: n } : {}) };
    });
    for (const [i, text] of restoreOrdinals(column)) {
      out.push({ cell: cells[i], was: cells[i].text });
      cells[i].text = text;
    }
  }
  return out;
}
