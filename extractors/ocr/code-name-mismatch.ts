/**
 * A subject code its row's name contradicts, on a page read by OCR. The recogniser can drop a
 * digit and be sure of the rest: 30309 奖励金 read 309, 30299 其他商品和服务支出 read 3029
 * (江苏省人大常委会办公厅 2019, A3). 309 is a code of its own (a 类 of the economic
 * classification), so the row is filed under a wrong code and nothing else points at it; 3029 is
 * no code at all and becomes part of the item. The name printed beside the code says more: when
 * the vocabulary knows the name (vocabulary.ts) and the code read is none of its codes, the code
 * cell is reported. Nothing is changed: the digits the recogniser did not read are not put in.
 */
import { codeAndNameCells, codesNamed } from './code-by-name.js';

export interface CodeNameMismatch {
  /** the index of the code cell in the row */
  at: number;
  code: string;
  name: string;
  /** the codes the vocabulary gives the name */
  codes: readonly string[];
}

/** The row's code cell (3–7 digits, the first cell with a digit) when the name after it is a known name of other codes only. */
export function codeNameMismatch(texts: readonly string[]): CodeNameMismatch | undefined {
  const cells = codeAndNameCells(texts);
  if (!cells) return undefined;
  const at = cells.codeAt;
  const code = texts[at].replace(/\s+/g, '');
  // a row number (1, 12) or an amount is no code
  if (!/^\d{3,7}$/.test(code)) return undefined;
  const name = texts[cells.nameAt].replace(/\s+/g, '');
  const codes = codesNamed(name);
  return codes.length && !codes.includes(code) && !sameItemUnderAnother(code, codes) ? { at, code, name, codes } : undefined;
}

/**
 * A 项 the classification names alike under every 款 (事业运行 is xxxxx50, 行政运行 xxxxx01): a
 * seven-digit code with the suffix all the name's codes share is that item under a 款 the
 * vocabulary has not seen (2200150 事业运行), not a code read wrong.
 */
function sameItemUnderAnother(code: string, codes: readonly string[]): boolean {
  return code.length === 7 && codes.every((c) => c.length === 7 && c.slice(5) === code.slice(5));
}
