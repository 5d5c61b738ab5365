/**
 * Rounding: how far a printed sum may be from the sum of its printed parts. Each printed figure is
 * rounded to its last digit, so a total of n parts may differ from their sum by up to n units of the
 * last printed digit (0.01 per summand in 万元 with two decimals, 1 per summand in 元). Such a
 * difference is reported as `info`; a larger one is an error of the document (or of its extraction).
 */
import { abs, add, cmp, dec, isDecimal, isZero, shift, sub, toPlainString, type Dec } from '../core/decimal.js';
import type { Unit } from '../../schemas/document.js';

export type Verdict =
  | { kind: 'equal'; diff: Dec; tolerance: Dec }
  | { kind: 'rounding'; diff: Dec; tolerance: Dec }
  | { kind: 'mismatch'; diff: Dec; tolerance: Dec };

export const ZERO: Dec = { units: 0n, scale: 0 };
export const ONE: Dec = { units: 1n, scale: 0 };

/** Parse a decimal string; undefined for anything that is not one. */
export function decOrUndef(s: string | undefined): Dec | undefined {
  if (s === undefined) return undefined;
  const t = s.trim();
  return isDecimal(t) ? dec(t) : undefined;
}

/** n × u, exactly. */
export function times(u: Dec, n: number): Dec {
  return { units: u.units * BigInt(Math.max(1, n)), scale: u.scale };
}

/**
 * One unit of the last printed digit for a group of figures of one table: 1 for 元 tables (cells
 * rounded to 元 sit next to cells with 分), otherwise the finest precision printed among them
 * (0.01 for 万元 with two decimals).
 */
export function unitOf(unit: Unit | undefined, values: Dec[]): Dec {
  if (unit === '元') return ONE;
  const scale = values.reduce((m, v) => Math.max(m, v.scale), 0);
  return { units: 1n, scale };
}

/** Compare a printed figure with what it should be, allowing `summands` units of rounding. */
export function reconcile(found: Dec, expected: Dec, summands: number, unit: Dec): Verdict {
  const diff = sub(found, expected);
  const tolerance = times(unit, summands);
  if (isZero(diff)) return { kind: 'equal', diff, tolerance };
  return cmp(abs(diff), tolerance) <= 0 ? { kind: 'rounding', diff, tolerance } : { kind: 'mismatch', diff, tolerance };
}

export function sumOf(xs: Dec[]): Dec {
  return xs.reduce((a, b) => add(a, b), ZERO);
}

/** A figure as a string without superfluous zeros, signed differences with an explicit +. */
export function show(d: Dec): string {
  return toPlainString(d);
}
export function showSigned(d: Dec): string {
  const s = toPlainString(d);
  return s.startsWith('-') ? s : `+${s}`;
}

/** 元 of a printed amount in the given unit, exactly. */
export function toYuan(value: Dec, unit: Unit | undefined): Dec {
  return unit === '万元' ? shift(value, 4) : value;
}

/** The rounding of one printed figure in 元: one unit of its last digit (0.01 万元 = 100 元). */
export function unitInYuan(value: Dec, unit: Unit | undefined): Dec {
  const u = unit === '元' ? ONE : { units: 1n, scale: value.scale };
  return toYuan(u, unit);
}

/**
 * A ratio a/b with the rounding of both printed figures: [min, max] of the percentage when each
 * figure may be off by half a unit of its last printed digit.
 */
export function percentRange(a: Dec, b: Dec): { nominal: number; min: number; max: number } | undefined {
  const f = (d: Dec) => Number(d.units) / 10 ** d.scale;
  const ha = 0.5 / 10 ** a.scale;
  const hb = 0.5 / 10 ** b.scale;
  const av = f(a);
  const bv = f(b);
  if (bv === 0) return undefined;
  const cands = [
    ((av - ha) / (bv - hb)) * 100,
    ((av - ha) / (bv + hb)) * 100,
    ((av + ha) / (bv - hb)) * 100,
    ((av + ha) / (bv + hb)) * 100,
  ].filter((x) => Number.isFinite(x));
  return { nominal: (av / bv) * 100, min: Math.min(...cands), max: Math.max(...cands) };
}
