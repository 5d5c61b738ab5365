/**
 * A subject code read with an unsure digit, confirmed by the name printed beside it. In the
 * scanned 江苏省人大常委会办公厅 2019 budget (A3, small print) the codes 30114, 30205, 30301 … of
 * the economic tables were read right but with one or two digits at 0.6–0.75, so they were
 * withheld and every amount of their rows lost its code. The row says more than its code cell:
 * 30114 is printed beside 医疗费, read sure.
 *
 * The name confirms the reading when, among the codes the vocabulary gives that name
 * (vocabulary.ts: 医疗费 is 30114 and 30307), exactly one agrees with every digit the recogniser was
 * sure of, and it is the code read. A digit is never changed: a reading the name points away from
 * stays withheld, and so does one where two codes of that name fit (行政运行 is the name of a
 * 项 under every 款 of 201).
 */
import { isSubjectCode } from '../../src/core/subject-names.js';
import { SUBJECT_NAMES_BY_CODE } from './vocabulary.js';

/** below this a digit is not read at all: it is not the recogniser's reading */
const LEAST_DIGIT = 0.5;
/** at most this many unsure digits: the sure ones must still single the code out */
const MOST_UNSURE = 2;

/** name → the codes printed beside it */
const CODES_BY_NAME = new Map<string, string[]>();
for (const [code, names] of SUBJECT_NAMES_BY_CODE) for (const n of names) CODES_BY_NAME.set(n, [...(CODES_BY_NAME.get(n) ?? []), code]);

/** The codes the vocabulary gives a subject name (empty for a name it does not know). */
export function codesNamed(name: string): readonly string[] {
  return CODES_BY_NAME.get(name) ?? [];
}

/**
 * Whether `digits` (a code read with per-digit probabilities) is confirmed by `name`, a label read
 * sure in the same row: the name's only code that agrees with every sure digit (≥ minCharProb) is
 * the code read.
 */
export function codeNamedBy(digits: readonly string[], probs: readonly number[], name: string, minCharProb: number): boolean {
  const code = digits.join('');
  if (!isSubjectCode(code) || digits.length !== probs.length) return false;
  const unsure = probs.filter((p) => p < minCharProb);
  if (unsure.length > MOST_UNSURE || unsure.some((p) => p < LEAST_DIGIT)) return false;
  const fits = codesNamed(name).filter((c) => c.length === code.length && Array.from(c).every((d, i) => probs[i] < minCharProb || d === digits[i]));
  return fits.length === 1 && fits[0] === code;
}

/** a cell's characters (spaces left out) with their probabilities, when the recognised boxes give exactly its text */
export type CellChars = (i: number) => { chars: string[]; probs: number[] } | undefined;

/** Where a row prints its code and its name: the first cell with a digit, and the next cell with text after it. */
export function codeAndNameCells(texts: readonly string[]): { codeAt: number; nameAt: number } | undefined {
  const codeAt = texts.findIndex((t) => /\d/.test(t));
  const nameAt = codeAt < 0 ? -1 : texts.findIndex((t, j) => j > codeAt && t.trim());
  return nameAt < 0 ? undefined : { codeAt, nameAt };
}

/**
 * The index of the row's code cell when its unsure reading is confirmed by the name in the next
 * cell with text, read sure (every character at minCharProb or above, as a number must be); undefined otherwise.
 */
export function codeCellNamed(texts: readonly string[], charsOf: CellChars, minCharProb: number): number | undefined {
  const cells = codeAndNameCells(texts);
  if (!cells) return undefined;
  const code = charsOf(cells.codeAt);
  const label = charsOf(cells.nameAt);
  if (!code || !label || label.probs.some((p) => p < minCharProb)) return undefined;
  return codeNamedBy(code.chars, code.probs, label.chars.join(''), minCharProb) ? cells.codeAt : undefined;
}
