/**
 * A character the recogniser dropped inside a label: the scanned 江苏省高级人民法院 2019 budget
 * (政府采购支出预算表) prints 修缮工程 and the recogniser read 修工程, every character at 0.99 — the 缮
 * left no trace in its probabilities, so no unsure place marks it (ocr-correct.ts, snap-words.ts).
 *
 * A whole cell read as one recognised line is that word of the vocabulary (vocabulary.ts) when the
 * read text is no word itself, and putting back one Chinese character inside it (never at either
 * end: a label's first or last character lost is the box's business, widen-box.ts, and 公务接待 is
 * a label of its own, not 公务接待费 short of its 费) makes exactly one word of at least four
 * characters. The edit is recorded (`ocr.corrected`).
 *
 * A dropped character leaves its ink: the line's box is a character wider than what was read
 * (修工程's box holds four characters by the page's other lines). A line whose box holds no more
 * than it read is left as read — a document can print a name otherwise than the vocabulary has it
 * (普陀区社会福利院 2024 prints 机关事业单位基本养老保险费, every character sure, in a box of thirteen
 * characters, and 缴 was put in: a wrong key).
 */
import { BUDGET_WORDS } from './vocabulary.js';

const HAN = /^\p{Script=Han}+$/u;
/** the shortest word a character is put back into: three characters must agree */
const MIN_WORD = 4;

/** the text a word reads with one inner character left out → the words it can be */
const SHORT_OF = new Map<string, Set<string>>();
for (const word of BUDGET_WORDS) {
  const chars = Array.from(word);
  if (chars.length < MIN_WORD || !HAN.test(word)) continue;
  for (let i = 1; i < chars.length - 1; i++) {
    const short = [...chars.slice(0, i), ...chars.slice(i + 1)].join('');
    SHORT_OF.set(short, (SHORT_OF.get(short) ?? new Set()).add(word));
  }
}

/** The one word `text` is with an inner character put back, or undefined. */
export function wordWithDroppedChar(text: string): string | undefined {
  if (!HAN.test(text) || BUDGET_WORDS.has(text)) return undefined;
  const words = SHORT_OF.get(text);
  return words?.size === 1 ? [...words][0] : undefined;
}

/** a recognised line: its text and box */
export interface LineBox {
  text: string;
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

const median = (xs: number[]) => {
  const v = xs.slice().sort((a, b) => a - b);
  return v.length % 2 ? v[(v.length - 1) / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
};
const count = (t: string) => Array.from(t).length;
const ratio = (l: LineBox) => (l.x1 - l.x0) / (l.y1 - l.y0);
/** lines of Chinese text this many or more, of two lengths or more, to measure a page's characters by */
const MIN_LINES = 5;

/**
 * How many characters a line's box holds, measured by the other lines of its page: a box's width over
 * its height grows by one step a character (one font on a page), from what the box's padding adds or
 * takes. Step and offset are the medians over the page's lines of Chinese text (Theil–Sen: a
 * wide-spaced header, a box taller than its line, a line short of a character do not move them).
 * Undefined where the page has too few lines to say.
 */
export function charsHeld(line: LineBox, page: readonly LineBox[]): number | undefined {
  const pts = page.filter((l) => l !== line && HAN.test(l.text) && count(l.text) >= 2 && l.y1 > l.y0).map((l) => ({ n: count(l.text), r: ratio(l) }));
  if (pts.length < MIN_LINES || new Set(pts.map((p) => p.n)).size < 2) return undefined;
  const slopes: number[] = [];
  for (let i = 0; i < pts.length; i++) for (let j = i + 1; j < pts.length; j++) if (pts[i].n !== pts[j].n) slopes.push((pts[j].r - pts[i].r) / (pts[j].n - pts[i].n));
  const step = median(slopes);
  if (!(step > 0)) return undefined;
  const offset = median(pts.map((p) => p.r - step * p.n));
  return (ratio(line) - offset) / step;
}

/** a box holding at least this much more than a line read has room for a character not read */
const ROOM = 0.5;

/**
 * The word a recognised line is with a dropped inner character put back, where its box has room for
 * that character (or its page too few lines to measure by); undefined otherwise.
 */
export function withDroppedChar(line: LineBox, page: readonly LineBox[]): string | undefined {
  const text = line.text.replace(/\s+/g, '');
  const word = wordWithDroppedChar(text);
  if (!word) return undefined;
  const held = charsHeld(line, page);
  return held === undefined || held - count(text) >= ROOM ? word : undefined;
}
