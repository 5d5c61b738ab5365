/**
 * What each column holds: codes, 类/款/项 code parts, row labels, amounts or other text.
 * Decided from the header where it is explicit, else from what the body cells look like.
 */
import type { Column } from '../../schemas/document.js';
import { cleanText } from '../core/text.js';
import { readCell } from '../core/amount.js';
import { splitBlocks } from './blocks.js';
import type { HeaderLayout } from './header.js';
import { isCodeHeader, isLabelHeader, isRowNumberHeader } from './labels.js';

/** A subject code as the classification prints it: 类 201–239 (functional), 301–399 / 501–599 (economic). */
export function looksLikeSubjectCode(t: string): boolean {
  return /^(2[0-3]\d|3\d\d|5\d\d)(\d{2}){0,2}$/.test(t.replace(/\s+/g, ''));
}

/** Headers that name money, under which a 3-digit integer is an amount, not a code. */
const AMOUNT_HEADER = /(合计|小计|总计|金额|经费|费|支出|收入|资金|拨款|预算数|决算数|结转|结余|数)$/;
import type { Matrix } from './matrix.js';

export function classifyColumns(m: Matrix, h: HeaderLayout): Column[] {
  const body = m.rows.map((_, r) => r).filter((r) => !h.skipRows.has(r));
  return splitBlocks(splitCodeParts(m, body, classify(m, h, body)));
}

/**
 * 类 | 款 | 项 printed in three columns whose header row was not recognised (e.g. read as body):
 * a code column of 3-digit 类 followed by columns of 2-digit numbers is three code parts.
 */
function splitCodeParts(m: Matrix, body: number[], cols: Column[]): Column[] {
  // a 类/款/项 header cell may share a row with the first body row: not a value
  const values = (c: number) => body.map((r) => cleanText(m.rows[r][c]?.text ?? '')).filter((t) => t && !/^(类|款|项)$/.test(t));
  return cols.map((col, i) => {
    if (col.role === 'code-part') return col;
    const prev = cols[i - 1];
    const prev2 = cols[i - 2];
    const twoDigits = (c: number) => {
      const v = values(c);
      return v.length > 0 && v.every((t) => /^\d{2}$/.test(t));
    };
    const threeDigitCodes = (c: number) => {
      const v = values(c).filter((t) => /^\d+$/.test(t));
      return v.length > 0 && v.every((t) => /^\d{3}$/.test(t) && looksLikeSubjectCode(t));
    };
    if (col.role === 'code' && threeDigitCodes(col.index) && cols[i + 1] && twoDigits(cols[i + 1].index)) {
      return { ...col, role: 'code-part', codePart: '类' };
    }
    if (prev && twoDigits(col.index) && (prev.role === 'code' || prev.role === 'code-part') && threeDigitCodes(prev.index)) {
      return { ...col, role: 'code-part', codePart: '款' };
    }
    if (prev && prev2 && twoDigits(col.index) && twoDigits(prev.index) && threeDigitCodes(prev2.index)) {
      return { ...col, role: 'code-part', codePart: '项' };
    }
    return col;
  });
}

function classify(m: Matrix, h: HeaderLayout, body: number[]): Column[] {
  return h.paths.map((path, index) => {
    const leaf = (path[path.length - 1] ?? '').replace(/\s+/g, '');
    const part = h.split === undefined ? undefined : index < h.split ? 0 : 1;
    const block = h.splitKind !== 'income-expenditure' ? undefined : part === 0 ? ('收入' as const) : ('支出' as const);
    const base = { index, path, ...(part !== undefined ? { part } : {}), ...(block ? { block } : {}) };
    if (/^(类|款|项)$/.test(leaf)) return { ...base, role: 'code-part' as const, codePart: leaf as '类' | '款' | '项' };
    if (isCodeHeader(leaf)) return { ...base, role: 'code' as const };
    if (isRowNumberHeader(leaf)) return { ...base, role: 'text' as const };
    let amounts = 0;
    let codes = 0;
    let texts = 0;
    for (const r of body) {
      const t = cleanText(m.rows[r][index].text);
      if (!t) continue;
      const reading = readCell(t);
      if (reading.kind === 'amount') {
        if (looksLikeSubjectCode(t) && !AMOUNT_HEADER.test(leaf)) codes++;
        else amounts++;
      } else if (reading.kind === 'text') texts++;
    }
    if (isLabelHeader(leaf) && amounts === 0) return { ...base, role: 'label' as const };
    if (codes > 0 && amounts === 0 && codes >= texts) return { ...base, role: 'code' as const };
    if (amounts > 0 && amounts >= texts) return { ...base, role: 'amount' as const };
    if (texts > 0) return { ...base, role: 'label' as const };
    // nothing printed below: an empty amount column unless the header names labels
    return { ...base, role: isLabelHeader(leaf) || path.length === 0 && index === 0 ? ('label' as const) : ('amount' as const) };
  });
}
