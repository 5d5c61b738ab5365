/**
 * What a line of text outside a grid is: a table title (with or without its label), a label
 * alone, the department line, the unit line, a note, a page number, a TOC entry, or narrative.
 */
import { parseUnit, type Unit } from '../core/amount.js';
import { cleanText } from '../core/text.js';
import { isPageNumberLine } from '../core/page-number.js';
import { isNoteLine } from '../core/note-line.js';

export type LineKind =
  | { kind: 'title'; title: string; label?: string }
  | { kind: 'label'; label: string }
  | { kind: 'meta'; department?: string; unit?: Unit }
  | { kind: 'note'; text: string; empty: boolean }
  | { kind: 'pagenumber' }
  | { kind: 'toc' }
  | { kind: 'text'; text: string };

const NUM = '(?:[0-9]{1,2}|[一二三四五六七八九十]{1,3})';
/** 预算公开表1, 部门公开表9, 公开01表, 公开 01 表, 表一, 附表3, 表1-2 */
const LABEL = new RegExp(`^(?:(?:预算公开表|部门公开表|单位公开表|公开表|部门预算表|附表|表)\\s*${NUM}(?:\\s*[-－—]\\s*\\d{1,2})?|公开\\s*\\d{1,2}\\s*表)`);
const TOC = /(\.{4,}|…{2,}|·{4,}|-{4,}\s*\d+\s*$)/;
const DEPARTMENT = /(?:部门名称|编制部门|编制单位|预算单位|预算主管部门|主管部门|单位名称|部门)\s*[:：]\s*(.+?)(?=\s{2,}|\s*(?:金额)?单位\s*[:：]|\s*\d{4}\s*年|$)/;
const SECTION = /^第[一二三四五六七八九十]+部分/;
/** a title: ends with 表 (optionally followed by a parenthetical), no sentence punctuation */
const TITLE = /^(?:[一二三四五六七八九十]{1,3}[、.．]\s*|\d{1,2}\s*[、.．]\s*)?(.{2,60}?表)\s*([（(][^（）()]{1,20}[）)])?$/;

export function stripOrdinalPrefix(s: string): string {
  return s.replace(/^(?:[一二三四五六七八九十]{1,3}[、.．]|\d{1,2}\s*[、.．](?!\d))\s*/, '');
}

export function classifyLine(raw: string): LineKind {
  const text = cleanText(raw);
  if (!text) return { kind: 'pagenumber' };
  if (TOC.test(text)) return { kind: 'toc' };
  if (isPageNumberLine(text)) return { kind: 'pagenumber' };
  const compact = text.replace(/\s+/g, '');
  if (isNoteLine(text) || /本表无数据|无数据$/.test(text)) {
    return { kind: 'note', text, empty: /无数据|本表为空|无此项|不涉及|没有.{0,8}(收支|支出|收入|数据)|为空表/.test(compact) };
  }
  const dep = DEPARTMENT.exec(text);
  const unit = parseUnit(text);
  if (dep || (unit && compact.length <= 24)) {
    const department = dep ? cleanText(dep[1]).replace(/\s*(?:金额)?单位.*$/, '').trim() : undefined;
    return { kind: 'meta', ...(department ? { department } : {}), ...(unit ? { unit } : {}) };
  }
  const labelMatch = LABEL.exec(compact);
  let label: string | undefined;
  let rest = compact;
  if (labelMatch) {
    label = labelMatch[0];
    rest = compact.slice(label.length).replace(/^[:：、.．\s]+/, '');
    if (!rest) return { kind: 'label', label };
  }
  if (SECTION.test(rest) || /[，。；;！？]/.test(rest) || rest.length > 70) return { kind: 'text', text };
  const m = TITLE.exec(rest);
  if (m && /预算|决算|收支|收入|支出|经费|绩效|采购|拨款|资金/.test(m[1])) {
    const title = stripOrdinalPrefix(rest);
    return { kind: 'title', title, ...(label ? { label } : {}) };
  }
  return { kind: 'text', text };
}
