/**
 * An unsure character read as the recogniser's runner-up where that makes its phrase the one the
 * same page prints elsewhere, read sure. A 政府采购 table prints a price band beside item after item:
 * 台式计算机（20万以下）, 打印设备（20万以下） read sure, and 便携式计算机（20方以下） with 方 at 0.45 and 万, its
 * runner-up, at 0.38 (江苏省政协办公厅 2019): the vocabulary knows no 20万以下, but the page does.
 *
 * Only where the recogniser was split: the character read below `minCharProb` (so it would be
 * reported as unsure, unsure-label.ts) and the runner-up at `MIN_ALT` or more; the phrase is the
 * character with two characters on either side, found in a line of the page every character of
 * which was read at `SURE` or above; the phrase as read must be found nowhere, and exactly one
 * runner-up's must be. Nothing else is put in; digits are never changed (they may be context).
 */
import type { Reading } from './ocr-correct.js';

const SURE = 0.95;
const MIN_ALT = 0.2;
/** characters of context on either side of the character */
const SIDE = 2;
const HAN = /^\p{Script=Han}$/u;

/** The lines of a page read sure throughout: what the page prints, as far as OCR can vouch for it. */
export function sureLines(lines: readonly { text: string; probs: readonly number[] }[]): string[] {
  return lines.filter((l) => l.probs.length === Array.from(l.text).length && l.probs.every((p) => p >= SURE)).map((l) => l.text.replace(/\s+/g, ''));
}

/** The reading with its split characters read as the page echoes them, and which positions changed; undefined when none. */
export function readAsPageEchoes(r: Reading, sure: readonly string[], minCharProb: number): { reading: Reading; changed: number[] } | undefined {
  const chars = Array.from(r.text);
  if (chars.length !== r.probs.length || chars.length !== r.alts.length) return undefined;
  const echoed = (i: number, ch: string) => {
    const phrase = [...chars.slice(i - SIDE, i), ch, ...chars.slice(i + 1, i + 1 + SIDE)].join('');
    return sure.some((t) => t.includes(phrase));
  };
  const out = chars.slice();
  const changed: number[] = [];
  for (let i = SIDE; i < chars.length - SIDE; i++) {
    if (!HAN.test(chars[i]) || r.probs[i] >= minCharProb || echoed(i, chars[i])) continue;
    const echoes = r.alts[i].filter((a) => HAN.test(a.ch) && a.p >= MIN_ALT && echoed(i, a.ch));
    if (echoes.length !== 1) continue;
    out[i] = echoes[0].ch;
    changed.push(i);
  }
  if (!changed.length) return undefined;
  return { reading: { text: out.join(''), probs: r.probs, alts: r.alts }, changed };
}
