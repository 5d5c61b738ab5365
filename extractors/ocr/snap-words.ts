/**
 * A header cell or a table title read one character off a header or title word of the vocabulary
 * (vocabulary.ts HEADER_WORDS: 金额, 收入预算总表, …) is that word, under the rules subject names
 * are snapped by (snap-labels.ts): only characters the recogniser was unsure of are changed or
 * dropped, one edit at most, and nothing is chosen between two words equally near. The recogniser
 * reads the wide-spaced 金  额 of a header as 金 客 额 (a third box, 客 at 0.77, in the gap) and
 * 收入 as 收人 (江苏省高级人民法院 2019): every fact under that column or title then has a key no
 * text layer gives.
 *
 * 人 and 入 are one glyph to the recogniser (a stroke's length apart; it reads either at 0.999), so
 * one read in place of the other counts as unsure — as 0 and O do for digits (ocr-correct.ts).
 * At least two characters must agree with the word besides the edit, so a two-character box is
 * never turned into another two-character word (余额 is not 金额). A text with a digit is snapped
 * only by a glyph pair (2026年部门收人预算总表): digits are never touched.
 */
import type { Reading } from './ocr-correct.js';
import { SURE_CHAR, edits } from './snap-labels.js';
import { lostOrdinal } from './ocr-text.js';
import { BUDGET_WORDS, HEADER_WORDS, isRegistryTitle, namesKind } from './vocabulary.js';

/** glyphs the recogniser takes for one another, however sure it says it is */
const SAME_GLYPH: Record<string, string> = { 人: '入', 入: '人' };

const WORDS_BY_LENGTH = new Map<number, string[]>();
for (const w of HEADER_WORDS) {
  const n = Array.from(w).length;
  WORDS_BY_LENGTH.set(n, [...(WORDS_BY_LENGTH.get(n) ?? []), w]);
}

export interface WordSnap {
  word: string;
  /** the position of the read characters that was changed or dropped */
  changed: number;
}

/** The header or title word `chars` (no spaces) is one unsure character off, if exactly one. */
export function snapHeaderWord(chars: readonly string[], probs: readonly number[]): WordSnap | undefined {
  const text = chars.join('');
  if (chars.length < 3 || chars.length !== probs.length || BUDGET_WORDS.has(text) || isRegistryTitle(text)) return undefined;
  // a 、 that opens the text is the mark of an ordinal whose numeral was not read (、一般公共预算, its 、 at
  // 0.87, 江苏省人大办公厅 2017 p. 6), not a character read in too much: it is what puts the ordinal back
  // (restore-ordinal.ts) or reports it, and the word it precedes is an item of a numbered list
  if (lostOrdinal(text)) return undefined;
  let best: WordSnap | undefined;
  let tie = false;
  // a title the registry knows by pattern only (收入(预算)?总表), one glyph of a pair off; or a
  // title naming no kind that names one with the glyph swapped, its year and the rest as read
  // (2026年部门收人预算总表, 普陀区司法局 2026: every fact of the table had a title no text layer gives)
  chars.forEach((ch, i) => {
    const other = SAME_GLYPH[ch];
    const swapped = other && [...chars.slice(0, i), other, ...chars.slice(i + 1)].join('');
    if (!swapped || !(isRegistryTitle(swapped) || (namesKind(swapped) && !namesKind(text)))) return;
    if (best) tie = true;
    else best = { word: swapped, changed: i };
  });
  // a text with a digit is snapped by the glyph pair only: a vocabulary word's edit never reaches a digit
  if (/\d/.test(text)) return best && !tie ? best : undefined;
  // the same length (one character read otherwise) or one longer (one character read in too much)
  for (const word of [...(WORDS_BY_LENGTH.get(chars.length) ?? []), ...(WORDS_BY_LENGTH.get(chars.length - 1) ?? [])]) {
    const w = Array.from(word);
    const changed = edits(chars, w, 1);
    if (!changed || changed.length !== 1) continue;
    const i = changed[0];
    const sameGlyph = w.length === chars.length && SAME_GLYPH[chars[i]] === w[i];
    if (probs[i] >= SURE_CHAR && !sameGlyph) continue;
    if (best?.word === word) continue;
    if (best) tie = true;
    else best = { word, changed: i };
  }
  return best && !tie ? best : undefined;
}

/** A recognised box that is one header or title word read one character off, read as that word. */
export function snapToHeaderWord(r: Reading): Reading {
  const all = Array.from(r.text);
  if (all.length !== r.probs.length || all.length !== r.alts.length) return r;
  const at = all.map((ch, i) => ({ ch, i })).filter(({ ch }) => ch.trim());
  const snap = snapHeaderWord(
    at.map(({ ch }) => ch),
    at.map(({ i }) => r.probs[i]),
  );
  if (!snap) return r;
  const kept = Array.from(snap.word).length === at.length ? at : at.filter((_, k) => k !== snap.changed);
  return { text: snap.word, probs: kept.map(({ i }) => r.probs[i]), alts: kept.map(({ i }) => r.alts[i]) };
}
