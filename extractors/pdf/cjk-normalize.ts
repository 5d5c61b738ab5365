/**
 * Text normalisation: what the PDF's fonts map glyphs to is not always the character a reader sees.
 * Some producers map 门 to the radical ⻔ (CJK Radicals Supplement), which NFKC leaves alone; the
 * Kangxi radicals (U+2F00–U+2FDF) are covered by NFKC.
 */

/** CJK Radicals Supplement → the ordinary character (only those that stand for a whole character). */
export const RADICAL_MAP: Readonly<Record<string, string>> = {
  '\u2E8C': '小', '\u2E8D': '小', '\u2E97': '心', '\u2E9D': '月', '\u2E9E': '歹', '\u2E9F': '母',
  '\u2EA0': '民', '\u2EA7': '牛', '\u2EA9': '王', '\u2EAB': '目', '\u2EAC': '示', '\u2EB7': '羊',
  '\u2EBC': '月', '\u2EBD': '臼', '\u2EC1': '虎', '\u2EC3': '西', '\u2EC4': '西', '\u2EC5': '见',
  '\u2EC6': '角', '\u2EC7': '角', '\u2EC9': '贝', '\u2ECA': '足', '\u2ECB': '车', '\u2ED0': '钅',
  '\u2ED1': '長', '\u2ED2': '镸', '\u2ED3': '长', '\u2ED4': '门', '\u2ED7': '雨', '\u2ED8': '青',
  '\u2ED9': '韦', '\u2EDA': '页', '\u2EDB': '风', '\u2EDC': '飞', '\u2EDD': '食', '\u2EDF': '食',
  '\u2EE0': '饣', '\u2EE1': '首', '\u2EE2': '马', '\u2EE3': '骨', '\u2EE4': '鬼', '\u2EE5': '鱼',
  '\u2EE6': '鸟', '\u2EE7': '卤', '\u2EE8': '麦', '\u2EE9': '黄', '\u2EEA': '黾', '\u2EEB': '斉',
  '\u2EEC': '齐', '\u2EED': '歯', '\u2EEE': '齿', '\u2EEF': '竜', '\u2EF0': '龙', '\u2EF1': '龜',
  '\u2EF2': '亀', '\u2EF3': '龟',
};

const RADICAL_RE = /[\u2E80-\u2EFF]/g;

/** NFKC, then the radical map. Private-use and control characters pdf.js may leave are dropped. */
export function normalizeText(s: string): string {
  let t = s.normalize('NFKC');
  if (RADICAL_RE.test(t)) {
    RADICAL_RE.lastIndex = 0;
    t = t.replace(RADICAL_RE, (c) => RADICAL_MAP[c] ?? c);
  }
  RADICAL_RE.lastIndex = 0;
  // eslint-disable-next-line no-control-regex
  return t.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFEFF\u200B-\u200D]/g, '');
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
