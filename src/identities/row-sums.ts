/**
 * Row identities, defined once for the validator (src/validate/row-identities.ts) and for the
 * confirmation of unsure OCR readings (src/confirm): within one row, a 合计 / 小计 / 总计 column
 * equals the sum of its sibling columns (the columns under the same header parent, same block).
 * Columns are found by their header path:
 *   合计 = 基本支出 + 项目支出                          → row.basic-project
 *   合计 = 人员经费 + 公用经费                          → row.personnel-public
 *   合计 = 基本支出/人员经费 + 基本支出/公用经费 + 项目支出 → row.basic-project
 *   合计/小计 = 一般公共预算 + 政府性基金 + 国有资本经营 + … → row.sources
 * A sibling that is itself a group counts by its own 小计/合计 leaf, or else by the sum of its leaves.
 * Siblings worded 其中… are left out, and so are 上年结转/结余 columns beside a 本年… total.
 */
import type { Column, Row, Table } from '../../schemas/document.js';

const TOTAL_LEAF = /^(合计|小计|总计)$|合计$|总计$/;
const clean = (s: string) => s.replace(/\s+/g, '');

export interface RowIdentity {
  total: Column;
  /** each summand: one column, or the leaves of a group (summed) */
  summands: { name: string; columns: Column[] }[];
  rule: string;
}

export function rowIdentities(table: Table): RowIdentity[] {
  const cols = table.columns.filter((c) => c.role === 'amount' && c.path.length > 0);
  const key = (c: Column) => `${c.block ?? ''}|${c.path.map(clean).join('/')}`;
  const seen = new Map<string, number>();
  for (const c of cols) seen.set(key(c), (seen.get(key(c)) ?? 0) + 1);
  const out: RowIdentity[] = [];
  for (const t of cols) {
    const leafName = clean(t.path[t.path.length - 1]);
    if (!TOTAL_LEAF.test(leafName) || /^其中/.test(leafName)) continue;
    if ((seen.get(key(t)) ?? 0) > 1) continue; // the same header twice: cannot tell the columns apart
    const parent = t.path.slice(0, -1).map(clean);
    const under = cols.filter(
      (c) => c !== t && (c.block ?? '') === (t.block ?? '') && c.path.length > parent.length && parent.every((p, i) => clean(c.path[i]) === p),
    );
    const groups = new Map<string, Column[]>();
    for (const c of under) {
      const name = clean(c.path[parent.length]);
      if (/^其中/.test(name)) continue;
      if (/^本年/.test(leafName) && /结转|结余/.test(name)) continue;
      if (!groups.has(name)) groups.set(name, []);
      groups.get(name)!.push(c);
    }
    if (!groups.size) continue;
    if ([...groups.values()].some((g) => g.some((c) => (seen.get(key(c)) ?? 0) > 1))) continue;
    const summands: RowIdentity['summands'] = [];
    for (const [name, g] of groups) {
      if (g.length === 1 && g[0].path.length === parent.length + 1) {
        summands.push({ name, columns: g });
        continue;
      }
      const own = g.find((c) => c.path.length === parent.length + 2 && TOTAL_LEAF.test(clean(c.path[c.path.length - 1])));
      if (own) summands.push({ name, columns: [own] });
      else summands.push({ name, columns: g.filter((c) => !/^其中/.test(clean(c.path[c.path.length - 1]))) });
    }
    if (summands.length < 2 && summands.every((s) => s.columns.length < 2)) continue;
    const names = new Set(summands.map((s) => s.name));
    const leaves = new Set(summands.flatMap((s) => s.columns.map((c) => clean(c.path[c.path.length - 1]))));
    const rule =
      /three_public/.test(table.kind) && [...names].some((n) => /出国|接待|公务用车|购置|运行/.test(n))
        ? 'cross.three-public'
        : names.has('基本支出') && names.has('项目支出')
        ? 'row.basic-project'
        : leaves.has('人员经费') && leaves.has('公用经费')
          ? 'row.personnel-public'
          : 'row.sources';
    out.push({ total: t, summands, rule });
  }
  return out;
}

/** Whether a row is in the identity's block (a side-by-side table's 收入 rows have no 支出 total). */
export function rowIn(id: RowIdentity, row: Row): boolean {
  return (row.block ?? '') === (id.total.block ?? '') || !row.block || !id.total.block;
}
