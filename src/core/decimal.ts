/**
 * Exact decimal arithmetic on printed amounts. Amounts are never floats: a value is a BigInt of
 * minor units with a scale (number of decimals), so 694.34 + 0.01 is exactly 694.35 and the
 * printed precision (8.40 has scale 2) is kept.
 */
export interface Dec {
  readonly units: bigint; // value × 10^scale
  readonly scale: number;
}

const DECIMAL = /^([+-]?)(\d+)(?:\.(\d+))?$/;

/** Parse a canonical decimal string ("1633000", "-12.50"); throws on anything else. */
export function dec(s: string): Dec {
  const m = DECIMAL.exec(s.trim());
  if (!m) throw new Error(`not a decimal: ${JSON.stringify(s)}`);
  const frac = m[3] ?? '';
  const units = BigInt(m[2] + frac) * (m[1] === '-' ? -1n : 1n);
  return { units, scale: frac.length };
}

export function isDecimal(s: string): boolean {
  return DECIMAL.test(s.trim());
}

function rescale(a: Dec, scale: number): bigint {
  return a.units * 10n ** BigInt(scale - a.scale);
}

export function add(a: Dec, b: Dec): Dec {
  const scale = Math.max(a.scale, b.scale);
  return { units: rescale(a, scale) + rescale(b, scale), scale };
}

export function sub(a: Dec, b: Dec): Dec {
  return add(a, neg(b));
}

export function neg(a: Dec): Dec {
  return { units: -a.units, scale: a.scale };
}

export function abs(a: Dec): Dec {
  return a.units < 0n ? neg(a) : a;
}

export function sum(xs: Iterable<Dec>): Dec {
  let acc: Dec = { units: 0n, scale: 0 };
  for (const x of xs) acc = add(acc, x);
  return acc;
}

export function cmp(a: Dec, b: Dec): number {
  const scale = Math.max(a.scale, b.scale);
  const d = rescale(a, scale) - rescale(b, scale);
  return d < 0n ? -1 : d > 0n ? 1 : 0;
}

export function isZero(a: Dec): boolean {
  return a.units === 0n;
}

/** Multiply by 10^k exactly (k may be negative: the scale grows instead of losing digits). */
export function shift(a: Dec, k: number): Dec {
  if (k >= 0) {
    const take = Math.min(k, a.scale);
    return { units: a.units * 10n ** BigInt(k - take), scale: a.scale - take };
  }
  return { units: a.units, scale: a.scale - k };
}

/** Canonical string, keeping the scale (trailing zeros as printed). */
export function toString(a: Dec): string {
  const negative = a.units < 0n;
  let digits = (negative ? -a.units : a.units).toString();
  if (a.scale > 0) {
    digits = digits.padStart(a.scale + 1, '0');
    digits = `${digits.slice(0, -a.scale)}.${digits.slice(-a.scale)}`;
  }
  return negative ? `-${digits}` : digits;
}

/** Shortest string with the same value (1633000.00 → 1633000). */
export function toPlainString(a: Dec): string {
  let s = toString(a);
  if (s.includes('.')) s = s.replace(/0+$/, '').replace(/\.$/, '');
  return s === '-0' ? '0' : s;
}

/** a ÷ b as a float, for percentages only (ratios are reported, never summed). */
export function ratio(a: Dec, b: Dec): number {
  const scale = Math.max(a.scale, b.scale);
  return Number(rescale(a, scale)) / Number(rescale(b, scale));
}
