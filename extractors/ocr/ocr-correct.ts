/**
 * Characters the recogniser was unsure of, read again against the budget vocabulary: at each
 * uncertain place the recogniser's own runners-up are tried ('' = nothing printed there), and the
 * reading that puts more of the line's characters inside budget words wins (so a character is
 * dropped or changed only where that makes a word: an unknown name keeps its characters). Nothing else is ever put in: a
 * character that is not among the recogniser's own candidates cannot appear. Digits, and the
 * marks that belong to numbers, are never changed in either direction — an amount is read as
 * recognised, and its confidence decides whether it is trusted (apply-ocr.ts); the one reading of
 * digits here is that glyphs a reader takes for one digit (0 and O) are one digit (readDigits), and
 * the readings of an amount's grouping comma that leave its value one separator (readSeparators).
 */
import { widen } from './ocr-text.js';
import { BUDGET_WORDS, LONGEST_WORD } from './vocabulary.js';

export interface Reading {
  text: string;
  probs: number[];
  alts: { ch: string; p: number }[][];
}

interface Token {
  ch: string;
  p: number;
}

/** below this a character is open to another reading */
const UNSURE = 0.95;
/** a runner-up below this is not a reading */
const MIN_ALT = 0.005;
/** nothing-printed-here is a reading only where the character is this unsure and the blank this likely */
const DROP_BELOW = 0.7;
const MIN_BLANK = 0.2;
/** at most this many uncertain places are tried together (3^4 = 81 readings) */
const MAX_PLACES = 4;

const NUMERIC = /[0-9.,%\-－]/;
const WORDLIKE = /[\u3400-\u9fff、，（）]/;
/** a dash in Chinese text, away from digits, is often 一 read flat (-般公共预算) */
const DASH = /[-－—_]/;
const DIGIT = /[0-9]/;

/** Glyphs that are one digit to a reader of a number: the full-width form, and for 0 the letter O. */
const SAME_DIGIT: Record<string, string> = { '０': '0', '１': '1', '２': '2', '３': '3', '４': '4', '５': '5', '６': '6', '７': '7', '８': '8', '９': '9', O: '0', o: '0', '〇': '0' };
const digitOf = (c: string) => (DIGIT.test(c) ? c : SAME_DIGIT[c]);
/** a box that can only be a number: digits, number marks, and O-like glyphs */
const NUMBER_BOX = /^[\s0-9０-９Oo〇.,%\-－]+$/;

/** a box of one character read below this is not text: a speck, or what is left of a rule */
export const NOISE = 0.5;

/**
 * The probability that each digit is that digit: the recogniser splits its belief between glyphs
 * a reader takes for one digit (0, O, o), so a lone 0 read at 0.55 with O at 0.35 is a 0 at 0.9.
 * In a box that can only be a number, an O-like glyph whose digit reading is likelier is that digit.
 */
export function readDigits(r: Reading): Reading {
  const chars = Array.from(r.text);
  if (chars.length !== r.probs.length || chars.length !== r.alts.length) return r;
  const numberBox = NUMBER_BOX.test(r.text) && chars.some((c) => DIGIT.test(c));
  const probs = r.probs.slice();
  const out = chars.map((c, i) => {
    const d = DIGIT.test(c) ? c : numberBox || chars.length === 1 ? SAME_DIGIT[c] : undefined;
    if (d === undefined) return c;
    const mass = r.probs[i] + r.alts[i].filter((a) => a.ch !== c && digitOf(a.ch) === d).reduce((n, a) => n + a.p, 0);
    // an O is a 0 only where the number reading has most of the recogniser's belief
    if (c !== d && mass < 0.5) return c;
    probs[i] = Math.min(1, mass);
    return d;
  });
  return readSeparators({ text: out.join(''), probs, alts: r.alts });
}

/** what a thousands separator can be read as without changing the number: a comma of either width, a point, or nothing */
const SEPARATOR = new Set([',', '，', '.', '。', ' ', '']);
/** an amount with thousands groups and a decimal part (3,468.54): its grouping commas, read otherwise, leave the value or no number */
const GROUPED = /^\d{1,3}(?:[,，]\d{3})+\.\d+$/;

/**
 * The probability that each grouping comma of an amount is a separator: the recogniser splits its
 * belief between a comma's two widths, a point and no mark at all (3,468.54 with its comma at 0.78
 * and ， at 0.18; 江苏省人大常委会办公厅 2019), and none of those changes the amount — with a decimal
 * part after it, a point there is no number and no mark is the same number. Only where the digits
 * around it are what they are: the belief it gives a digit is not added.
 */
export function readSeparators(r: Reading): Reading {
  const at = Array.from(r.text)
    .map((ch, i) => ({ ch, i }))
    .filter(({ ch }) => ch.trim());
  if (!GROUPED.test(at.map(({ ch }) => ch).join('')) || r.probs.length !== Array.from(r.text).length) return r;
  const point = at.findIndex(({ ch }) => ch === '.');
  const probs = r.probs.slice();
  for (const { ch, i } of at.slice(0, point)) {
    if (ch !== ',' && ch !== '，') continue;
    probs[i] = Math.min(1, r.probs[i] + (r.alts[i] ?? []).filter((a) => SEPARATOR.has(a.ch)).reduce((n, a) => n + a.p, 0));
  }
  return { text: r.text, probs, alts: r.alts };
}

/**
 * a box of one mark (punctuation or a symbol: no character, digit or letter) read below this is not text either:
 * a mark is small, and a speck or the sliver of a character a box cut off reads as one — the 计 of
 * 合计 given a box of its own 3 pt wide was read · at 0.51 (江苏省高级人民法院 2019, 政府采购)
 */
export const MARK_NOISE = 0.8;
const MARK = /^[\p{P}\p{S}]$/u;

/** A box of one character the recogniser was unsure of is no reading: it is left out, and reported (apply-ocr.ts). */
export function isNoise(r: Reading): boolean {
  const chars = Array.from(r.text.trim());
  if (chars.length !== 1) return false;
  const p = r.probs[Array.from(r.text).indexOf(chars[0])];
  return p < NOISE || (p < MARK_NOISE && MARK.test(chars[0]));
}

/** Which characters lie inside a budget word. */
export function covered(read: readonly string[]): Uint8Array {
  const chars = read.map(widen);
  const cov = new Uint8Array(chars.length);
  for (let i = 0; i < chars.length; i++) {
    let w = chars[i];
    for (let j = i + 1; j < Math.min(chars.length, i + LONGEST_WORD); j++) {
      w += chars[j];
      if (BUDGET_WORDS.has(w)) cov.fill(1, i, j + 1);
    }
  }
  return cov;
}

/** How many characters lie inside a budget word. */
export function wordCoverage(read: readonly string[]): number {
  return covered(read).reduce((n, v) => n + v, 0);
}

/**
 * The characters inside budget words, a dropped one counted with them when it stood against a
 * word (十三、石农林水支出: 石 was not printed); a dropped one between unknown characters gains
 * nothing, so a name the vocabulary does not know keeps its characters.
 */
function coverage(tokens: readonly Token[]): number {
  const kept = tokens.map((t, i) => ({ t, i })).filter(({ t }) => t.ch !== '');
  const cov = covered(kept.map(({ t }) => t.ch));
  const at = new Map(kept.map(({ i }, k) => [i, cov[k]]));
  let n = cov.reduce((s, v) => s + v, 0);
  tokens.forEach((t, i) => {
    if (t.ch !== '') return;
    let l = i - 1;
    while (l >= 0 && tokens[l].ch === '') l--;
    let r = i + 1;
    while (r < tokens.length && tokens[r].ch === '') r++;
    if ((l >= 0 && at.get(l)) || (r < tokens.length && at.get(r))) n++;
  });
  return n;
}

const charsOf = (tokens: readonly Token[]) => tokens.filter((t) => t.ch !== '').map((t) => t.ch);

const isWordlike = (c: string) => WORDLIKE.test(c) && !NUMERIC.test(c);
/** a dash with no digit beside it (2023-2024 keeps its dash) */
const isTextDash = (tokens: readonly Token[], i: number) => DASH.test(tokens[i].ch) && !DIGIT.test(tokens[i - 1]?.ch ?? '') && !DIGIT.test(tokens[i + 1]?.ch ?? '');

export function correctReading(r: Reading): Reading {
  const chars = Array.from(r.text);
  if (chars.length !== r.probs.length || chars.length !== r.alts.length) return r;
  const tokens: Token[] = chars.map((ch, i) => ({ ch, p: r.probs[i] }));
  // a doubled 、 is a stutter of the recogniser: print never doubles it
  for (let i = tokens.length - 1; i > 0; i--) if (tokens[i].ch === '、' && tokens[i - 1].ch === '、') tokens[i] = { ch: '', p: tokens[i].p };
  const places = tokens
    .map((t, i) => ({ i, p: t.p }))
    .filter(({ i, p }) => p < UNSURE && (isWordlike(tokens[i].ch) || isTextDash(tokens, i)))
    .sort((a, b) => a.p - b.p)
    .slice(0, MAX_PLACES)
    .map(({ i }) => i);
  const options: Token[][] = places.map((i) => [
    tokens[i],
    ...r.alts[i].filter((a) => (a.ch === '' ? tokens[i].p < DROP_BELOW && a.p >= MIN_BLANK : a.p >= MIN_ALT && !NUMERIC.test(a.ch) && a.ch !== ' ')),
  ]);
  // the characters inside budget words: more is better
  const inside = coverage;
  let best = { tokens, covered: inside(tokens), changes: 0 };
  const pick = new Array(places.length).fill(0);
  for (;;) {
    let k = 0;
    while (k < pick.length && ++pick[k] >= options[k].length) pick[k++] = 0;
    if (k >= pick.length) break;
    const cand = tokens.slice();
    places.forEach((i, n) => (cand[i] = options[n][pick[n]]));
    const covered = inside(cand);
    const changes = pick.filter((x) => x > 0).length;
    // more characters inside budget words wins; among equals, fewer changes
    if (covered > best.covered || (covered === best.covered && best.changes > 0 && changes < best.changes)) best = { tokens: cand, covered, changes };
  }
  const kept = best.tokens.map((t, i) => ({ t, alts: r.alts[i] })).filter(({ t }) => t.ch !== '');
  return { text: kept.map(({ t }) => t.ch).join(''), probs: kept.map(({ t }) => t.p), alts: kept.map(({ alts }) => alts) };
}
