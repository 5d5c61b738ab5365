/**
 * Validation: the review a reader would do, as findings. One file per rule family:
 *   schema.ts (schema.*), hierarchy.ts (hierarchy.*), row-identities.ts (row.*), totals.ts (totals.*),
 *   cross-table.ts (cross.*), narrative.ts (narrative.*), form.ts (form.*), project-funds.ts
 *   (performance.funds); rounding.ts decides what
 *   the printed precision allows (reported as info), messages.ts words the findings (zh + en).
 * validateDocument never throws: a rule that fails is reported as validate.internal and skipped.
 */
import type { Document } from '../../schemas/document.js';
import type { Checks, Finding } from '../../schemas/findings.js';
import { checkCrossTable } from './cross-table.js';
import { checkForm } from './form.js';
import { checkHierarchy } from './hierarchy.js';
import { finding, RULES } from './messages.js';
import { checkNarrative } from './narrative.js';
import { checkProjectFunds } from './project-funds.js';
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
  ['performance', checkProjectFunds],
];

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/**
 * An error says the document is wrong. A table found by text alignment alone (no ruling lines,
 * diagnostic table.no-rules) has inferred columns and may have lost rows: its disagreements are
 * for a reviewer to look at (warning), not a verdict on the document.
 */
function uncertainTables(doc: Document, findings: Finding[]): void {
  const uncertain = new Set((doc?.tables ?? []).filter((t) => t.diagnostics?.some((d) => d.code === 'table.no-rules')).map((t) => t.id));
  if (!uncertain.size) return;
  for (const f of findings) {
    if (f.severity !== 'error' || f.where.tableId === undefined || !uncertain.has(f.where.tableId)) continue;
    f.severity = 'warning';
    f.message = { zh: `${f.message.zh}（该表无表格线，列为推断，请对照原页核实）`, en: `${f.message.en} (the table has no ruling lines: its columns are inferred, check against the page)` };
  }
}

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
  uncertainTables(doc, findings);
  findings.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || (a.where.page ?? 0) - (b.where.page ?? 0));
  return summarize(doc, findings);
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
