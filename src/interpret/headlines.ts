/**
 * The headline figures of a document: the numbers people quote (收入总计, 支出合计, 基本支出,
 * 项目支出, “三公”经费 and its three parts, 机关运行经费), each read from one printed cell and
 * traced to it (table, page, bbox, row, column). A figure the document does not print is absent,
 * never 0; a figure without a unit is absent too (its 元 value would be a guess).
 *
 * “三公”经费 is 三公 itself: Jiangsu's 收支 table adds 会议费 and 培训费 in its 合计 column, so the
 * total is `“三公”经费 / 小计` there and `“三公”经费预算数 / 合计` in Shanghai — the column under
 * the 三公 header, never the table's outer 合计.
 *
 * 决算 documents print 预算数 and 决算数 side by side: each is its own figure (basis).
 */
import type { Amount, Document, Headline, HeadlineFigure, Row, Table } from '../../schemas/document.js';
import { splitPeriod } from '../util/period.js';
import { toYuan } from '../core/amount.js';
import { splitOrdinal } from './labels.js';

const norm = (s: string) => s.replace(/\s+/g, '').replace(/（/g, '(').replace(/）/g, ')').replace(/[“”"]/g, '');
/** The column path without its year, as normalised segments. */
const segments = (a: Amount) => splitPeriod(a.path).measure.split(' / ').map(norm).filter(Boolean);
const itemOf = (r: Row) => norm(splitOrdinal(r.labels.filter((l) => l.trim()).pop() ?? r.item).rest);

const BASIS = /^(年初)?(预算数|决算数)$/;
const TOTAL_COL = /^(合计|小计|金额|预算数|决算数|本年支出合计|支出合计)$/;

/** A path that ends with the measure `re` names, followed at most by a 小计 and a 预算数/决算数 leaf. */
function endsWith(segs: string[], re: RegExp): boolean {
  let i = segs.length - 1;
  if (i >= 0 && BASIS.test(segs[i])) i--;
  if (i >= 1 && segs[i] === '小计' && re.test(segs[i - 1])) return true;
  return i >= 0 && re.test(segs[i]);
}

/** The row that holds a table's totals: a 合计/总计 row, else the only row with amounts (a one-row table). */
function totalRow(t: Table, item: RegExp = /^(合计|总计|部门合计)$/): Row | undefined {
  const total = t.rows.find((r) => !r.code && r.amounts.length && item.test(itemOf(r)));
  if (total) return total;
  const withAmounts = t.rows.filter((r) => r.amounts.length);
  return withAmounts.length === 1 && !withAmounts[0].code ? withAmounts[0] : undefined;
}

interface Spec {
  figure: HeadlineFigure;
  kinds: RegExp;
  /** the cells of this figure in a table of one of the kinds */
  cells: (t: Table) => { row: Row; amount: Amount }[];
}

/** A figure printed as a column of the table's total row (Shanghai 三公, every 支出总表). */
function column(re: RegExp, rowItem?: RegExp, block?: string) {
  return (t: Table) => {
    const rows = block ? t.rows.filter((r) => r.block === block) : t.rows;
    const row = totalRow({ ...t, rows }, rowItem);
    if (!row) return [];
    return row.amounts.filter((a) => re.test(segments(a).join('/'))).map((amount) => ({ row, amount }));
  };
}

/** Under the 三公 header: a wide table (三公 / 合计, 三公 / 因公出国…), or a long one (rows 因公出国…, 合计). */
function threePublic(part: RegExp | 'total') {
  return (t: Table) => {
    const wide = t.columns.some((c) => c.path.some((p) => /三公/.test(p)));
    if (wide) {
      const row = totalRow(t);
      if (!row) return [];
      return row.amounts
        .filter((a) => {
          const segs = segments(a);
          const at = segs.findIndex((s) => /三公/.test(s));
          if (at < 0) return false;
          const rest = segs.slice(at + 1);
          if (part === 'total') {
            // “三公”经费 / 合计, “三公”经费 / 小计, “三公”经费预算数 / 合计 (/ 决算数)
            return rest.length >= 1 && /^(合计|小计)$/.test(rest[0]) && rest.slice(1).every((s) => BASIS.test(s));
          }
          return rest.length >= 1 && endsWith(rest, part);
        })
        .map((amount) => ({ row, amount }));
    }
    const row = part === 'total' ? totalRow(t, /^(合计|总计|“?三公”?经费(合计)?)$/) : t.rows.find((r) => !r.code && r.amounts.length && part.test(itemOf(r)) && itemOf(r).replace(part, '').length <= 2);
    if (!row) return [];
    const totals = row.amounts.filter((a) => TOTAL_COL.test(segments(a).pop() ?? ''));
    return (totals.length ? totals : row.amounts.slice(0, 1)).map((amount) => ({ row, amount }));
  };
}

const SUMMARY = /^(budget_summary|final_income_expenditure_summary)$/;
const EXPENDITURE = /^(expenditure_summary|final_expenditure)$/;
const THREE_PUBLIC = /^(three_public_expenses|three_public_and_operating_expenses|final_three_public_expenses)$/;

const SPECS: Spec[] = [
  {
    figure: 'income_total',
    kinds: SUMMARY,
    // 收入总计 (the whole income side, with 上年结转) where printed, else the side's 合计
    cells: (t) => {
      const side = t.rows.filter((r) => r.block === '收入' && !r.code && r.amounts.length);
      const row = side.find((r) => /^(收入)?总计$/.test(itemOf(r))) ?? side.find((r) => /^(收入)?合计$/.test(itemOf(r)));
      return row ? row.amounts.map((amount) => ({ row, amount })) : [];
    },
  },
  { figure: 'expenditure_total', kinds: EXPENDITURE, cells: column(/(^|\/)(合计|本年支出合计|支出合计)$/) },
  { figure: 'basic_expenditure', kinds: EXPENDITURE, cells: column(/(^|\/)基本支出$/) },
  { figure: 'project_expenditure', kinds: EXPENDITURE, cells: column(/(^|\/)项目支出$/) },
  { figure: 'three_public_total', kinds: THREE_PUBLIC, cells: threePublic('total') },
  { figure: 'outbound_travel', kinds: THREE_PUBLIC, cells: threePublic(/^因公出国\(境\)费?$/) },
  { figure: 'official_reception', kinds: THREE_PUBLIC, cells: threePublic(/^公务接待费$/) },
  { figure: 'official_vehicles', kinds: THREE_PUBLIC, cells: threePublic(/^公务用车购置及运行(维护)?费$/) },
  {
    figure: 'operating_expenses',
    kinds: /^(three_public_and_operating_expenses|operating_expenses|final_operating_expenses)$/,
    cells: (t) => {
      if (t.kind === 'three_public_and_operating_expenses') return column(/^机关运行经费(预算数|决算数|支出)?$/)(t);
      const row = totalRow(t);
      if (!row) return [];
      const totals = row.amounts.filter((a) => /^(合计|机关运行经费(支出|预算数|决算数)?|预算数|决算数|金额)$/.test(segments(a).pop() ?? ''));
      return totals.slice(0, 1).map((amount) => ({ row, amount }));
    },
  },
];

function basisOf(a: Amount, final: boolean): Headline['basis'] {
  if (!final) return undefined;
  const segs = segments(a);
  if (segs.some((s) => /决算数/.test(s))) return '决算数';
  if (segs.some((s) => /预算数/.test(s))) return '预算数';
  return '决算数';
}

export function headlineFigures(doc: Pick<Document, 'tables' | 'docKind'>): Headline[] {
  const final = /决算$/.test(doc.docKind ?? '');
  const out: Headline[] = [];
  const seen = new Set<string>();
  for (const spec of SPECS) {
    doc.tables.forEach((t, index) => {
      if (!spec.kinds.test(t.kind) || !t.unit) return;
      for (const { row, amount } of spec.cells(t)) {
        const basis = basisOf(amount, final);
        // 预算 documents: one figure; 决算: one per basis. The first table that prints it wins.
        const key = `${spec.figure}|${basis ?? ''}`;
        if (seen.has(key)) continue;
        const yuan = toYuan(amount.value, t.unit);
        if (!yuan) continue;
        seen.add(key);
        out.push({
          figure: spec.figure,
          value: amount.value,
          unit: t.unit,
          value_yuan: yuan,
          table: index,
          table_kind: t.kind,
          ...(amount.page ?? row.page ? { page: amount.page ?? row.page } : {}),
          ...(amount.bbox ? { bbox: amount.bbox } : {}),
          row: row.index,
          column: amount.path,
          ...(basis ? { basis } : {}),
        });
      }
    });
  }
  return out;
}
