/**
 * Characters the recogniser was unsure of, read again against the budget vocabulary: at each
 * uncertain place the recogniser's own runners-up are tried ('' = nothing printed there), and the
 * reading that leaves fewer of the line's characters outside budget words wins. Nothing else is ever put in: a
 * character that is not among the recogniser's own candidates cannot appear. Digits, and the
 * marks that belong to numbers, are never changed in either direction — an amount is read as
 * recognised, and its confidence decides whether it is trusted (apply-ocr.ts).
 */
import { BUDGET_WORDS, LONGEST_WORD } from './budget-lexicon.js';

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

/** How many characters lie inside a budget word. */
export function wordCoverage(chars: readonly string[]): number {
  const covered = new Uint8Array(chars.length);
  for (let i = 0; i < chars.length; i++) {
    let w = chars[i];
    for (let j = i + 1; j < Math.min(chars.length, i + LONGEST_WORD); j++) {
      w += chars[j];
      if (BUDGET_WORDS.has(w)) covered.fill(1, i, j + 1);
    }
  }
  return covered.reduce((n, v) => n + v, 0);
}

const charsOf = (tokens: readonly Token[]) => tokens.filter((t) => t.ch !== '').map((t) => t.ch);

export function correctReading(r: Reading): Reading {
  const chars = Array.from(r.text);
  if (chars.length !== r.probs.length || chars.length !== r.alts.length) return r;
  const tokens: Token[] = chars.map((ch, i) => ({ ch, p: r.probs[i] }));
  // a doubled 、 is a stutter of the recogniser: print never doubles it
  for (let i = tokens.length - 1; i > 0; i--) if (tokens[i].ch === '、' && tokens[i - 1].ch === '、') tokens[i] = { ch: '', p: tokens[i].p };
  const places = tokens
    .map((t, i) => ({ i, p: t.p }))
    .filter(({ i, p }) => p < UNSURE && WORDLIKE.test(tokens[i].ch) && !NUMERIC.test(tokens[i].ch))
    .sort((a, b) => a.p - b.p)
    .slice(0, MAX_PLACES)
    .map(({ i }) => i);
  const options: Token[][] = places.map((i) => [
    tokens[i],
    ...r.alts[i].filter((a) => (a.ch === '' ? tokens[i].p < DROP_BELOW && a.p >= MIN_BLANK : a.p >= MIN_ALT && !NUMERIC.test(a.ch) && a.ch !== ' ')),
  ]);
  // the characters outside budget words: fewer is better
  const outside = (t: readonly Token[]) => charsOf(t).length - wordCoverage(charsOf(t));
  let best = { tokens, out: outside(tokens), changes: 0 };
  const pick = new Array(places.length).fill(0);
  for (;;) {
    let k = 0;
    while (k < pick.length && ++pick[k] >= options[k].length) pick[k++] = 0;
    if (k >= pick.length) break;
    const cand = tokens.slice();
    places.forEach((i, n) => (cand[i] = options[n][pick[n]]));
    const out = outside(cand);
    const changes = pick.filter((x) => x > 0).length;
    // fewer characters outside budget words wins; among equals, fewer changes
    if (out < best.out || (out === best.out && best.changes > 0 && changes < best.changes)) best = { tokens: cand, out, changes };
  }
  const kept = best.tokens.map((t, i) => ({ t, alts: r.alts[i] })).filter(({ t }) => t.ch !== '');
  return { text: kept.map(({ t }) => t.ch).join(''), probs: kept.map(({ t }) => t.p), alts: kept.map(({ alts }) => alts) };
}
