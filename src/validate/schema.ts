/**
 * Schema: the whole document and each table validated with zod, plus what zod cannot say:
 * required amount columns per table kind, amounts that are decimals whose 元 equals value × unit,
 * codes well-formed and consistent with their level and parent, a known unit. A failure is a
 * finding, never an exception.
 */
import { Document as DocumentSchema, type Document, type Table } from '../../schemas/document.js';
import type { Finding } from '../../schemas/findings.js';
import { kindDef } from '../../schemas/table-kinds.js';
import { cmp, dec, isDecimal } from '../core/decimal.js';
import { finding } from './messages.js';
import { toYuan } from './rounding.js';
import { hasAmounts, valueOf } from './tables.js';
import { leaf } from '../util/column-path.js';
import { codeKindOf } from '../identities/code-families.js';

function zodFindings(doc: unknown): Finding[] {
  const r = DocumentSchema.safeParse(doc);
  if (r.success) return [];
  const tables = (doc as { tables?: { id?: number; title?: string }[] })?.tables ?? [];
  return r.error.issues.slice(0, 50).map((iss) => {
    const path = iss.path.map(String).join('.');
    const where: Finding['where'] = {};
    if (iss.path[0] === 'tables' && typeof iss.path[1] === 'number') {
      const t = tables[iss.path[1]];
      if (t?.id && Number.isInteger(t.id) && t.id > 0) where.tableId = t.id;
      if (typeof t?.title === 'string') where.table = t.title;
      if (iss.path[2] === 'rows' && typeof iss.path[3] === 'number') where.row = iss.path[3] + 1;
    }
    return finding('schema.document', 'error', where, `数据模型校验失败：${path || '(根)'}：${iss.message}`, `the document model is violated at ${path || '(root)'}: ${iss.message}`, { found: path });
  });
}

function columns(t: Table): Finding[] {
  const out: Finding[] = [];
  if (t.empty || /performance/.test(t.kind)) return out;
  const where = { tableId: t.id, table: t.title, ...(t.pages[0] ? { page: t.pages[0] } : {}) };
  const amountCols = t.columns.filter((c) => c.role === 'amount');
  if (!amountCols.length) {
    out.push(finding('schema.columns', 'warning', where, `表「${t.title}」没有识别出金额列`, `table “${t.title}” has no amount column`));
    return out;
  }
  const needs = kindDef(t.kind).columns ?? [];
  if (needs.length) {
    const leaves = amountCols.map((c) => c.path[c.path.length - 1]?.replace(/\s+/g, '') ?? '');
    const missing = needs.filter(([re]) => !leaves.some((l) => re.test(l))).map(([, name]) => name);
    const names = needs.map(([, name]) => name);
    // a template that prints fewer columns (Jiangsu's one 金额 column) is a template difference, not a defect
    if (missing.length) out.push(finding('schema.columns', 'info', where, `表「${t.title}」未列出该类表常见的金额列：${missing.join('、')}（表头：${leaves.join(' | ')}；模板差异）`, `table “${t.title}” does not print the column(s) ${missing.join(', ')} its kind usually has (headers: ${leaves.join(' | ')}; a template difference)`, { expected: names.join(' | '), found: leaves.join(' | ') }));
  }
  // the same header path twice: the columns cannot be told apart
  // two halves under the same headers (人员经费 | 公用经费 side by side) are told apart by their half
  const paths = amountCols.map((c) => `${c.block ?? c.part ?? ''}|${c.path.join('/')}`);
  const dup = [...new Set(paths.filter((p, i) => paths.indexOf(p) !== i))];
  if (dup.length) out.push(finding('schema.columns', 'warning', where, `表「${t.title}」有表头相同的金额列：${dup.map((d) => d.split('|')[1]).join('、')}`, `table “${t.title}” has amount columns with identical headers: ${dup.map((d) => d.split('|')[1]).join(', ')}`));
  return out;
}

function amounts(t: Table): Finding[] {
  const out: Finding[] = [];
  for (const r of t.rows) {
    for (const a of r.amounts) {
      const where = { tableId: t.id, table: t.title, row: r.index, ...(r.code ? { code: r.code } : {}), item: r.item, column: a.path, ...(a.page ?? r.page ? { page: a.page ?? r.page } : {}) };
      if (!isDecimal(a.value)) {
        out.push(finding('schema.amount', 'error', where, `表「${t.title}」第${r.index}行「${a.path}」的值「${a.value}」不是十进制数（原文「${a.raw}」）`, `table “${t.title}” row ${r.index} “${a.path}”: “${a.value}” is not a decimal (printed “${a.raw}”)`, { found: a.value }));
        continue;
      }
      if (a.yuan !== undefined && t.unit) {
        const y = isDecimal(a.yuan) ? dec(a.yuan) : undefined;
        const expect = toYuan(dec(a.value), t.unit);
        if (!y || cmp(y, expect) !== 0) {
          out.push(finding('schema.amount', 'error', where, `表「${t.title}」第${r.index}行「${a.path}」：${a.value}${t.unit} 的元值应为 ${expect.units}（scale ${expect.scale}），而为 ${a.yuan}`, `table “${t.title}” row ${r.index} “${a.path}”: ${a.value} ${t.unit} in 元 should be exact, found ${a.yuan}`, { found: a.yuan }));
        }
      }
    }
  }
  return out;
}

const LEVEL_LEN = { 类: 3, 款: 5, 项: 7 } as const;

function codes(t: Table): Finding[] {
  const out: Finding[] = [];
  const seen = new Map<string, string[]>();
  for (const r of t.rows) {
    if (!r.code) continue;
    const where = { tableId: t.id, table: t.title, row: r.index, code: r.code, item: r.item, ...(r.page ? { page: r.page } : {}) };
    const problems: string[] = [];
    const kind = codeKindOf(r);
    if (!/^\d+$/.test(r.code)) problems.push('not digits / 非纯数字');
    else if (kind === 'functional' && ![3, 5, 7].includes(r.code.length)) problems.push('functional codes have 3/5/7 digits / 功能分类编码应为3/5/7位');
    else if (kind === 'economic' && ![3, 5].includes(r.code.length)) problems.push('economic codes have 3/5 digits / 经济分类编码应为3/5位');
    else if (!kind) problems.push('neither functional (2xx) nor economic (3xx/5xx) / 既非功能分类也非经济分类');
    if (r.level && /^\d+$/.test(r.code) && r.code.length !== LEVEL_LEN[r.level]) problems.push(`level ${r.level} needs ${LEVEL_LEN[r.level]} digits / 级次${r.level}应为${LEVEL_LEN[r.level]}位`);
    if (r.parentCode && !r.code.startsWith(r.parentCode)) problems.push(`parent ${r.parentCode} is not its prefix / 上级编码${r.parentCode}不是其前缀`);
    if (problems.length) out.push(finding('schema.code', 'error', where, `表「${t.title}」第${r.index}行编码 ${r.code}：${problems.map((p) => p.split(' / ')[1]).join('；')}`, `table “${t.title}” row ${r.index} code ${r.code}: ${problems.map((p) => p.split(' / ')[0]).join('; ')}`, { found: r.code }));
    const sig = `${r.block ?? ''}|${r.code}`;
    const fig = r.amounts.map((a) => `${a.column}=${a.value}`).join(',');
    if (!seen.has(sig)) seen.set(sig, []);
    seen.get(sig)!.push(`${r.index}:${r.item}:${fig}`);
  }
  for (const [sig, rows] of seen) {
    const figs = new Set(rows.map((x) => x.split(':').slice(2).join(':')));
    if (rows.length > 1 && figs.size > 1) {
      const code = sig.split('|')[1];
      out.push(
        finding('schema.code-duplicate', 'warning', { tableId: t.id, table: t.title, code, ...(t.pages[0] ? { page: t.pages[0] } : {}) }, `表「${t.title}」编码 ${code} 出现在 ${rows.length} 行且数值不同（第${rows.map((r) => r.split(':')[0]).join('、')}行）：编码可能未完整读出`, `table “${t.title}”: code ${code} is on ${rows.length} rows with different figures (rows ${rows.map((r) => r.split(':')[0]).join(', ')}): the code was probably not read completely`),
      );
    }
  }
  return out;
}

function unit(t: Table): Finding[] {
  if (t.unit || !hasAmounts(t) || /performance/.test(t.kind)) return [];
  return [finding('schema.unit', 'warning', { tableId: t.id, table: t.title, ...(t.pages[0] ? { page: t.pages[0] } : {}) }, `表「${t.title}」有数字但没有识别出金额单位（元/万元）`, `table “${t.title}” has amounts but no known unit (元/万元)`)];
}

export function checkSchema(doc: Document): Finding[] {
  const out = zodFindings(doc);
  for (const t of doc.tables ?? []) {
    try {
      out.push(...columns(t), ...amounts(t), ...codes(t), ...unit(t));
    } catch {
      /* a malformed table is already reported by zod */
    }
  }
  void leaf;
  void valueOf;
  return out;
}
