/**
 * The narrative against itself and against the tables:
 *   narrative.amount     an amount the narrative states for a table figure (收入支出总计, 基本支出, 项目支出,
 *                        人员经费, 公用经费, “三公”经费, 机关运行经费, a subject by its (NNN类)(NN款)(NN项) code)
 *   narrative.item       the same item stated with two amounts ("(01项)56.12万元 … 2026年预算安排57.8万元")
 *   narrative.growth     增长/下降 Y% recomputed from the stated figures: previous = current − change and
 *                        rate = change / previous, or from the stated previous and current figures
 *   narrative.share      占 Z% recomputed from the part and the whole it is a share of
 *   narrative.class-name a 类 name in the narrative that differs from the tables
 *   narrative.comparison 决算数大于/小于/等于预算数 against the two figures just stated
 * Every figure is compared at the precision it is printed with (interval arithmetic on half units).
 */
import type { Document, NarrativeFigure, Table } from '../../schemas/document.js';
import type { Finding } from '../../schemas/findings.js';
import { dec, isDecimal, type Dec } from '../core/decimal.js';
import { agreeFinding, compareFigs, grandTotal, roleKinds, tablesOf, type Fig } from './figures.js';
import { finding, type Where } from './messages.js';
import { show } from './rounding.js';
import { isMoneyPath, norm, valueOf } from './tables.js';
import { leaf } from '../util/column-path.js';
import { blocks } from '../identities/code-families.js';
import { isTotalRow, itemText } from '../identities/total-rows.js';

type NF = NarrativeFigure & { i: number };

interface Group {
  sentence: string;
  page?: number;
  figs: NF[];
}

const FIG = /(-?\d[\d,]*(?:\.\d+)?)\s*(万元|亿元|元|%)/g;
const CHANGE_BEFORE = /(增加|减少|增长|下降|上升|降低|提高|减)了?约?$/;

/**
 * Figures of one sentence, re-read against the sentence: a figure whose digits are broken by
 * spaces in the text ("1 3 , 297.11万元", a text-layer artefact) is marked garbled and left out,
 * and an amount right after 增加/减少 is a change even when the sentence lost its 比上年 to a line
 * break.
 */
function enrich(sentence: string, figs: NF[]): NF[] {
  const matches = [...sentence.matchAll(FIG)].map((m) => ({ at: m.index ?? 0, value: m[1].replace(/,/g, ''), unit: m[2] }));
  let cursor = 0;
  const out: NF[] = [];
  for (const f of figs) {
    const k = matches.findIndex((m, i) => i >= cursor && m.value === f.value && m.unit === f.unit);
    if (k < 0) {
      out.push(f);
      continue;
    }
    cursor = k + 1;
    const before = sentence.slice(0, matches[k].at);
    if (/(\d\s*[,，.．]\s*|\d\s+)$/.test(before)) continue; // garbled digits: not a figure we can trust
    if (f.kind === 'amount' && CHANGE_BEFORE.test(before.replace(/\s+/g, ''))) {
      const w = CHANGE_BEFORE.exec(before.replace(/\s+/g, ''))![1];
      out.push({ ...f, kind: 'change', direction: /增|上升|提高/.test(w) ? 'increase' : 'decrease' });
      continue;
    }
    out.push(f);
  }
  return out;
}

function groupsOf(doc: Document): Group[] {
  const out: Group[] = [];
  doc.narrative.forEach((f, i) => {
    const last = out[out.length - 1];
    if (last && last.sentence === f.sentence && last.page === f.page) last.figs.push({ ...f, i });
    else out.push({ sentence: f.sentence, ...(f.page ? { page: f.page } : {}), figs: [{ ...f, i }] });
  });
  for (const g of out) g.figs = enrich(g.sentence, g.figs);
  return out;
}

const terminated = (s: string) => /[。！!]\s*$/.test(s);
const isMoney = (f: NarrativeFigure) => f.kind === 'amount' && f.unit !== '%';
const toWan = (f: NarrativeFigure): Dec | undefined => {
  if (!isDecimal(f.value)) return undefined;
  const v = dec(f.value);
  if (f.unit === '万元') return v;
  if (f.unit === '亿元') return { units: v.units * 10000n, scale: v.scale };
  if (f.unit === '元') return { units: v.units, scale: v.scale + 4 };
  return undefined;
};
const num = (d: Dec) => Number(d.units) / 10 ** d.scale;
const half = (d: Dec) => 0.5 / 10 ** d.scale;

function whereSentence(g: Group): Where {
  return { ...(g.page ? { page: g.page } : {}), sentence: g.sentence };
}

/** [min, max] of f over the corners of the boxes x ± hx. */
function range(f: (...xs: number[]) => number, xs: [number, number][]): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  const n = xs.length;
  for (let m = 0; m < 1 << n; m++) {
    const args = xs.map(([v, h], k) => (m & (1 << k) ? v + h : v - h));
    const y = f(...args);
    if (Number.isFinite(y)) {
      lo = Math.min(lo, y);
      hi = Math.max(hi, y);
    }
  }
  return [lo, hi];
}
const overlaps = (a: [number, number], b: [number, number]) => a[0] <= b[1] + 1e-9 && b[0] <= a[1] + 1e-9;
const pct = (x: number) => `${x >= 0 ? '+' : ''}${x.toFixed(2)}%`;

// ---------------------------------------------------------------- growth

function growth(doc: Document, groups: Group[]): Finding[] {
  const out: Finding[] = [];
  groups.forEach((g, gi) => {
    const prev = gi > 0 && !terminated(groups[gi - 1].sentence) && groups[gi - 1].page === g.page ? groups[gi - 1] : undefined;
    const context = [...(prev?.figs ?? []), ...g.figs];
    for (const gr of g.figs.filter((f) => f.kind === 'growth')) {
      if (!isDecimal(gr.value) || !gr.direction || gr.direction === 'same') continue;
      const at = context.findIndex((f) => f.i === gr.i);
      const before = context.slice(0, at);
      const lastGrowth = before.map((f) => f.kind).lastIndexOf('growth');
      const scope = before.slice(lastGrowth + 1);
      const change = [...scope].reverse().find((f) => f.kind === 'change' && f.unit !== '%');
      const amounts = scope.filter(isMoney).filter((f) => !change || f.i < change.i);
      const stated = dec(gr.value);
      const sgn = gr.direction === 'decrease' ? -1 : 1;
      const statedRange: [number, number] = [sgn * num(stated) - half(stated), sgn * num(stated) + half(stated)];
      const tried: string[] = [];
      let ok = false;
      let best: { text: string; nominal: number } | undefined;
      if (change && isDecimal(change.value)) {
        const c = toWan(change);
        if (!c) continue;
        const cs = (change.direction === 'decrease' ? -1 : 1) * num(c);
        const py = doc.year ? `${doc.year - 1}年` : '#';
        for (const a of amounts) {
          const cur = toWan(a);
          if (!cur) continue;
          // a figure stated for last year (（2016年度…安排为8,648.07万元）) is not the current one
          if (/上年|执行|去年/.test(a.subject) || a.subject.includes(py)) continue;
          if (a.value === change.value) {
            // current = change: previous 0, "增长100%" by convention; a decrease of the whole is the change read twice
            if (change.direction !== 'decrease' && num(stated) === 100) ok = true;
            continue;
          }
          // previous = current − change; rate = change / previous
          const r = range((x, y) => (y / (x - y)) * 100, [
            [num(cur), half(cur)],
            [cs, half(c)],
          ]);
          const nominal = (cs / (num(cur) - cs)) * 100;
          const text = `本年 ${show(cur)}万元、增减额 ${cs >= 0 ? '+' : ''}${show(c)}万元 → 上年 ${(num(cur) - cs).toFixed(2)}万元，应为 ${pct(nominal)}`;
          tried.push(text);
          best ??= { text, nominal };
          if (overlaps(r, statedRange)) ok = true;
        }
      } else if (amounts.length >= 2) {
        // the stated previous figure (执行数, 上年, last year's) and the current one (预算安排, this year's)
        const py = doc.year ? `${doc.year - 1}年` : '#';
        const cy = doc.year ? `${doc.year}年` : '#';
        const curLike = (f: NarrativeFigure) => /预算安排|本年|今年/.test(f.subject) || f.subject.includes(cy);
        const prevLike = (f: NarrativeFigure) => !curLike(f) && (/执行|上年|上一年|年初|去年/.test(f.subject) || f.subject.includes(py));
        const cur = [...amounts].reverse().find(curLike);
        const prevF = cur ? amounts.filter((f) => f.i < cur.i && !curLike(f)).pop() : undefined;
        const pairs: [NarrativeFigure, NarrativeFigure][] = cur && prevF ? [[prevF, cur]] : amounts.filter(prevLike).flatMap((p) => amounts.filter((c) => c.i > p.i && !prevLike(c)).slice(0, 1).map((c) => [p, c] as [NarrativeFigure, NarrativeFigure]));
        for (const [pf, cf] of pairs) {
            const p = toWan(pf);
            const c = toWan(cf);
            if (!p || !c || num(p) === 0) continue;
            const r = range((x, y) => ((y - x) / x) * 100, [
              [num(p), half(p)],
              [num(c), half(c)],
            ]);
            const nominal = ((num(c) - num(p)) / num(p)) * 100;
            const text = `上年 ${show(p)}万元 → 本年 ${show(c)}万元，应为 ${pct(nominal)}`;
            tried.push(text);
            best ??= { text, nominal };
            if (overlaps(r, statedRange)) ok = true;
        }
      } else continue;
      if (ok || !best) continue;
      // within one unit of the stated rate's last digit: the document rounded differently (info)
      const loose: [number, number] = [statedRange[0] - half(stated), statedRange[1] + half(stated)];
      const roundingOnly = Math.abs(best.nominal - sgn * num(stated)) <= loose[1] - sgn * num(stated) + 0.5 / 10 ** stated.scale;
      const word = gr.direction === 'decrease' ? '减少/下降' : '增加/增长';
      const wordEn = gr.direction === 'decrease' ? 'a decrease' : 'an increase';
      const w = whereSentence(g);
      out.push(
        finding(
          'narrative.growth',
          roundingOnly ? 'info' : 'error',
          w,
          `第${g.page ?? '?'}页 说明「${g.sentence}」：写${word} ${gr.value}%，但${best.text}（相差 ${(sgn * num(stated) - best.nominal).toFixed(2)} 个百分点）`,
          `p. ${g.page ?? '?'} narrative “${g.sentence}”: states ${wordEn} of ${gr.value}%, but the stated figures give ${pct(best.nominal)} (${best.text.replace(/[^\d.+\-→% ]/g, ' ').replace(/\s+/g, ' ').trim()})`,
          { expected: pct(best.nominal), found: `${sgn < 0 ? '-' : '+'}${gr.value}%`, difference: `${(sgn * num(stated) - best.nominal).toFixed(2)}pp` },
        ),
      );
    }
  });
  return out;
}

// ---------------------------------------------------------------- share

function share(groups: Group[]): Finding[] {
  const out: Finding[] = [];
  let whole: NF | undefined;
  groups.forEach((g, gi) => {
    const prev = gi > 0 ? groups[gi - 1] : undefined;
    const continues = !!prev && !terminated(prev.sentence) && prev.page === g.page;
    // a whole carries over only along a list: 其中/主要用于/包括 …；…；…
    const listGoesOn = continues || (!!prev && /[；;]\s*$/.test(prev.sentence) && prev.page === g.page);
    if (!listGoesOn) whole = undefined;
    if (continues && !whole && /其中|主要用于|包括|分别/.test(prev!.sentence)) whole = prev!.figs.find(isMoney);
    const context = [...(continues ? prev!.figs : []), ...g.figs];
    const firstOfGroup = g.figs.find(isMoney);
    for (const s of g.figs.filter((f) => f.kind === 'share')) {
      const at = context.findIndex((f) => f.i === s.i);
      const part = [...context.slice(0, at)].reverse().find(isMoney);
      if (!part || !isDecimal(s.value)) continue;
      if (!g.figs.some((f) => f.i === part.i)) continue; // the part must be stated in the same sentence
      if (/占[^，,；;。%]{1,20}的\s*[\d.]+\s*%/.test(g.sentence.replace(/\s+/g, ''))) continue; // 占“三公”经费的 Z%: a whole named, not listed
      if (firstOfGroup && firstOfGroup.i !== part.i && firstOfGroup.i < part.i) whole = firstOfGroup;
      if (!whole || whole.i === part.i) continue;
      const pv = toWan(part);
      const wv = toWan(whole);
      if (!pv || !wv || num(wv) === 0) continue;
      const st = dec(s.value);
      const r = range((x, y) => (x / y) * 100, [
        [num(pv), half(pv)],
        [num(wv), half(wv)],
      ]);
      if (overlaps(r, [num(st) - half(st), num(st) + half(st)])) continue;
      // a part larger than its supposed whole: the whole was guessed wrong, not the share
      if (num(pv) > num(wv) && num(st) <= 100) continue;
      // any other amount of the context as the whole?
      const alt = context.filter(isMoney).some((f) => {
        const v = toWan(f);
        if (!v || f.i === part.i || num(v) === 0) return false;
        return overlaps(range((x, y) => (x / y) * 100, [[num(pv), half(pv)], [num(v), half(v)]]), [num(st) - half(st), num(st) + half(st)]);
      });
      if (alt) continue;
      const nominal = (num(pv) / num(wv)) * 100;
      const roundingOnly = overlaps(r, [num(st) - 3 * half(st), num(st) + 3 * half(st)]);
      out.push(
        finding(
          'narrative.share',
          roundingOnly ? 'info' : 'error',
          whereSentence(g),
          `第${g.page ?? '?'}页 说明「${g.sentence}」：${show(pv)}万元 占 ${show(wv)}万元 应为 ${nominal.toFixed(2)}%，文中写 ${s.value}%`,
          `p. ${g.page ?? '?'} narrative “${g.sentence}”: ${show(pv)} of ${show(wv)} (万元) is ${nominal.toFixed(2)}%, the text says ${s.value}%`,
          { expected: `${nominal.toFixed(2)}%`, found: `${s.value}%`, difference: `${(num(st) - nominal).toFixed(2)}pp` },
        ),
      );
    }
  });
  return out;
}

// ---------------------------------------------------------------- amounts against the tables

const NUM = '(-?\\d[\\d,]*(?:\\.\\d+)?)\\s*(万元|亿元|元)';

interface Target {
  re: RegExp;
  what: string;
  refs: (doc: Document) => Fig[];
}

function totalsOfBlock(doc: Document, kind: RegExp, block: string, item: RegExp, column?: RegExp): Fig[] {
  const out: Fig[] = [];
  for (const t of tablesOf(doc, kind)) {
    for (const r of (blocks(t).get(block) ?? []).filter((r) => isTotalRow(r) && item.test(itemText(r)))) {
      const a = column ? r.amounts.find((x) => column.test(leaf(x.path))) : r.amounts[0];
      const v = valueOf(a);
      if (a && v) out.push({ printed: v, unit: t.unit, yuan: t.unit === '万元' ? { units: v.units * 10000n, scale: v.scale } : v, where: { tableId: t.id, table: t.title, row: r.index, item: r.item, column: a.path, ...(a.page ?? r.page ? { page: a.page ?? r.page } : {}) }, label: `「${t.title}」「${r.item}」` });
    }
  }
  return out;
}

const grand = (doc: Document, kind: RegExp, col: RegExp) =>
  tablesOf(doc, kind)
    .map((t) => grandTotal(t, col))
    .filter((f): f is Fig => !!f);

// the tables a narrative figure is read against, by their role in the registry (schemas/table-kinds.ts)
const SUMMARY = roleKinds('summary');
const FISCAL = roleKinds('fiscal_summary');
// 基本支出 / 项目支出 and the (NNN类)(NN款)(NN项) items are read from the tables of all funds or of 一般公共预算
const EXPEND = new RegExp(`${roleKinds('functional', ['all', 'general_budget']).source}|${roleKinds('expenditure', ['all', 'general_budget']).source}`);
const ECON = roleKinds('economic');

const TARGETS: Target[] = [
  { re: new RegExp(`(?<!财政拨款)收入支出总计(?:为)?\\s*${NUM}`), what: '收入支出总计', refs: (d) => [...totalsOfBlock(d, SUMMARY, '收入', /总计$/), ...totalsOfBlock(d, SUMMARY, '支出', /总计$/)] },
  { re: new RegExp(`财政拨款收入支出总计(?:为)?\\s*${NUM}`), what: '财政拨款收入支出总计', refs: (d) => [...totalsOfBlock(d, FISCAL, '收入', /总计$/), ...totalsOfBlock(d, FISCAL, '支出', /总计$/)] },
  { re: new RegExp(`本年收入合计(?:为)?\\s*${NUM}`), what: '本年收入合计', refs: (d) => totalsOfBlock(d, SUMMARY, '收入', /本年收入合计$/) },
  { re: new RegExp(`本年支出合计(?:为)?\\s*${NUM}`), what: '本年支出合计', refs: (d) => totalsOfBlock(d, SUMMARY, '支出', /本年支出合计$/) },
  { re: new RegExp(`(?<![上去]年|比)(?:其中[:：]?)?基本支出(?:为)?\\s*${NUM}`), what: '基本支出', refs: (d) => grand(d, EXPEND, /^基本支出$/) },
  { re: new RegExp(`(?<![上去]年|比|其中[:：]?)项目支出(?:为)?\\s*${NUM}`), what: '项目支出', refs: (d) => grand(d, EXPEND, /^项目支出$/) },
  { re: new RegExp(`人员经费(?:为)?\\s*${NUM}`), what: '人员经费', refs: (d) => [...grand(d, ECON, /^人员经费$/), ...totalsOfBlock(d, /^budget_summary$/, '支出', /总计$/, /^人员经费$/)] },
  { re: new RegExp(`公用经费(?:为)?\\s*${NUM}`), what: '公用经费', refs: (d) => [...grand(d, ECON, /^公用经费$/), ...totalsOfBlock(d, /^budget_summary$/, '支出', /总计$/, /^公用经费$/)] },
];

/**
 * The “三公”经费 figures of the 三公 tables' total row: the columns of 三公 itself (“三公”经费 / 小计
 * where 合计 adds 会议费 and 培训费), every money column that is a total, 预算数 or 决算数 otherwise.
 */
function threePublicTotal(doc: Document): Fig[] {
  const out: Fig[] = [];
  for (const t of tablesOf(doc, roleKinds('three_public'))) {
    const tot = t.rows.find((r) => isTotalRow(r) && r.amounts.length);
    if (!tot) continue;
    const money = tot.amounts.filter((a) => isMoneyPath(a.path));
    const own = money.filter((a) => /三公/.test(a.path) && /^(小计|合计)$/.test(leaf(a.path)));
    const wider = t.columns.some((c) => /会议费|培训费/.test(c.path.join('/')));
    const cols = own.length ? own : wider ? [] : money.filter((a) => /合计|小计|预算数|决算数|金额/.test(leaf(a.path)));
    for (const a of cols.length || wider ? cols : money.slice(0, 1)) {
      const v = valueOf(a);
      if (v) out.push({ printed: v, unit: t.unit, yuan: t.unit === '万元' ? { units: v.units * 10000n, scale: v.scale } : v, where: { tableId: t.id, table: t.title, column: a.path }, label: `「${t.title}」合计「${a.path}」` });
    }
  }
  return out;
}

function tableAmounts(doc: Document, groups: Group[]): Finding[] {
  const out: Finding[] = [];
  const seen = new Set<string>();
  const targets: Target[] = [
    ...TARGETS,
    { re: new RegExp(`(?<!年初预算|上年)“?三公”?经费(?:财政拨款)?(?:支出)?(?:预算数?|决算数?)?(?:为)?\\s*${NUM}`), what: '“三公”经费', refs: threePublicTotal },
  ];
  for (const g of groups) {
    if (seen.has(g.sentence)) continue;
    seen.add(g.sentence);
    const s = g.sentence.replace(/\s+/g, '');
    for (const t of targets) {
      const m = t.re.exec(s);
      if (!m) continue;
      const before = s.slice(Math.max(0, m.index - 8), m.index);
      if (/比|上年|年初|执行|去年/.test(before)) continue;
      if (doc.year && /(\d{4})年/.test(before) && !new RegExp(`${doc.year}年`).test(before)) continue;
      const refs = t.refs(doc);
      if (!refs.length) continue;
      const v = dec(m[1].replace(/,/g, ''));
      const unit = m[2] as '万元' | '亿元' | '元';
      const fig: Fig = {
        printed: v,
        unit: unit === '元' ? '元' : '万元',
        yuan: unit === '元' ? v : { units: v.units * (unit === '亿元' ? 100000000n : 10000n), scale: v.scale },
        where: whereSentence(g),
        label: `说明中的「${t.what}」`,
      };
      const f = agreeFinding('narrative.amount', fig, refs, `说明「${g.sentence}」与表不一致`, `narrative “${g.sentence}” disagrees with the tables`);
      if (f) out.push(f);
    }
  }
  return out;
}

// ---------------------------------------------------------------- coded items: (NNN类)(NN款)(NN项) X万元

const CODED = /[（(](\d{3})类[)）].*?[（(](\d{2})款[)）].*?[（(](\d{2})项[)）]\s*(-?\d[\d,]*(?:\.\d+)?)\s*万元/;

function codeRows(doc: Document): Map<string, { t: Table; fig: Fig }[]> {
  const m = new Map<string, { t: Table; fig: Fig }[]>();
  for (const t of tablesOf(doc, EXPEND)) {
    for (const r of t.rows) {
      if (!r.code) continue;
      const a = r.amounts.find((x) => /合计|小计|预算数|决算数|金额/.test(leaf(x.path))) ?? r.amounts[0];
      const v = valueOf(a);
      if (!v) continue;
      const fig: Fig = { printed: v, unit: t.unit, yuan: t.unit === '万元' ? { units: v.units * 10000n, scale: v.scale } : v, where: { tableId: t.id, table: t.title, row: r.index, code: r.code, item: r.item, ...(a?.path ? { column: a.path } : {}), ...(r.page ? { page: r.page } : {}) }, label: `「${t.title}」${r.code} ${r.item}` };
      if (!m.has(r.code)) m.set(r.code, []);
      m.get(r.code)!.push({ t, fig });
    }
  }
  return m;
}

function codedItems(doc: Document, groups: Group[]): Finding[] {
  const out: Finding[] = [];
  const rows = codeRows(doc);
  let current: { code: string; value: Dec; g: Group } | undefined;
  for (const g of groups) {
    const s = g.sentence.replace(/\s+/g, '');
    const m = CODED.exec(s);
    if (m) {
      const code = m[1] + m[2] + m[3];
      const v = dec(m[4].replace(/,/g, ''));
      current = { code, value: v, g };
      // by the narrative's own precision; the first table that prints the code is the reference
      const refs = (rows.get(code) ?? []).map((x) => x.fig);
      if (refs.length) {
        const fig: Fig = { printed: v, unit: '万元', yuan: { units: v.units * 10000n, scale: v.scale }, where: { ...whereSentence(g), code }, label: `说明中的 ${code}` };
        const f = agreeFinding('narrative.amount', fig, refs.slice(0, 1), `说明「${g.sentence}」与表不一致`, `narrative “${g.sentence}” disagrees with the tables`);
        if (f) out.push(f);
      }
      continue;
    }
    if (!current) continue;
    // "2026年预算安排Y万元" later in the same item
    const y = doc.year ? `(?:${doc.year}年)?` : '(?:\\d{4}年)?';
    const mm = new RegExp(`${y}预算安排\\s*(-?\\d[\\d,]*(?:\\.\\d+)?)\\s*万元`).exec(s);
    if (mm) {
      const before = s.slice(Math.max(0, mm.index - 6), mm.index);
      if (doc.year && /\d{4}年$/.test(before + s.slice(mm.index, mm.index + 5)) && !s.slice(mm.index, mm.index + 5).startsWith(String(doc.year)) && /\d{4}年/.test(s.slice(mm.index, mm.index + 5))) continue;
      const v2 = dec(mm[1].replace(/,/g, ''));
      const a: Fig = { printed: v2, unit: '万元', yuan: { units: v2.units * 10000n, scale: v2.scale }, where: { ...whereSentence(g), code: current.code }, label: `同一项后文「预算安排」` };
      const b: Fig = { printed: current.value, unit: '万元', yuan: { units: current.value.units * 10000n, scale: current.value.scale }, where: whereSentence(current.g), label: `该项开头（${current.code}）` };
      const c = compareFigs(a, b);
      if (c.kind === 'mismatch') {
        const f = agreeFinding('narrative.item', a, [b], `说明中 ${current.code} 前后金额不一致（「${current.g.sentence}」）`, `the narrative gives ${current.code} two amounts (“${current.g.sentence}”)`);
        if (f) out.push(f);
      }
      current = undefined;
    }
  }
  return out;
}

// ---------------------------------------------------------------- class names

function classNames(doc: Document, groups: Group[]): Finding[] {
  const out: Finding[] = [];
  const names = new Map<string, string>();
  for (const t of doc.tables) for (const r of t.rows) if (r.code && r.code.length === 3 && /^2/.test(r.code) && r.item && !names.has(r.code)) names.set(r.code, r.item);
  const seen = new Set<string>();
  for (const g of groups) {
    const s = g.sentence.replace(/\s+/g, '');
    for (const m of s.matchAll(/(?:^|[\d、，,：:；;。])([^\d、，,：:；;。（(]{2,20})[（(](\d{3})类[)）]/g)) {
      const [, name, code] = m;
      const tableName = names.get(code);
      if (!tableName || norm(tableName) === norm(name) || seen.has(`${code}|${name}`)) continue;
      seen.add(`${code}|${name}`);
      out.push(
        finding(
          'narrative.class-name',
          'warning',
          { ...whereSentence(g), code },
          `第${g.page ?? '?'}页 说明写「${name}（${code}类）」，表中 ${code} 为「${tableName}」`,
          `p. ${g.page ?? '?'} the narrative names ${code} “${name}”, the tables “${tableName}”`,
          { expected: tableName, found: name },
        ),
      );
    }
  }
  return out;
}

// ---------------------------------------------------------------- 决算数大于/小于预算数

function comparisons(doc: Document): Finding[] {
  const out: Finding[] = [];
  if (!doc.text) return out;
  // join the text per page so that wrapped lines read as one
  const pages = new Map<number, string>();
  for (const b of doc.text) pages.set(b.page ?? 0, (pages.get(b.page ?? 0) ?? '') + b.text.replace(/\s+/g, ''));
  const keys = [...pages.keys()].sort((a, b) => a - b);
  const all = keys.map((k) => ({ k, s: pages.get(k)! }));
  const joined = all.map((x) => x.s).join('');
  const pageAt = (pos: number) => {
    let acc = 0;
    for (const x of all) {
      acc += x.s.length;
      if (pos < acc) return x.k;
    }
    return undefined;
  };
  const re = /年初预算(?:数)?为?(-?\d[\d,]*(?:\.\d+)?)万元[，,]?(?:支出)?决算(?:数)?为?(-?\d[\d,]*(?:\.\d+)?)万元[^。]{0,40}?[。，,；;]?决算数(大于|小于|等于|与预算数(?:基本)?持平)/g;
  for (const m of joined.matchAll(re)) {
    const budget = dec(m[1].replace(/,/g, ''));
    const actual = dec(m[2].replace(/,/g, ''));
    const d = num(actual) - num(budget);
    const word = m[3];
    const says = /大于/.test(word) ? 1 : /小于/.test(word) ? -1 : 0;
    const is = d > 0 ? 1 : d < 0 ? -1 : 0;
    if (says === is || (says === 0 && /基本持平/.test(word))) continue;
    const page = pageAt(m.index ?? 0);
    const isWord = is > 0 ? '大于' : is < 0 ? '小于' : '等于';
    out.push(
      finding(
        'narrative.comparison',
        'error',
        { ...(page ? { page } : {}), sentence: m[0] },
        `第${page ?? '?'}页 说明「${m[0]}」：年初预算 ${show(budget)}万元、决算 ${show(actual)}万元，决算数${isWord}预算数，文中却写“决算数${word}”`,
        `p. ${page ?? '?'} narrative “${m[0]}”: budget ${show(budget)}, actual ${show(actual)} (万元), so the actual is ${is > 0 ? 'greater than' : is < 0 ? 'less than' : 'equal to'} the budget, but the text says “${word}”`,
        { expected: `决算数${isWord}预算数`, found: `决算数${word}` },
      ),
    );
  }
  return out;
}

export function checkNarrative(doc: Document): Finding[] {
  const groups = groupsOf(doc);
  return [...tableAmounts(doc, groups), ...codedItems(doc, groups), ...growth(doc, groups), ...share(groups), ...classNames(doc, groups), ...comparisons(doc)];
}
