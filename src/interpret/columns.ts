/**
 * What each column holds: codes, 类/款/项 code parts, row labels, amounts or other text.
 * Decided from the header where it is explicit, else from what the body cells look like.
 */
import type { Column } from '../../schemas/document.js';
import { cleanText } from '../util/text.js';
import { readCell } from './amount.js';
import type { HeaderLayout } from './header.js';
import { isCode, isCodeHeader, isLabelHeader, isRowNumberHeader } from './labels.js';
import type { Matrix } from './matrix.js';

export function classifyColumns(m: Matrix, h: HeaderLayout): Column[] {
  const body = m.rows.map((_, r) => r).filter((r) => !h.skipRows.has(r));
  return h.paths.map((path, index) => {
    const leaf = (path[path.length - 1] ?? '').replace(/\s+/g, '');
    const block = h.split === undefined ? undefined : index < h.split ? ('收入' as const) : ('支出' as const);
    const base = { index, path, ...(block ? { block } : {}) };
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
        if (isCode(t) && !/[.,]/.test(t)) codes++;
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
