/**
 * Text normalisation shared by every stage. Printed labels come with line-wrap spaces
 * (访调对接人民调解委员会工作 经费), markup (<b>, **), full-width punctuation and odd
 * code points; comparisons and outputs use the normalised form, the printed text is kept too.
 */

const HAN = '\\p{Script=Han}';
// A run of spaces between two CJK characters (or CJK and CJK punctuation) is a wrap, not a word break.
const HAN_GAP = new RegExp(`(?<=[${HAN}\\u3000-\\u303f\\uff00-\\uffef])\\s+(?=[${HAN}\\u3000-\\u303f\\uff00-\\uffef])`, 'gu');

/** CJK Radicals Supplement code points that NFKC leaves alone but some PDFs print for ordinary characters. */
export const RADICALS: Readonly<Record<string, string>> = {
  '\u2E84': '乙', '\u2E86': '冂', '\u2E87': '几', '\u2E88': '刀', '\u2E8B': '卩', '\u2E8C': '小',
  '\u2E8D': '小', '\u2E8E': '兀', '\u2E95': '彐', '\u2E97': '心', '\u2E98': '手', '\u2E9B': '旡',
  '\u2E9D': '月', '\u2E9E': '歹', '\u2E9F': '母', '\u2EA0': '民', '\u2EA4': '爫', '\u2EA6': '丬',
  '\u2EA7': '牛', '\u2EA8': '犭', '\u2EA9': '王', '\u2EAA': '疋', '\u2EAB': '罒', '\u2EAC': '示',
  '\u2EAD': '礻', '\u2EAF': '纟', '\u2EB0': '纟', '\u2EB3': '罒', '\u2EB7': '羊', '\u2EBB': '聿', '\u2EBC': '月',
  '\u2EBD': '臼', '\u2EC0': '艹', '\u2EC1': '虎', '\u2EC3': '西', '\u2EC4': '西', '\u2EC5': '见',
  '\u2EC6': '角', '\u2EC7': '角', '\u2EC8': '讠', '\u2EC9': '贝', '\u2ECA': '足', '\u2ECB': '车',
  '\u2ECC': '辶', '\u2ECD': '辶', '\u2ECF': '阝', '\u2ED0': '钅', '\u2ED1': '长', '\u2ED2': '镸',
  '\u2ED3': '长', '\u2ED4': '门', '\u2ED6': '阝', '\u2ED7': '雨', '\u2ED8': '青', '\u2ED9': '韦',
  '\u2EDA': '页', '\u2EDB': '风', '\u2EDC': '飞', '\u2EDD': '食', '\u2EDF': '飠', '\u2EE0': '饣',
  '\u2EE1': '首', '\u2EE2': '马', '\u2EE3': '骨', '\u2EE4': '鬼', '\u2EE5': '鱼', '\u2EE6': '鸟',
  '\u2EE7': '卤', '\u2EE8': '麦', '\u2EE9': '黄', '\u2EEA': '黾', '\u2EEB': '斉', '\u2EEC': '齐',
  '\u2EED': '歯', '\u2EEE': '齿', '\u2EEF': '竜', '\u2EF0': '龙', '\u2EF1': '龜', '\u2EF2': '亀',
  '\u2EF3': '龟',
};
const RADICAL_RE = /[\u2E80-\u2EFF]/g;

// Compatibility characters that are encoding artefacts, not typography: Kangxi radicals,
// CJK compatibility ideographs, full-width digits and Latin letters, odd spaces. Full-width
// punctuation （）：， is left as printed.
const COMPAT_RE = /[\u2F00-\u2FDF\uF900-\uFAFF\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A\u00A0\u2000-\u200A\u3000\uFE30-\uFE4F]/g;

/**
 * Traditional or variant forms that a font's ToUnicode map (or NFKC of the Kangxi radical it
 * names) gives for a simplified character whose glyph the font shares: Noto Sans/Serif CJK SC
 * printed by Chromium map 户 to the radical ⼾, whose NFKC form is 戶. Found by printing every
 * character of the samples and the corpus through the fonts the sample scripts use
 * (docs/characters.md); 黃 and 靑 are the NFKC forms of ⿈ and ⾭ in the same way.
 */
export const VARIANTS: Readonly<Record<string, string>> = { '戶': '户', '黃': '黄', '靑': '青' };
const VARIANT_RE = /[戶黃靑]/g;

/**
 * The one character normaliser for text read from a text layer, applied before any matching:
 * NFKC for artefact code points, the radicals map, then the variant forms: the text as a reader
 * of a simplified-Chinese disclosure sees it.
 */
export function normalizeChars(s: string): string {
  return s
    .replace(COMPAT_RE, (c) => c.normalize('NFKC'))
    .replace(RADICAL_RE, (c) => RADICALS[c] ?? c)
    .replace(VARIANT_RE, (c) => VARIANTS[c] ?? c);
}

/** Strip inline markup a text rendering carries: <b>, <br>, **bold**, entities. */
export function stripMarkup(s: string): string {
  // most strings (every PDF cell) carry none: skip the seven passes
  if (!/[<*&]/.test(s)) return s;
  return s
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/<\/?[a-z][^>]*>/gi, '')
    .replace(/\*\*/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');
}

/** Collapse whitespace; remove wrap spaces between Han characters. */
export function cleanText(s: string): string {
  return stripMarkup(s).replace(/[\s\u00a0]+/g, ' ').trim().replace(HAN_GAP, '');
}
