/**
 * The recogniser's punctuation, made what the printed page shows. PP-OCR's dictionary mixes
 * half- and full-width forms and tends to answer ( ) , : ; for the full-width （ ） ， ： ； that
 * Chinese text prints; a text layer gives the full-width ones, and labels are matched on them.
 * A mark between two digits (1,633.00) is part of a number and stays as it is.
 */
const FULL: Record<string, string> = { '(': '（', ')': '）', ',': '，', ':': '：', ';': '；' };

const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';

export function fixOcrPunctuation(text: string): string {
  const chars = Array.from(text);
  return chars
    .map((c, i) => {
      const full = FULL[c];
      if (!full) return c;
      // commas and colons inside numbers (1,633 / 12:30) stay
      if ((c === ',' || c === ':') && isDigit(chars[i - 1]) && isDigit(chars[i + 1])) return c;
      // a whole label such as (1) keeps its form when nothing around it is CJK
      if (!/[\u3400-\u9fff（）]/.test(text)) return c;
      return full;
    })
    .join('');
}
