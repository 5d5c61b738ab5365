/**
 * The identity of a 绩效目标表's funds, defined once for the validator (src/validate/project-funds.ts)
 * and for the confirmation of unsure OCR readings (src/confirm): in each period (实施期, 年度) the
 * total is the sum of the sources printed under it, when the sources are one of the known splits:
 *   资金总额 = 中央 + 省级 + 市县 + 单位自筹 (+ 其他资金)          (the 忻州 form)
 *   资金总额 = 财政拨款 + 上年结转 (+ 单位自筹) (+ 其他资金)        (the 普陀 form)
 * A form that prints sources of both splits, a source twice, no total, or fewer than two sources
 * has no identity here: its split is not known.
 */
import type { Funds } from '../../schemas/document.js';

type FundKey = keyof Funds;

/** The known splits of a total into its sources. */
const SPLITS: readonly (readonly FundKey[])[] = [
  ['central', 'provincial', 'local', 'self', 'other'],
  ['fiscal', 'carryover', 'self', 'other'],
];

export const PROJECT_FUNDS_RULE = 'performance.funds';

export interface FundCellKey {
  period: '实施期' | '年度';
  key: string;
}

export interface FundIdentity<C extends FundCellKey> {
  rule: typeof PROJECT_FUNDS_RULE;
  period: '实施期' | '年度';
  total: C;
  parts: C[];
}

/** The funds identities of one form's cells (sure or not: the caller says which it may use). */
export function projectFundIdentities<C extends FundCellKey>(cells: readonly C[]): FundIdentity<C>[] {
  const out: FundIdentity<C>[] = [];
  for (const period of ['实施期', '年度'] as const) {
    const here = cells.filter((c) => c.period === period);
    const totals = here.filter((c) => c.key === 'total');
    const parts = here.filter((c) => c.key !== 'total');
    if (totals.length !== 1 || parts.length < 2) continue;
    const keys = parts.map((c) => c.key as FundKey);
    if (new Set(keys).size !== keys.length) continue;
    const split = SPLITS.find((sp) => keys.every((k) => sp.includes(k)));
    if (!split) continue;
    // in the split's order, as the forms print them
    const ordered = [...parts].sort((a, b) => split.indexOf(a.key as FundKey) - split.indexOf(b.key as FundKey));
    out.push({ rule: PROJECT_FUNDS_RULE, period, total: totals[0], parts: ordered });
  }
  return out;
}
