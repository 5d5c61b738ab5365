/**
 * Across tables: the figures that several tables print for the same thing must agree. Which tables
 * are compared, and at which scope (all funds, 财政拨款, one source), comes from the kind registry
 * (schemas/table-kinds.ts: role, scope, totalOf).
 *   cross.totals           a table's total = the total of the summary block its kind names (收入总表 =
 *                          收支总表 收入; 一般公共预算支出表 = the 一般公共预算 column of 财政拨款收支总表,
 *                          its 合计 only when no other source prints a figure; the 决算 equivalents)
 *   cross.basic-economic   基本支出 total = the economic-class table total, at the same scope first
 *   cross.personnel-public 人员经费 / 公用经费 of 收支总表 = those of the economic-class table
 *   cross.operating-public 机关运行经费 vs 公用经费 (smaller: info, the 部门 has other 事业单位; larger: warning)
 *   cross.project-total    项目支出表: each unit row = Σ its projects, the total = Σ units (or projects),
 *                          and the total = 项目支出 (project-groups.ts)
 *   cross.project-performance 绩效目标表 annual funds (元) = the project's row in 项目支出表 (万元)
 *   cross.overall-performance 整体绩效目标表 funds = the budget tables
 * (cross.three-public is checked in the 三公 table itself: hierarchy.ts for rows, row-identities.ts
 * for columns.)
 * Which tables and cells cross.totals compares is defined once in src/identities/cross-totals.ts
 * (the confirmation of unsure OCR readings reads the same definition).
 */
import type { Document, Row, Table } from '../../schemas/document.js';
import type { Finding } from '../../schemas/findings.js';
import { kindDef } from '../../schemas/table-kinds.js';
import { cmp, dec, isDecimal, type Dec } from '../core/decimal.js';
import { agreeFinding, compareFigs, figOf, grandTotal, roleKinds, tablesOf, type Fig } from './figures.js';
import { finding, placeEn, placeZh } from './messages.js';
import { projectGroups } from './project-groups.js';
import { show, showSigned, sumOf } from './rounding.js';
import { amountByLeaf, norm, sumFinding, valueOf } from './tables.js';
import { blocks, twoSided } from '../identities/code-families.js';
import { ANY_TOTAL, blockTotalCells, crossTotals, GRAND, sourcesPresent } from '../identities/cross-totals.js';
import { leaf } from '../util/column-path.js';

const amountsOf = (r: Row) => r.amounts;

/** Every total row of a block, as figures of the first amount whose leaf matches (src/identities/cross-totals.ts). */
function blockTotals(table: Table, block: string, column: RegExp): Fig[] {
  return blockTotalCells(table, block, column, amountsOf).map(({ row, cell }) => figOf(table, row, cell, valueOf(cell)!, `「${table.title}」「${row.item}」「${cell.path}」`));
}

/** A table's total = the total of the summary block its kind names, at its scope (src/identities/cross-totals.ts). */
function totalsAgree(doc: Document): Finding[] {
  const out: Finding[] = [];
  for (const { table, refs } of crossTotals(doc, amountsOf)) {
    const figs = refs.map(({ table: s, row, cell }) => figOf(s, row, cell, valueOf(cell)!, `「${s.title}」「${row.item}」「${cell.path}」`));
    const g = grandTotal(table, GRAND);
    const f = g && agreeFinding('cross.totals', g, figs, '总数与收支总表不一致', 'total disagrees with the summary table');
    if (f) out.push(f);
  }
  return out;
}

const ECONOMIC = roleKinds('economic');

function economicTotal(doc: Document, column: RegExp, tables: Table[] = tablesOf(doc, ECONOMIC)): Fig[] {
  return tables
    .filter((t) => !twoSided(t))
    .map((t) => {
      const halves = [...blocks(t).keys()].filter((k) => k.startsWith('part'));
      if (halves.length < 2) return grandTotal(t, column);
      // 人员经费 | 公用经费 printed side by side: the table's total is the sum of the halves' totals
      const parts = halves.map((k) => grandTotal(t, column, { block: k }));
      if (parts.some((f) => !f)) return undefined;
      const [a, b] = parts as Fig[];
      return { ...a, printed: sumOf([a.printed, b.printed]), yuan: sumOf([a.yuan, b.yuan]), label: `${a.label} + ${b.label}` };
    })
    .filter((f): f is Fig => !!f);
}

function basicEconomic(doc: Document): Finding[] {
  const out: Finding[] = [];
  const functional = [...tablesOf(doc, roleKinds('functional')), ...tablesOf(doc, roleKinds('expenditure'))];
  if (!functional.length) return out;
  const onlyGeneral = sourcesPresent(doc).size === 1;
  for (const t of tablesOf(doc, ECONOMIC).filter((x) => !twoSided(x))) {
    const e = economicTotal(doc, /^(合计|总计|金额|小计)$|预算数$|决算数$/, [t])[0];
    if (!e) continue;
    // 基本支出 of the same scope (一般公共预算 / 财政拨款, one of them standing for the other when no other source has figures)
    const scope = kindDef(t.kind).scope;
    const same = functional.filter((x) => {
      const s = kindDef(x.kind).scope;
      return s === scope || (onlyGeneral && (s === 'general_budget' || s === 'fiscal') && (scope === 'general_budget' || scope === 'fiscal'));
    });
    const basicsOf = (ts: Table[]) => ts.map((x) => grandTotal(x, /^基本支出$/)).filter((f): f is Fig => !!f);
    const sameBasics = basicsOf(same);
    const basics = sameBasics.length ? sameBasics : basicsOf(functional);
    const f = agreeFinding('cross.basic-economic', e, basics, '经济分类表合计与基本支出不一致', 'the economic-class total disagrees with 基本支出');
    if (f) out.push(f);
  }
  return out;
}

function personnelPublic(doc: Document): Finding[] {
  const out: Finding[] = [];
  const econ = tablesOf(doc, ECONOMIC);
  if (!econ.length) return out;
  for (const s of tablesOf(doc, /^budget_summary$/)) {
    const figs = (re: RegExp) => blockTotals(s, '支出', re).slice(-1)[0];
    const p = figs(/^人员经费$/);
    const g = figs(/^公用经费$/);
    if (!p || !g) continue;
    for (const e of econ) {
      const ep = grandTotal(e, /^人员经费$/);
      const eg = grandTotal(e, /^公用经费$/);
      const et = grandTotal(e, /^(合计|总计)$/);
      if (!ep || !eg) continue;
      // same scope: the summary's 人员 + 公用 is the economic table's total
      const basic: Fig = { ...p, printed: sumOf([p.printed, g.printed]), yuan: sumOf([p.yuan, g.yuan]), label: '人员经费 + 公用经费' };
      const sameScope = et ? compareFigs(basic, et).kind !== 'mismatch' : true;
      const sev = sameScope ? 'error' : 'warning';
      for (const [a, b, what] of [
        [p, ep, '人员经费'],
        [g, eg, '公用经费'],
      ] as const) {
        const f = agreeFinding('cross.personnel-public', a, [b], `${what}与经济分类表不一致`, `${what} disagrees with the economic-class table`, sev);
        if (f) out.push(f);
      }
    }
  }
  return out;
}

function operatingPublic(doc: Document): Finding[] {
  const out: Finding[] = [];
  const pub = economicTotal(doc, /^公用经费$/);
  if (!pub.length) return out;
  const ops: Fig[] = [];
  for (const t of tablesOf(doc, roleKinds('operating'))) {
    const g = grandTotal(t, /合计|金额|预算数|决算数/) ?? undefined;
    if (g) ops.push(g);
  }
  for (const t of tablesOf(doc, /^three_public_and_operating_expenses$/)) {
    for (const r of t.rows) {
      const a = r.amounts.find((x) => /机关运行经费/.test(x.path));
      const v = valueOf(a);
      if (a && v) {
        ops.push(figOf(t, r, a, v, `「${t.title}」「${a.path}」`));
        break;
      }
    }
  }
  for (const o of ops) {
    // 机关运行经费 is the 公用经费 of 行政单位 and 参公事业单位 only: smaller than the department's
    // 公用经费 is expected where it has other 事业单位 (info); larger is for a reviewer to look at
    const larger = pub.every((p) => cmp(o.yuan, p.yuan) > 0);
    const f = agreeFinding('cross.operating-public', o, pub, '机关运行经费与公用经费不一致', '机关运行经费 disagrees with 公用经费', larger ? 'warning' : 'info');
    if (f) out.push(f);
  }
  return out;
}

const TOTAL_COL = /^(合计|总计|小计|金额)$|预算数$/;

function rowFig(t: Table, r: Row): Fig | undefined {
  const a = r.amounts.find((x) => TOTAL_COL.test(leaf(x.path))) ?? r.amounts[0];
  const v = valueOf(a);
  return a && v ? figOf(t, r, a, v, `「${t.title}」「${r.item}」「${a.path}」`) : undefined;
}

function projectTotal(doc: Document): Finding[] {
  const out: Finding[] = [];
  const project = [...tablesOf(doc, roleKinds('functional')), ...tablesOf(doc, roleKinds('expenditure'))]
    .map((t) => grandTotal(t, /^项目支出$/))
    .filter((f): f is Fig => !!f);
  for (const t of tablesOf(doc, /^project_expenditure$/)) {
    const { total, units, projects } = projectGroups(t, doc.department);
    const tf = total ? rowFig(t, total) : undefined;
    const sumCheck = (head: Row, parts: Row[], zh: string, en: string) => {
      const fig = rowFig(t, head);
      if (!fig || !parts.length) return;
      const col = fig.where.column;
      const vals = parts.map((r) => valueOf(r.amounts.find((a) => a.path === col))).filter((v): v is Dec => !!v);
      const a = head.amounts.find((x) => x.path === col)!;
      const f = vals.length ? sumFinding({ rule: 'cross.project-total', table: t, row: head, total: a, parts: vals, whatZh: head.item, whatEn: head.item, partsZh: zh, partsEn: en }) : undefined;
      if (f) out.push(f);
    };
    // each unit = Σ its projects; the table's total = Σ the units (or Σ the projects when not grouped)
    for (const u of units) sumCheck(u.row, u.projects, `该单位各项目之和（${u.projects.length}个）`, `the sum of its ${u.projects.length} projects`);
    if (total) {
      if (units.length) sumCheck(total, units.map((u) => u.row), `各单位之和（${units.length}个）`, `the sum of the ${units.length} units`);
      else sumCheck(total, projects, `各项目之和（${projects.length}个）`, `the sum of the ${projects.length} projects`);
    }
    const whole: Fig | undefined =
      tf ??
      (() => {
        const figs = projects.map((r) => rowFig(t, r)).filter((f): f is Fig => !!f);
        if (!figs.length) return undefined;
        return { ...figs[0], printed: sumOf(figs.map((f) => f.printed)), yuan: sumOf(figs.map((f) => f.yuan)), label: `「${t.title}」各项目之和`, where: { tableId: t.id, table: t.title, page: t.pages[0] } };
      })();
    if (whole && project.length) {
      const f = agreeFinding('cross.project-total', whole, project, '项目支出表合计与项目支出不一致', 'the project table total disagrees with 项目支出');
      if (f) out.push(f);
    }
  }
  return out;
}

function projectPerformance(doc: Document): Finding[] {
  const out: Finding[] = [];
  const tables = tablesOf(doc, /^project_expenditure$/);
  if (!tables.length) return out;
  for (const p of doc.projects) {
    const total = p.annualFunds.total;
    if (!total || !isDecimal(total)) continue;
    const perf = doc.tables.find((t) => t.id === p.tableId);
    const unit = p.fundsUnit ?? '元';
    const v = dec(total);
    const pf: Fig = {
      printed: v,
      unit,
      yuan: unit === '万元' ? { units: v.units * 10000n, scale: v.scale } : v,
      where: { tableId: p.tableId, table: perf?.title ?? '项目支出绩效目标表', ...(p.page ?? perf?.pages[0] ? { page: p.page ?? perf?.pages[0] } : {}), item: p.name, column: '年度资金总额' },
      label: `绩效目标表「${p.name}」年度资金总额`,
    };
    const rows = tables.flatMap((t) => t.rows.filter((r) => norm(r.item) === norm(p.name) || norm(r.labels[r.labels.length - 1] ?? '') === norm(p.name)).map((r) => ({ t, r })));
    if (!rows.length) {
      out.push(
        finding(
          'cross.project-performance',
          'info',
          pf.where,
          `${placeZh(pf.where)}：项目「${p.name}」在项目支出表中没有同名的行，无法核对年度资金 ${show(v)}${unit}`,
          `${placeEn(pf.where)}: project “${p.name}” has no row of that name in the project table; its annual funds ${show(v)} ${unit} cannot be checked`,
        ),
      );
      continue;
    }
    const figs = rows.map(({ t, r }) => rowFig(t, r)).filter((f): f is Fig => !!f);
    const f = agreeFinding('cross.project-performance', pf, figs, '绩效目标表年度资金与项目支出表不一致', 'the annual funds disagree with the project table');
    if (f) out.push(f);
  }
  return out;
}

function overallPerformance(doc: Document): Finding[] {
  const out: Finding[] = [];
  const exp = [...tablesOf(doc, /^expenditure_summary$/), ...tablesOf(doc, /^general_budget_expenditure$/)];
  if (!exp.length) return out;
  const targets: [RegExp, RegExp][] = [
    [/^(合计|资金总额|年度资金总额)$/, /^(合计|总计)$/],
    [/^(其中)?基本支出$/, /^基本支出$/],
    [/^(其中)?项目支出$/, /^项目支出$/],
  ];
  for (const o of doc.overallPerformance) {
    const table = doc.tables.find((t) => t.id === o.tableId);
    const done = new Set<string>();
    for (const fnd of o.funds) {
      const label = fnd.label.replace(/[\s:：]/g, '');
      const tgt = targets.find(([re]) => re.test(label));
      if (!tgt || done.has(tgt[1].source) || !isDecimal(fnd.value)) continue;
      done.add(tgt[1].source);
      const v = dec(fnd.value);
      const unit = fnd.unit ?? table?.unit;
      const of: Fig = {
        printed: v,
        unit,
        yuan: unit === '万元' ? { units: v.units * 10000n, scale: v.scale } : v,
        where: { tableId: o.tableId, table: o.title, ...(fnd.page ? { page: fnd.page } : {}), item: fnd.label },
        label: `整体绩效目标表「${fnd.label}」`,
      };
      const refs = exp.map((t) => grandTotal(t, tgt[1])).filter((f): f is Fig => !!f);
      const f = agreeFinding('cross.overall-performance', of, refs, '整体绩效目标表资金与预算表不一致', 'overall performance funds disagree with the budget tables');
      if (f) out.push(f);
    }
  }
  return out;
}

export function checkCrossTable(doc: Document): Finding[] {
  return [
    ...totalsAgree(doc),
    ...basicEconomic(doc),
    ...personnelPublic(doc),
    ...operatingPublic(doc),
    ...projectTotal(doc),
    ...projectPerformance(doc),
    ...overallPerformance(doc),
  ];
}

// exported for narrative checks
export { economicTotal, blockTotals, ANY_TOTAL, amountByLeaf, showSigned, sourcesPresent };
