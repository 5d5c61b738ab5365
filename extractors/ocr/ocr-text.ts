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
