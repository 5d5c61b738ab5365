/**
 * 绩效目标表 as records. These are forms, not grids of amounts: key cells (项目名称, 主管部门及代码 …)
 * are followed by their value; funds come in two parallel sets (实施期 | 年度); indicators form a
 * tree 一级 → 二级 → 三级 → 指标值, printed once for the implementation period and once for the year.
 * Text renderings often lose a cell or shift a row: positions from the indicator header row are
 * used where the row fits them, and a shape-based reading otherwise (with a warning).
 */
import { provenanceOf } from './provenance.js';
import type { Funds, Indicator, OverallPerformance, Project } from '../../schemas/document.js';
import type { Diagnostic } from '../../schemas/intermediate.js';
import { cleanText } from '../core/text.js';
import { readCell, isUnmistakableAmount, type Unit } from '../core/amount.js';
import type { Matrix, MCell } from './matrix.js';
import { withheldReading } from './withheld.js';

interface Cell {
  col: number;
  text: string;
  src: MCell;
}

function cellsOf(row: MCell[]): Cell[] {
  return row.map((src, col) => ({ col, text: cleanText(src.text), src })).filter((c) => c.text);
}

const key = (t: string) => t.replace(/\s+/g, '').replace(/[:：]$/, '');

const LEVEL1 = /^(产出|效益|满意度|成本)指标$/;

function prov(c: MCell | undefined) {
  return provenanceOf(c);
}

/** The value printed right of a key cell (the next non-empty cell). */
function valueAfter(rows: Cell[][], pattern: RegExp): Cell | undefined {
  for (const row of rows) {
    const i = row.findIndex((c) => pattern.test(key(c.text)));
    if (i >= 0 && row[i + 1]) return row[i + 1];
  }
  return undefined;
}

const FUND_KEYS: [keyof Funds, RegExp][] = [
  ['total', /资金(申请)?总额|资金合计/],
  ['central', /中央/],
  ['provincial', /省级/],
  ['local', /市县|市级|县级|区级|本级|财政资$/],
  ['fiscal', /财政资金$|财政拨款$/],
  ['carryover', /结转/],
  ['self', /自筹/],
  ['other', /其他资金/],
];

function fundKey(text: string): keyof Funds | undefined {
  const t = key(text);
  if (!/资金|自筹|财政资|拨款|结转/.test(t) || t.length > 16) return undefined;
  return FUND_KEYS.find(([, re]) => re.test(t))?.[0];
}

type FundCell = Project['fundCells'][number];
type WithheldFund = NonNullable<Project['withheldFunds']>[number];

/**
 * Funds come in two parallel sets, 实施期 on the left and 年度 on the right: a key cell right of
 * the 年度 total's column belongs to the year; without such a column, the first of a pair is 实施期.
 */
function readFunds(rows: Cell[][], m: Matrix): { implementation: Funds; annual: Funds; cells: FundCell[]; withheld: WithheldFund[] } {
  const implementation: Funds = {};
  const annual: Funds = {};
  const cells: FundCell[] = [];
  const withheld: WithheldFund[] = [];
  const annualCol = rows.flat().find((c) => /^(其中[:：])?年度资金/.test(key(c.text)))?.col;
  rows.forEach((row, r) => {
    const seen = new Map<keyof Funds, number>();
    row.forEach((c, i) => {
      const k = fundKey(c.text);
      if (!k) return;
      const next = row[i + 1];
      const reading = next ? readCell(next.text) : undefined;
      const n = seen.get(k) ?? 0;
      seen.set(k, n + 1);
      const t = key(c.text);
      // a key printed twice in a row: 实施期 then 年度; printed once: by its side of the 年度 column
      const twice = row.filter((x) => fundKey(x.text) === k).length > 1;
      const isAnnual = /年度/.test(t) || (!/实施期/.test(t) && (twice || annualCol === undefined ? n > 0 : c.col >= annualCol));
      // OCR: the cell right of the key withheld as unsure (its text empty) is kept beside, not read
      const unsure = next?.col === c.col + c.src.colSpan ? undefined : withheldReading(m.rows[r][c.col + c.src.colSpan]);
      if (unsure) withheld.push({ period: isAnnual ? '年度' : '实施期', key: k, label: c.text, ...unsure });
      if (reading?.kind !== 'amount' || unsure) return;
      (isAnnual ? annual : implementation)[k] = reading.value;
      cells.push({ period: isAnnual ? '年度' : '实施期', key: k, label: c.text, value: reading.value, ...prov(next!.src) });
    });
  });
  return { implementation, annual, cells, withheld };
}

interface IndicatorColumns {
  l1: number;
  halves: { period: '实施期' | '年度'; l2: number; l3: number; value: number }[];
}

function indicatorColumns(row: Cell[]): IndicatorColumns | undefined {
  const at = (re: RegExp) => row.filter((c) => re.test(key(c.text))).map((c) => c.col);
  const l1 = at(/^一级指标$/);
  const l2 = at(/^二级指标$/);
  const l3 = at(/^三级指标$/);
  const v = at(/指标值$/);
  if (!l1.length || !l2.length || !v.length) return undefined;
  // value columns pair with the 二级 columns left of them
  const halves = l2.slice(0, v.length).map((c, i) => ({
    period: (l2.length > 1 && i === 1 ? '年度' : l2.length > 1 ? '实施期' : '年度') as '实施期' | '年度',
    l2: c,
    l3: l3[i] ?? c + 1,
    value: v[i] ?? c + 2,
  }));
  return { l1: l1[0], halves };
}

function readIndicators(rows: Cell[][], cols: IndicatorColumns, warn: (msg: string, c?: MCell) => void): Indicator[] {
  const out: Indicator[] = [];
  let level1: string | undefined;
  const level2 = new Map<string, string | undefined>();
  const expected = new Set([cols.l1, ...cols.halves.flatMap((h) => [h.l2, h.l3, h.value])]);
  for (const raw of rows) {
    const row = raw.filter((c) => !/^绩效指标$/.test(key(c.text)));
    if (!row.length) continue;
    if (/^(负责人|经办人|填报)/.test(key(row[0].text))) break;
    const positional = row.every((c) => expected.has(c.col)) && (row.some((c) => cols.halves.some((h) => h.value === c.col)) || row.every((c) => c.col === cols.l1 || cols.halves.some((h) => h.l2 === c.col)));
    let rest = row;
    const l1cell = positional ? row.find((c) => c.col === cols.l1) : LEVEL1.test(key(row[0].text)) && row.length > 1 ? row[0] : undefined;
    if (l1cell) {
      level1 = l1cell.text;
      rest = row.filter((c) => c !== l1cell);
    }
    let parts: { period: '实施期' | '年度'; cells: (Cell | undefined)[] }[];
    if (positional) {
      parts = cols.halves.map((h) => ({ period: h.period, cells: [h.l2, h.l3, h.value].map((col) => rest.find((c) => c.col === col)) }));
    } else {
      // shape-based: split into halves and right-align each into (二级, 三级, 指标值)
      const n = cols.halves.length;
      const size = Math.ceil(rest.length / n);
      parts = cols.halves.map((h, i) => {
        const chunk = rest.slice(i * size, (i + 1) * size);
        const padded: (Cell | undefined)[] = [undefined, undefined, undefined];
        if (chunk.length === 1 && /指标$/.test(key(chunk[0].text))) padded[0] = chunk[0];
        else chunk.slice(-3).forEach((c, j, arr) => (padded[3 - arr.length + j] = c));
        return { period: h.period, cells: padded };
      });
      if (rest.length) warn(`indicator row "${rest.map((c) => c.text).join(' | ')}" does not fit the header's columns; read by its shape`, rest[0].src);
    }
    for (const { period, cells } of parts) {
      const [c2, c3, cv] = cells;
      if (c2) level2.set(period, c2.text);
      if (!c3 && !cv) continue;
      out.push({
        ...(level1 ? { level1 } : {}),
        ...(level2.get(period) ? { level2: level2.get(period) } : {}),
        ...(c3 ? { level3: c3.text } : {}),
        ...(cv ? { value: cv.text } : {}),
        period,
        ...prov((c3 ?? cv)?.src),
      });
    }
  }
  return out;
}

export function isProjectPerformanceGrid(m: Matrix): boolean {
  const texts = m.rows.slice(0, 4).flatMap((r) => r.map((c) => key(cleanText(c.text))));
  return texts.includes('项目名称') && m.rows.some((r) => r.some((c) => /绩效指标|一级指标/.test(key(c.text))));
}

export function isOverallPerformanceGrid(m: Matrix): boolean {
  const texts = m.rows.flatMap((r) => r.map((c) => key(cleanText(c.text))));
  return !texts.slice(0, 12).includes('项目名称') && texts.some((t) => /^(部门基本信息|年度绩效指标|整体绩效目标|年度预算情况)$/.test(t));
}

/** 总体目标 | 实施期 text | 年度 text, or a header row (项目总目标 | 年度总体目标) with the texts below it. */
function readGoals(rows: Cell[][]): string[] {
  const inline = rows.find((r) => r.length > 1 && /^总体目标$/.test(key(r[0].text)));
  if (inline) return inline.slice(1).map((c) => c.text);
  const at = rows.findIndex((r) => r.some((c) => /^(项目总目标|实施期目标|总体目标)$/.test(key(c.text))) && r.some((c) => /^年度(总体)?目标$/.test(key(c.text))));
  if (at >= 0 && rows[at + 1]) return rows[at + 1].filter((c) => !/目标$/.test(key(c.text))).map((c) => c.text);
  return [];
}

export function readProject(m: Matrix, tableId: number, diagnostics: Diagnostic[]): Project {
  const rows = m.rows.map(cellsOf);
  const name = valueAfter(rows, /^项目名称$/);
  const dept = valueAfter(rows, /^主管部门(及代码)?$/);
  const deptCode = dept && /^(\d+)\s*[-—]\s*(.+)$/.exec(dept.text);
  // a form printed without rules may wrap this label over two rows (项目资金 / (元)): read each
  // cell together with the one under it
  const withBelow = rows.flatMap((r, i) => r.map((c, k) => c.text + (rows[i + 1]?.[k]?.text ?? '')));
  const unitText = withBelow.find((t) => /项目资金\s*[(（]\s*(万元|元)\s*[)）]/.test(t)) ?? '';
  const fundsUnit: Unit | undefined = /万元/.test(unitText) ? '万元' : /元/.test(unitText) ? '元' : undefined;
  const goals = readGoals(rows);
  const headerAt = rows.findIndex((r) => indicatorColumns(r));
  const projectName = name?.text ?? '';
  const warn = (msg: string, c?: MCell) => diagnostics.push({ severity: 'warning', code: 'performance.indicator-shape', message: `${projectName}: ${msg}`, ...prov(c) });
  const indicators = headerAt >= 0 ? readIndicators(rows.slice(headerAt + 1), indicatorColumns(rows[headerAt])!, warn) : [];
  const funds = readFunds(rows, m);
  if (!funds.annual.total) {
    diagnostics.push({ severity: 'warning', code: 'performance.no-annual-funds', message: `${projectName || `table ${tableId}`}: 年度资金总额 not found`, ...prov(name?.src) });
  }
  return {
    tableId,
    name: projectName,
    ...(dept ? { department: dept.text } : {}),
    ...(deptCode ? { departmentCode: deptCode[1] } : {}),
    ...(valueAfter(rows, /^实施单位$/) ? { implementingUnit: valueAfter(rows, /^实施单位$/)!.text } : {}),
    ...(valueAfter(rows, /^项目属性$/) ? { attribute: valueAfter(rows, /^项目属性$/)!.text } : {}),
    ...(valueAfter(rows, /^项目期$/) ? { period: valueAfter(rows, /^项目期$/)!.text } : {}),
    ...(fundsUnit ? { fundsUnit } : {}),
    implementationFunds: funds.implementation,
    annualFunds: funds.annual,
    goals: { ...(goals[0] ? { implementation: goals[0] } : {}), ...(goals[1] ? { annual: goals[1] } : {}) },
    fundCells: funds.cells,
    indicators,
    ...(funds.withheld.length ? { withheldFunds: funds.withheld } : {}),
    ...prov(name?.src),
  };
}

export function readOverallPerformance(m: Matrix, tableId: number, title: string, diagnostics: Diagnostic[]): OverallPerformance {
  const rows = m.rows.map(cellsOf);
  const facts: OverallPerformance['facts'] = [];
  const funds: OverallPerformance['funds'] = [];
  const headerAt = rows.findIndex((r) => indicatorColumns(r));
  const unitText = rows.flat().find((c) => /[(（]\s*(万元|元)\s*[)）]/.test(c.text))?.text ?? '';
  const unit: Unit | undefined = /万元/.test(unitText) ? '万元' : /元/.test(unitText) ? '元' : undefined;
  rows.slice(0, headerAt >= 0 ? headerAt : rows.length).forEach((row) => {
    for (let i = 0; i + 1 < row.length; i++) {
      const [a, b] = [row[i], row[i + 1]];
      if (isUnmistakableAmount(b.text) && !isUnmistakableAmount(a.text)) {
        funds.push({ label: a.text, value: b.text.replace(/,/g, ''), ...(unit ? { unit } : {}), ...prov(b.src) });
        i++;
      } else if (/^\d+(\.\d+)?\s*(个|人|家|辆|名)$/.test(b.text) && !/\d/.test(a.text)) {
        facts.push({ label: a.text, value: b.text, ...prov(b.src) });
        i++;
      }
    }
  });
  const dept = valueAfter(rows, /^(部门名称|单位名称)$/);
  const warn = (msg: string, c?: MCell) => diagnostics.push({ severity: 'warning', code: 'performance.indicator-shape', message: `${title}: ${msg}`, ...prov(c) });
  const indicators = headerAt >= 0 ? readIndicators(rows.slice(headerAt + 1), indicatorColumns(rows[headerAt])!, warn) : [];
  return { tableId, title, ...(dept ? { department: dept.text } : {}), facts, funds, indicators, ...prov(m.rows[0]?.[0]) };
}
