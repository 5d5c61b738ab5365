/**
 * The recogniser's punctuation, made what the printed page shows. PP-OCR's dictionary mixes
 * half- and full-width forms and tends to answer ( ) , : ; for the full-width （ ） ， ： ； that
 * Chinese text prints; a text layer gives the full-width ones, and labels are matched on them.
 * A mark between two digits (1,633.00) is part of a number and stays as it is. Straight double
 * quotes become the curly ones Chinese text prints (“三公”经费).
 */
const FULL: Record<string, string> = { '(': '（', ')': '）', ',': '，', ':': '：', ';': '；' };

/** Half-width marks made full-width, for comparing words of Chinese text whatever width was printed or read. */
export const widen = (s: string) => s.replace(/[(),:;]/g, (c) => FULL[c]);

/** The same text to a reader: only the width of marks or the form of quotes differs. */
export const sameReading = (a: string, b: string) => {
  const form = (s: string) => widen(s).replace(/[“”"]/g, '"');
  return form(a) === form(b);
};

const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';

export function fixOcrPunctuation(text: string): string {
  const chars = Array.from(text);
  let openQuote = false;
  const fixed = chars
    .map((c, i) => {
      // a straight double quote in Chinese text is a curly one: closing after an opening one
      if (c === '"' || c === '“' || c === '”') {
        if (!/[\u3400-\u9fff]/.test(text)) return c;
        const q = c === '"' ? (openQuote ? '”' : '“') : c;
        openQuote = q === '“';
        return q;
      }
      const full = FULL[c];
      if (!full) return c;
      // commas and colons inside numbers (1,633 / 12:30) stay
      if ((c === ',' || c === ':') && isDigit(chars[i - 1]) && isDigit(chars[i + 1])) return c;
      // a whole label such as (1) keeps its form when nothing around it is CJK
      if (!/[\u3400-\u9fff（）]/.test(text)) return c;
      return full;
    })
    .join('');
  // 一 is a lone stroke the detector easily leaves out or reads as a dash; 般 never starts a
  // label (一般…), and a dash never stands before it
  return fixed.replace(/^[-－—_]?般/, '一般');
}

/** a mark read alone, with the recogniser's runners-up */
interface LoneMark {
  text: string;
  probs: readonly number[];
  alts: readonly (readonly { ch: string; p: number }[])[];
}

const CLOSE = new Set(['）', ')']);

/**
 * A speck that is the closing bracket of the text before it: that text opens （ and leaves it
 * open (项目资金（元, its ） wrapped onto the next line of a narrow cell or cut off by the box), and the
 * recogniser itself read the speck as ） or had ） among its runners-up. The probability of ）
 * (both widths together), or undefined when it is no such mark. Nothing the recogniser did not
 * offer is put in.
 */
export function closingBracket(before: string, speck: LoneMark): number | undefined {
  const t = widen(before);
  const open = (t.match(/（/g) ?? []).length - (t.match(/）/g) ?? []).length;
  if (open <= 0 || Array.from(speck.text.trim()).length !== 1) return undefined;
  const ch = speck.text.trim();
  const p = (CLOSE.has(ch) ? speck.probs[Array.from(speck.text).indexOf(ch)] : 0) + (speck.alts.flat().filter((a) => CLOSE.has(a.ch)).reduce((n, a) => n + a.p, 0));
  return p > 0 ? p : undefined;
}

/**
 * A line that starts with the 、 of an ordinal and no ordinal before it (、项目支出): the ordinal's
 * character (一, 二: thin strokes a scan can leave too light for detection) was not read. Which one
 * it was cannot be told, so nothing is put in: the caller reports the line.
 */
export const lostOrdinal = (text: string) => /^\s*、\s*\p{Script=Han}/u.test(text);
