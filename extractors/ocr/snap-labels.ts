/**
 * A subject's name read against the name its printed code has (vocabulary.ts): a row of a scanned
 * table that prints 2013101 beside 行政运行 names one subject, and a label read one character off
 * (行政运fi) is that subject's name when — and only when — the recogniser itself was unsure of
 * every character that differs and the difference is small. The code is the anchor: digits are
 * never changed here (an unsure code is not read at all, apply-ocr.ts).
 */
import { isSubjectCode } from '../../src/core/subject-names.js';
import { SUBJECT_NAMES_BY_CODE } from './vocabulary.js';

/** a character recognised above this is taken as printed: a name that differs there is not the cell's */
export const SURE_CHAR = 0.95;


export interface Snap {
  text: string;
  /** the positions of the read text that were changed or dropped */
  changed: number[];
}

/**
 * The edit from `read` to `name` (substitutions and characters of `read` dropped; a character the
 * recogniser left out has no probability to say it was unsure, so none is put in), or undefined
 * when it is larger than `max` edits.
 */
export function edits(read: readonly string[], name: readonly string[], max: number): number[] | undefined {
  const n = read.length;
  const m = name.length;
  if (m > n || n - m > max) return undefined;
  // dp[i][j]: fewest edits turning read[0..i) into name[0..j), only substitutions and drops
  const INF = 1e9;
  const dp = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(INF));
  dp[0][0] = 0;
  for (let i = 1; i <= n; i++) {
    for (let j = 0; j <= Math.min(i, m); j++) {
      const drop = dp[i - 1][j] + 1;
      const sub = j > 0 ? dp[i - 1][j - 1] + (read[i - 1] === name[j - 1] ? 0 : 1) : INF;
      dp[i][j] = Math.min(drop, sub);
    }
  }
  if (dp[n][m] > max) return undefined;
  // walk back: which positions of `read` were changed or dropped
  const changed: number[] = [];
  let i = n;
  let j = m;
  while (i > 0) {
    if (j > 0 && dp[i][j] === dp[i - 1][j - 1] + (read[i - 1] === name[j - 1] ? 0 : 1)) {
      if (read[i - 1] !== name[j - 1]) changed.push(i - 1);
      i--;
      j--;
    } else {
      changed.push(i - 1);
      i--;
    }
  }
  return changed.reverse();
}

/**
 * The name of `code` that `read` is, given each character's probability; undefined when the read
 * text is already a name of the code, when no name is within a small edit made only at unsure
 * characters, or when two names are equally near (nothing is chosen between them).
 */
export function snapToSubjectName(code: string, read: string, probs: readonly number[]): Snap | undefined {
  const names = SUBJECT_NAMES_BY_CODE.get(code);
  const chars = Array.from(read);
  if (!names || !isSubjectCode(code) || chars.length !== probs.length || chars.length < 2) return undefined;
  if (names.includes(read)) return undefined;
  // one edit in a short name, one in four characters in a longer one
  const max = Math.max(1, Math.floor(chars.length / 4));
  let best: { name: string; changed: number[] } | undefined;
  let tie = false;
  for (const name of names) {
    const changed = edits(chars, Array.from(name), max);
    if (!changed || !changed.length || changed.some((i) => probs[i] >= SURE_CHAR)) continue;
    if (!best || changed.length < best.changed.length) {
      best = { name, changed };
      tie = false;
    } else if (changed.length === best.changed.length) tie = true;
  }
  return best && !tie ? { text: best.name, changed: best.changed } : undefined;
}
