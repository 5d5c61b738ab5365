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
