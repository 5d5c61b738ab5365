/**
 * The code hierarchy, defined once for the validator (src/validate/hierarchy.ts) and for the
 * confirmation of unsure OCR readings (src/confirm): in each block of a table, per amount column,
 *   functional: 类 (3 digits) = Σ 款 (5), 款 = Σ 项 (7)   → hierarchy.functional
 *   economic:   类 (3) = Σ 款 (5)                          → hierarchy.economic
 * A code printed twice with different figures has no family (ambiguous: schema.code-duplicate), nor
 * has a parent one of whose children is such a code; a two-sided 基本支出 table has none.
 */
import type { Row, Table } from '../../schemas/document.js';

/** Rows per block ('' when the table is not side by side), in printed order. */
export function blocks(t: Table): Map<string, Row[]> {
  const m = new Map<string, Row[]>();
  for (const r of t.rows) {
    // 收入/支出 halves by name; two halves under the same headers (人员经费 | 公用经费) by position
    const k = r.block ?? (r.part !== undefined ? `part${r.part}` : '');
    if (!m.has(k)) m.set(k, []);
    m.get(k)!.push(r);
  }
  return m;
}

export function codeKindOf(r: Row): 'functional' | 'economic' | undefined {
  if (r.codeKind) return r.codeKind;
  if (!r.code) return undefined;
  if (/^2/.test(r.code)) return 'functional';
  if (/^[35]/.test(r.code)) return 'economic';
  return undefined;
}

/** The 决算 基本支出 table printed two-sided (人员经费 | 公用经费 side by side) but read as one row per line. */
export function twoSided(t: Table): boolean {
  if (!/basic_expenditure/.test(t.kind) || t.sideBySide) return false;
  const amounts = t.columns.filter((c) => c.role === 'amount').map((c) => c.path.join('/'));
  return t.columns.filter((c) => c.role === 'code').length > 1 || new Set(amounts).size < amounts.length;
}

export interface CodeFamily {
  rule: 'hierarchy.functional' | 'hierarchy.economic';
  level: '类' | '款';
  parent: Row;
  children: Row[];
}

/** parent = Σ children, for every amount column in which a child is printed (the caller reads the columns). */
export function codeFamilies(table: Table): CodeFamily[] {
  if (twoSided(table)) return [];
  const out: CodeFamily[] = [];
  for (const rows of blocks(table).values()) {
    const byCode = new Map<string, Row[]>();
    for (const r of rows) {
      if (!r.code || !/^\d{3}(\d{2}){0,2}$/.test(r.code)) continue;
      if (!byCode.has(r.code)) byCode.set(r.code, []);
      byCode.get(r.code)!.push(r);
    }
    const usable = (code: string): Row | undefined => {
      const rs = byCode.get(code);
      if (!rs) return undefined;
      // the same code twice with different figures: ambiguous (schema.code-duplicate reports it)
      const sig = (r: Row) => r.amounts.map((a) => `${a.column}=${a.value}`).join('|');
      return rs.every((r) => sig(r) === sig(rs[0])) ? rs[0] : undefined;
    };
    for (const code of byCode.keys()) {
      if (code.length >= 7) continue;
      const parent = usable(code);
      if (!parent) continue;
      const kind = codeKindOf(parent);
      if (!kind) continue;
      if (kind === 'economic' && code.length !== 3) continue;
      const childCodes = [...byCode.keys()].filter((c) => c.length === code.length + 2 && c.startsWith(code));
      if (!childCodes.length) continue;
      const children = childCodes.map(usable);
      if (children.some((c) => !c)) continue;
      out.push({ rule: kind === 'functional' ? 'hierarchy.functional' : 'hierarchy.economic', level: code.length === 3 ? '类' : '款', parent, children: children as Row[] });
    }
  }
  return out;
}
