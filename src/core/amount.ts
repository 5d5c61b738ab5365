/**
 * Reading a printed amount. Exact or nothing: a cell that is not unambiguously a number is
 * reported by the caller, never guessed.
 */
import { dec, shift, toString, type Dec } from './decimal.js';
import { normalizeChars, stripMarkup } from './text.js';

export type Unit = '元' | '万元';

/** 1,633,000.00 / 694.34 / -12.50 / 0 — thousands groups must be well-formed. */
const AMOUNT = /^[-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;
/** Printed placeholders for "nothing here". */
const BLANK = /^(?:-+|—+|–+|－+|\/|\*|无)?$/;

export type CellReading =
  | { kind: 'blank' }
  | { kind: 'amount'; value: string; dec: Dec }
  | { kind: 'text'; text: string };

export function normalizeAmountText(raw: string): string {
  return normalizeChars(stripMarkup(raw))
    .replace(/[\s\u00a0]+/g, '')
    .replace(/[−‒–﹣](?=\d)/g, '-')
    .replace(/，/g, ',');
}

/** Classify one cell of an amount column. */
export function readCell(raw: string): CellReading {
  const t = normalizeAmountText(raw);
  if (BLANK.test(t)) return { kind: 'blank' };
  let s = t;
  // (12.50) is an accountant's negative
  const paren = /^\((.*)\)$/.exec(s);
  if (paren && AMOUNT.test(paren[1])) s = `-${paren[1]}`;
  if (AMOUNT.test(s)) {
    const value = s.replace(/,/g, '');
    return { kind: 'amount', value, dec: dec(value) };
  }
  return { kind: 'text', text: t };
}

export function isAmountText(raw: string): boolean {
  return readCell(raw).kind === 'amount';
}

/** An amount with a decimal point or thousands separator: never a code, a year or a column number. */
export function isUnmistakableAmount(raw: string): boolean {
  const t = normalizeAmountText(raw);
  return AMOUNT.test(t) && /[.,]/.test(t);
}

/** The value in 元, exactly: 万元 shifts the decimal point four places. */
export function toYuan(value: string, unit: Unit | undefined): string | undefined {
  if (!unit) return undefined;
  const d = dec(value);
  return toString(unit === '万元' ? shift(d, 4) : d);
}

/** Read the unit from text such as 单位：万元, 金额单位:元, （单位：万元）. */
export function parseUnit(text: string): Unit | undefined {
  const t = normalizeChars(text).replace(/\s+/g, '');
  const m = /单位[:：]?(万元|元)/.exec(t);
  return m ? (m[1] as Unit) : undefined;
}
