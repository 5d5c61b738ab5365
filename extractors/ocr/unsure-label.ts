/**
 * A label read with a Chinese character the recogniser was unsure of, that no word of the
 * vocabulary (vocabulary.ts) confirms, is reported at its place: the recogniser reads look-alikes
 * (万 as 方 at 0.45 with 万 its runner-up at 0.38; 其他 as 具他, 服务 as 服冬: 江苏省政协办公厅 2019,
 * 政府采购), and a right amount under a misread item is a wrong fact to a reader. Nothing is changed:
 * where neither the vocabulary nor the code beside the label leaves exactly one reading
 * (ocr-correct.ts, snap-labels.ts, snap-words.ts), the label stays as read, with a warning.
 *
 * A character inside a vocabulary word is confirmed by it (科学技术支出 read with 支 at 0.6 is a
 * word, and so are the readings the vocabulary chose); digits and marks are not labels' business here
 * (an unsure digit withholds its number, apply-ocr.ts).
 */
import { covered } from './ocr-correct.js';

const HAN = /^\p{Script=Han}$/u;

/** The positions of the Chinese characters read below `minProb` that no vocabulary word covers. */
export function unsureLabelChars(chars: readonly string[], probs: readonly number[], minProb: number): number[] {
  if (chars.length !== probs.length) return [];
  const inWord = covered(chars);
  return chars.flatMap((c, i) => (HAN.test(c) && probs[i] < minProb && !inWord[i] ? [i] : []));
}

/** The warning's words: what was read, and the characters in doubt with their probabilities. */
export function unsureLabelMessage(page: number, text: string, chars: readonly string[], probs: readonly number[], at: readonly number[], minProb: number): string {
  const doubt = at.map((i) => `${chars[i]} ${probs[i].toFixed(2)}`).join(', ');
  return `page ${page}: "${text}" was read with characters below ${minProb} (${doubt}) that no word of the vocabulary confirms: the label may be misread`;
}
