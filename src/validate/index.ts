/**
 * Validation: the review a reader would do, as findings. One file per rule family:
 *   schema.ts (schema.*), hierarchy.ts (hierarchy.*), row-identities.ts (row.*), totals.ts (totals.*),
 *   cross-table.ts (cross.*), narrative.ts (narrative.*), form.ts (form.*); rounding.ts decides what
 *   the printed precision allows (reported as info), messages.ts words the findings (zh + en).
 * validateDocument never throws: a rule that fails is reported as validate.internal and skipped.
 */
import type { Document } from '../../schemas/document.js';
import type { Checks, Finding } from '../../schemas/findings.js';
import { toCsv } from '../export/csv.js';
import { checkCrossTable } from './cross-table.js';
import { checkForm } from './form.js';
import { checkHierarchy } from './hierarchy.js';
import { finding, RULES } from './messages.js';
import { checkNarrative } from './narrative.js';
import { checkRowIdentities } from './row-identities.js';
import { checkSchema } from './schema.js';
import { checkTotals } from './totals.js';

export { RULES } from './messages.js';

export function summarize(doc: Document, findings: Finding[]): Checks {
  const byRule: Record<string, number> = {};
  for (const f of findings) byRule[f.rule] = (byRule[f.rule] ?? 0) + 1;
  return {
    document: doc?.source?.name ?? 'unknown',
    sha256: doc?.source?.sha256 ?? '',
    yusuan: doc?.yusuan ?? '',
    summary: {
      error: findings.filter((f) => f.severity === 'error').length,
      warning: findings.filter((f) => f.severity === 'warning').length,
      info: findings.filter((f) => f.severity === 'info').length,
      byRule,
    },
    findings,
  };
}

const FAMILIES: [string, (doc: Document) => Finding[]][] = [
  ['schema', checkSchema],
  ['hierarchy', checkHierarchy],
  ['row', checkRowIdentities],
  ['totals', checkTotals],
  ['cross', checkCrossTable],
  ['narrative', checkNarrative],
  ['form', checkForm],
];

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

export function validateDocument(doc: Document): Checks {
  const findings: Finding[] = [];
  for (const [family, run] of FAMILIES) {
    try {
      findings.push(...run(doc));
    } catch (e) {
      // a document that breaks a rule (malformed beyond what zod reported) must not break validation
      findings.push(finding('validate.internal', 'warning', {}, `规则族「${family}」运行出错，已跳过：${(e as Error)?.message ?? e}`, `rule family “${family}” failed and was skipped: ${(e as Error)?.message ?? e}`));
    }
  }
  findings.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || (a.where.page ?? 0) - (b.where.page ?? 0));
  return summarize(doc, findings);
}

export const FINDINGS_COLUMNS = ['document', 'rule', 'severity', 'table_id', 'table', 'page', 'row', 'code', 'item', 'column', 'expected', 'found', 'difference', 'message_zh', 'message_en', 'sentence'];

/** The findings as rows of FINDINGS_COLUMNS (findings.csv, the workbook's findings sheet). */
export function findingRows(checks: Checks): (string | number | undefined)[][] {
  return checks.findings.map((f) => [
      checks.document,
      f.rule,
      f.severity,
      f.where.tableId,
      f.where.table,
      f.where.page,
      f.where.row,
      f.where.code,
      f.where.item,
      f.where.column,
      f.expected,
      f.found,
      f.difference,
      f.message.zh,
      f.message.en,
      f.where.sentence,
    ]);
}

/** findings.csv: one row per finding. */
export async function findingsCsv(checks: Checks): Promise<string> {
  return toCsv(FINDINGS_COLUMNS, findingRows(checks));
}

/** "3 errors, 1 warning, 12 info (hierarchy.functional 2, narrative.growth 1, …)" */
export function summaryLine(checks: Checks): string {
  const { error, warning, info } = checks.summary;
  const plural = (n: number, w: string) => `${n} ${w}${n === 1 || w === 'info' ? '' : 's'}`;
  const errs = new Map<string, number>();
  for (const f of checks.findings) if (f.severity === 'error') errs.set(f.rule, (errs.get(f.rule) ?? 0) + 1);
  const top = [...errs.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 4)
    .map(([r, n]) => `${r} ${n}`)
    .join(', ');
  return `${plural(error, 'error')}, ${plural(warning, 'warning')}, ${plural(info, 'info')}${top ? ` (${top})` : ''}`;
}

void RULES;
