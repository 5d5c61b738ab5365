/**
 * Across years: an organisation's documents linked year to year (same org and doc_kind, year − 1),
 * and the narrative's 比上年增加/减少 statements checked against the previous year's document.
 *
 * A statement “X 万元，比上年增加 Δ 万元” about a headline figure says the previous year's figure
 * was X − Δ; where the previous year's document is at hand, its printed figure is compared with that,
 * at the precision the statement prints (half a unit of X and of Δ). Rule `across.change`, a
 * warning: the previous year's figure may have been adjusted after publication (调整预算), so a
 * difference is a question for the reader, not proof of an error.
 */
import type { HeadlineFigure, NarrativeFigure } from '../../schemas/document.js';
import type { Finding } from '../../schemas/findings.js';
import { abs, add, cmp, dec, isDecimal, shift, sub, toPlainString, type Dec } from '../core/decimal.js';
import { finding } from '../validate/messages.js';

/** What the check needs of one document. */
export interface YearDoc {
  name: string;
  sha256: string;
  org?: string;
  year?: number;
  doc_kind?: string;
  headlines: { figure: string; basis?: string | null; value_yuan: string }[];
  narrative: NarrativeFigure[];
}

const key = (d: Pick<YearDoc, 'org' | 'doc_kind' | 'year'>) => `${d.org}\u0000${d.doc_kind}\u0000${d.year}`;

/**
 * Each document's previous-year document (same org and kind), among `docs` and `others` (e.g. the
 * database's). An organisation may publish one year in several files (the narrative and the tables
 * apart, as Jiangsu does): they are one document here, their headline figures together.
 */
export function previousYear(docs: YearDoc[], others: YearDoc[] = []): Map<string, YearDoc> {
  const byKey = new Map<string, YearDoc>();
  const seen = new Set<string>();
  for (const d of [...docs, ...others]) {
    if (!d.org || !d.doc_kind || !d.year || seen.has(d.sha256)) continue;
    seen.add(d.sha256);
    const k = key(d);
    const had = byKey.get(k);
    if (!had) byKey.set(k, { ...d, headlines: [...d.headlines] });
    else {
      had.name = `${had.name} + ${d.name}`;
      for (const h of d.headlines) if (!had.headlines.some((x) => x.figure === h.figure && (x.basis ?? '') === (h.basis ?? ''))) had.headlines.push(h);
    }
  }
  const out = new Map<string, YearDoc>();
  for (const d of docs) {
    if (!d.org || !d.doc_kind || !d.year) continue;
    const p = byKey.get(key({ ...d, year: d.year - 1 }));
    if (p) out.set(d.sha256, p);
  }
  return out;
}

/** The headline figure a statement's subject names; undefined when it names none (or a part such as 会议费). */
export function subjectFigure(subject: string): HeadlineFigure | undefined {
  const s = subject.replace(/\s+/g, '');
  if (/会议费|培训费/.test(s)) return undefined;
  if (/因公出国/.test(s)) return 'outbound_travel';
  if (/公务接待/.test(s)) return 'official_reception';
  if (/公务用车购置及运行/.test(s)) return 'official_vehicles';
  if (/公务用车/.test(s)) return undefined;
  if (/三公/.test(s)) return 'three_public_total';
  if (/机关运行经费/.test(s)) return 'operating_expenses';
  if (/财政拨款|一般公共预算|政府性基金|国有资本/.test(s)) return undefined;
  if (/基本支出/.test(s)) return 'basic_expenditure';
  if (/项目支出/.test(s)) return 'project_expenditure';
  if (/收入预算$|收入.{0,4}(总计|总额|合计)|收支.{0,6}总计|收入支出总计/.test(s)) return 'income_total';
  if (/^支出预算$|^支出(总计|合计)|支出.{0,4}(总计|总额)/.test(s)) return 'expenditure_total';
  return undefined;
}

const YUAN: Record<string, number> = { 元: 0, 万元: 4, 亿元: 8 };
const inYuan = (value: string, unit: string): Dec | undefined => (isDecimal(value) && unit in YUAN ? shift(dec(value), YUAN[unit]) : undefined);
/** half a unit of the last printed digit, in 元 */
const halfUnit = (value: string, unit: string): Dec => {
  const d = dec(value);
  return shift({ units: 5n, scale: d.scale + 1 }, YUAN[unit] ?? 0);
};
const wan = (yuan: Dec) => toPlainString(shift(yuan, -4));

/** The statements of `cur` about a figure of `prev`, checked. */
export function checkAcrossYears(cur: YearDoc, prev: YearDoc): Finding[] {
  const out: Finding[] = [];
  const final = /决算$/.test(cur.doc_kind ?? '');
  const prevYear = cur.year ? cur.year - 1 : undefined;
  const n = cur.narrative;
  for (let i = 0; i < n.length; i++) {
    const c = n[i];
    if (c.kind !== 'change' || !c.direction || c.unit === '%') continue;
    if (!(c.previous === '上年' || c.previous === '上一年' || (prevYear && c.previous === `${prevYear}年`))) continue;
    const figure = subjectFigure(c.subject);
    if (!figure) continue;
    // the amount the change is about: the figure of the same sentence with the change's subject
    let stated: NarrativeFigure | undefined;
    for (let j = i - 1; j >= 0 && n[j].sentence === c.sentence; j--) {
      if (n[j].kind === 'amount' && n[j].subject === c.subject) {
        stated = n[j];
        break;
      }
    }
    if (!stated || stated.unit === '%') continue;
    const x = inYuan(stated.value, stated.unit);
    const delta = inYuan(c.value, c.unit);
    const before = prev.headlines.find((h) => h.figure === figure && (!final || (h.basis ?? '决算数') === '决算数'));
    if (!x || !delta || !before || !isDecimal(before.value_yuan)) continue;
    const implied = c.direction === 'decrease' ? add(x, delta) : c.direction === 'increase' ? sub(x, delta) : x;
    const printed = dec(before.value_yuan);
    const diff = sub(printed, implied);
    const tolerance = add(halfUnit(stated.value, stated.unit), halfUnit(c.value, c.unit));
    if (cmp(abs(diff), tolerance) <= 0) continue;
    const word = c.direction === 'increase' ? '增加' : c.direction === 'decrease' ? '减少' : '持平';
    const where = { ...(c.page ? { page: c.page } : {}), sentence: c.sentence };
    out.push(
      finding(
        'across.change',
        'warning',
        where,
        `第${c.page ?? '?'}页 说明「${c.sentence}」：本年 ${stated.value}${stated.unit}、比上年${word} ${c.value}${c.unit}，即上年 ${wan(implied)}万元；上年文件「${prev.name}」印的是 ${wan(printed)}万元（相差 ${wan(diff)}万元）`,
        `p. ${c.page ?? '?'} narrative “${c.sentence}”: ${stated.value} ${stated.unit} with a change of ${c.direction === 'decrease' ? '-' : '+'}${c.value} ${c.unit} means ${wan(implied)} 万元 last year; last year's document “${prev.name}” prints ${wan(printed)} 万元 (difference ${wan(diff)} 万元)`,
        { expected: `${wan(printed)}万元`, found: `${wan(implied)}万元`, difference: `${wan(diff)}万元` },
      ),
    );
  }
  return out;
}
