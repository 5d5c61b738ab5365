/**
 * What a printed label says: subject codes, ordinal prefixes, totals, header vocabulary.
 * Plain predicates over strings, shared by header detection and row interpretation.
 */
import { isSubjectCode } from '../core/subject-names.js';
import { cleanText } from '../core/text.js';

/** 一、 / （一） / (一) / 1、 / ① … as printed at the start of a label. */
const ORDINAL = /^(?:[（(][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+[、.．]|[①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳]|\d{1,2}[、.．](?!\d))\s*/;

export function splitOrdinal(label: string): { ordinal?: string; rest: string } {
  const m = ORDINAL.exec(label);
  return m ? { ordinal: m[0].trim(), rest: label.slice(m[0].length) } : { rest: label };
}

export function hasOrdinal(label: string): boolean {
  return ORDINAL.test(label);
}

/** 合计, 总计, 部门合计, 本年收入合计, 收入总计 … (spaces inside allowed: 合 计). */
export function totalKind(label: string): 'total' | 'subtotal' | undefined {
  const t = label.replace(/\s+/g, '');
  if (/小计$/.test(t)) return 'subtotal';
  if (/(合计|总计)$/.test(t) && t.length <= 14) return 'total';
  return undefined;
}

/** A subject code alone (src/core/subject-names.ts). */
export const isCode = isSubjectCode;

/** "2013101 行政运行", "[201]一般公共服务支出", "201-一般…": a code printed inside the label cell. */
export function splitLeadingCode(label: string): { code?: string; rest: string } {
  const m = /^\[?(\d{3}(?:\d{2}){0,2})\]?(?:\s+|[-—.、]|(?=[^\d\s]))(.*)$/u.exec(label.trim());
  if (m && /\p{Script=Han}/u.test(m[2])) return { code: m[1], rest: m[2].trim() };
  return { rest: label };
}

export function codeLevel(code: string): '类' | '款' | '项' | undefined {
  return ({ 3: '类', 5: '款', 7: '项' } as const)[code.length as 3 | 5 | 7];
}

export function codeKind(code: string): 'functional' | 'economic' {
  return /^[35]/.test(code) ? 'economic' : 'functional';
}

export function parentCode(code: string): string | undefined {
  return code.length > 3 ? code.slice(0, code.length - 2) : undefined;
}

/**
 * Words that make a cell a column header rather than a row label. Row labels in the header zone
 * are rare (三公 items, unit names) and carry none of these.
 */
const HEADERISH_START = /^(项目|科目|编码|名称|类|款|项|单位|金额|合计|小计|收入|支出|预算|决算|栏次|行次|序号|功能|经济|部门|年度|本年|上年|资金|指标)/;
const HEADERISH_END = /(编码|名称|科目|项目|预算数|决算数|执行数|金额|收入|支出|合计|小计|资金|结转|拨款|年|年度|分类|类别|代码|数|类|款|项|行次|栏次|说明)$/;

export function isHeaderish(text: string): boolean {
  const t = cleanText(text).replace(/\s+/g, '');
  if (!t) return false;
  return HEADERISH_START.test(t) || HEADERISH_END.test(t);
}

/** Header texts meaning "this column holds row labels". */
export function isLabelHeader(text: string): boolean {
  return /(项目|名称|科目|单位名称|内容|用途)$|^(项目|科目名称|单位名称|项目名称)/.test(text.replace(/\s+/g, ''));
}

export function isCodeHeader(text: string): boolean {
  return /(编码|代码|编号)$/.test(text.replace(/\s+/g, ''));
}

export function isRowNumberHeader(text: string): boolean {
  return /^(行次|栏次|序号|行号)$/.test(text.replace(/\s+/g, ''));
}

