/**
 * Text normalisation for the PDF text layer: what the PDF's fonts map glyphs to is not always the
 * character a reader sees (some producers map 门 to the radical ⻔).
 */
import { normalizeChars } from '../../src/core/text.js';

/**
 * The PDF text normaliser: the shared character normalisation (src/core/text.ts: NFKC for encoding
 * artefacts such as Kangxi radicals and full-width digits, a map for the CJK radicals NFKC leaves,
 * full-width punctuation and ①② kept as printed), plus what only a text layer needs: separators
 * inside numbers folded (１，２３４．５０ → 1,234.50) and control characters dropped.
 */
export function normalizeText(s: string): string {
  return normalizeChars(s)
    .replace(/(\d)[．，](?=\d)/g, (m) => m[0] + (m[1] === '．' ? '.' : ','))
    .replace(/[－](?=\d)/g, '-')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFEFF\u200B-\u200D]/g, '');
}

/** A character that is written without spaces around it (Han, kana, CJK and full-width punctuation). */
export function isCjk(ch: string): boolean {
  const c = ch.codePointAt(0) ?? 0;
  return (
    (c >= 0x2e80 && c <= 0x9fff) || // radicals, CJK symbols and punctuation, kana, CJK unified
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xfe30 && c <= 0xfe4f) ||
    (c >= 0xff00 && c <= 0xffef) ||
    (c >= 0x20000 && c <= 0x3ffff) ||
    c === 0x201c || c === 0x201d || c === 0x2018 || c === 0x2019 || c === 0x2026 || c === 0x2014
  );
}

/**
 * Joins two pieces of one line or one cell: a space only where both sides are Latin/digit words
 * (`1,633,000.00 2,000.00` stays apart, `行政 运行` becomes `行政运行`).
 */
export function joinPieces(a: string, b: string): string {
  if (!a) return b;
  if (!b) return a;
  const l = a[a.length - 1];
  const r = b[0];
  if (l === ' ' || r === ' ') return a + b;
  return isCjk(l) || isCjk(r) ? a + b : `${a} ${b}`;
}

/** Collapses whitespace runs: removed next to CJK characters, one space between Latin/digit words. */
export function collapseSpaces(s: string): string {
  return s
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/ /g, (_m, off: number, str: string) => (isCjk(str[off - 1]) || isCjk(str[off + 1]) ? '' : ' '));
}
