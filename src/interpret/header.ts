/**
 * Header rows to column paths. The header zone is the run of rows before the first row that
 * reads as a body row (an amount, a subject code, a total or ordinal label, or a label that is
 * not header vocabulary). Merged header cells are inherited from explicit spans, or, where the
 * source only leaves blanks (tab-separated text, some PDFs), from the nearest text on the left
 * when a header row below shows that the position is a sub-column.
 */
import { cleanText } from '../core/text.js';
import { isAmountText, isUnmistakableAmount } from '../core/amount.js';
import { isColumnNumberRow } from '../core/column-numbers.js';
import { hasOrdinal, isCode, isHeaderish, totalKind } from './labels.js';
import { shownText, type Matrix } from './matrix.js';

export interface HeaderLayout {
  /** rows that form the header (column-number rows excluded) */
  headerRows: number[];
  /** rows that are not data: header rows, column-number rows, repeated headers on later pages */
  skipRows: Set<number>;
  /** the first body row */
  bodyStart: number;
  /** per column, header texts from top to leaf */
  paths: string[][];
  /**
   * side-by-side tables: the column where the right half starts; `income-expenditure` for
   * 收入 | 支出, `repeated` for two halves under the same headers (人员经费 | 公用经费 lists)
   */
  split?: number;
  splitKind?: 'income-expenditure' | 'repeated';
}

export function rowTexts(m: Matrix, r: number): string[] {
  return m.rows[r].map((c) => cleanText(c.text));
}

export function isBodyRow(texts: string[]): boolean {
  if (texts.some((t) => isUnmistakableAmount(t))) return true;
  const first = texts.findIndex((t) => t !== '');
  if (first !== 0) return false;
  const t = texts[0];
  // a code alone or leading the label (2013101 行政运行), not a year (2023年…)
  if (isCode(t) || /^\d{3}(?:\d{2}){0,2}(?![\d年])\s*\S/.test(t)) return true;
  if (totalKind(t)) {
    // 合计 | “三公”经费 | 会议费 …: 合计 heading its own column in a header row, not a total row
    const others = texts.slice(1).filter(Boolean);
    return !others.some((o) => !totalKind(o) && !hasOrdinal(o) && !isCode(o) && !isAmountText(o));
  }
  if (hasOrdinal(t)) return true;
  return !isHeaderish(t);
}

function findBodyStart(m: Matrix, from: number, to: number): { bodyStart: number; numberRows: number[] } {
  const numberRows: number[] = [];
  for (let r = from; r < to; r++) {
    const texts = rowTexts(m, r);
    if (texts.every((t) => !t)) continue;
    if (isColumnNumberRow(texts)) {
      numberRows.push(r);
      continue;
    }
    // a label merged across columns heads them (财政拨款“三公”经费 over its sub-columns)
    const spansRight = m.rows[r][1]?.coveredBy?.row === r && m.rows[r][1]?.coveredBy?.col === 0;
    if (spansRight && !totalKind(texts[0]) && !hasOrdinal(texts[0]) && !texts.some((t) => isUnmistakableAmount(t))) continue;
    if (isBodyRow(texts)) return { bodyStart: r, numberRows };
    if (numberRows.length) return { bodyStart: r, numberRows }; // rows after a 1 2 3 row are body
  }
  return { bodyStart: to, numberRows };
}

/** 收入 … 支出 in one header row: where the expenditure half starts. */
function findSplit(m: Matrix, headerRows: number[]): { col: number; kind: 'income-expenditure' | 'repeated' } | undefined {
  for (const r of headerRows) {
    const texts = m.rows[r].map((_, c) => cleanText(shownText(m, r, c)).replace(/\s+/g, ''));
    const inc = texts.findIndex((t) => /^(收入|.{0,12}收入$)/.test(t) && !/^本年收入|^收入合计/.test(t));
    if (inc < 0) continue;
    const exp = texts.findIndex((t, c) => c > inc && /^(支出|.{0,12}支出$)/.test(t) && texts[inc] !== t);
    if (exp > 0 && texts[exp - 1] !== texts[exp]) {
      // the 支出 cell must start a span: everything left of it belongs to income
      if (inc === 0 || texts.slice(0, inc).every((t) => !t)) return { col: exp, kind: 'income-expenditure' };
    }
  }
  // 项目 … 项目: the label header repeated in one row
  for (const r of headerRows) {
    const texts = m.rows[r].map((c) => cleanText(c.text).replace(/\s+/g, ''));
    const firsts = texts.map((t, c) => (/^(项目|科目名称|收入项目|支出项目)$/.test(t) ? c : -1)).filter((c) => c >= 0);
    if (firsts.length === 2 && firsts[0] === 0) return { col: firsts[1], kind: 'income-expenditure' };
  }
  // the same headers twice side by side (类 款 科目名称 决算数 | 类 款 科目名称 决算数)
  const width = m.width;
  if (width >= 4 && width % 2 === 0) {
    const half = width / 2;
    const key = (c: number) => headerRows.map((r) => cleanText(shownText(m, r, c)).replace(/\s+/g, '')).join('|');
    let same = true;
    for (let c = 0; c < half && same; c++) same = key(c) === key(c + half);
    if (same && headerRows.some((r) => cleanText(m.rows[r][0].text))) return { col: half, kind: 'repeated' };
  }
  return undefined;
}

function columnPaths(m: Matrix, headerRows: number[], explicitSpans: boolean): string[][] {
  const grid = headerRows.map((r) => m.rows[r].map((_, c) => cleanText(shownText(m, r, c))));
  if (!explicitSpans) {
    // implicit spans: a blank with a sub-header below inherits the text on its left,
    // as long as everything above it is the same parent
    for (let i = 0; i < grid.length; i++) {
      for (let c = 1; c < m.width; c++) {
        if (grid[i][c] || !grid[i][c - 1]) continue;
        const childBelow = grid.slice(i + 1).some((row) => row[c]);
        const sameParents = grid.slice(0, i).every((row) => row[c] === row[c - 1]);
        if (childBelow && sameParents) grid[i][c] = grid[i][c - 1];
      }
    }
  }
  return Array.from({ length: m.width }, (_, c) => {
    const path: string[] = [];
    for (const row of grid) {
      const t = row[c];
      if (t && path[path.length - 1] !== t) path.push(t);
    }
    return path;
  });
}

export function layoutHeader(m: Matrix): HeaderLayout {
  // the header may end on the next page when a page break falls inside it
  const { bodyStart, numberRows } = findBodyStart(m, 0, m.rows.length);
  const headerRows: number[] = [];
  for (let r = 0; r < bodyStart; r++) {
    if (!numberRows.includes(r) && rowTexts(m, r).some(Boolean)) headerRows.push(r);
  }
  const skipRows = new Set<number>([...headerRows, ...numberRows]);
  for (let r = 0; r < bodyStart; r++) skipRows.add(r);
  // continuation pages may repeat the header (and the 1 2 3 row): skip rows equal to it
  const headerKeys = new Set([...headerRows, ...numberRows].map((r) => rowTexts(m, r).join('\t')));
  for (const start of m.gridStarts.slice(1)) {
    for (let r = start; r < m.rows.length; r++) {
      const texts = rowTexts(m, r);
      if (headerKeys.has(texts.join('\t')) || isColumnNumberRow(texts)) skipRows.add(r);
      else if (!texts.some(Boolean)) continue;
      else break;
    }
  }
  const explicitSpans = m.rows.some((row) => row.some((c) => c.coveredBy));
  let paths = columnPaths(m, headerRows, explicitSpans);
  const split = findSplit(m, headerRows);
  if (split?.kind === 'income-expenditure') {
    // the block names are the block, not part of the column path
    paths = paths.map((p) => (p.length > 1 && /收\s*入$|支\s*出$/.test(p[0]) ? p.slice(1) : p));
  }
  return { headerRows, skipRows, bodyStart, paths, ...(split ? { split: split.col, splitKind: split.kind } : {}) };
}
