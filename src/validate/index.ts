/**
 * Validation: the review a reader would do, as findings. (Being filled in: see the rules files.)
 */
import type { Document } from '../../schemas/document.js';
import type { Checks, Finding } from '../../schemas/findings.js';

export function summarize(doc: Document, findings: Finding[]): Checks {
  const byRule: Record<string, number> = {};
  for (const f of findings) byRule[f.rule] = (byRule[f.rule] ?? 0) + 1;
  return {
    document: doc.source.name,
    sha256: doc.source.sha256,
    yusuan: doc.yusuan,
    summary: {
      error: findings.filter((f) => f.severity === 'error').length,
      warning: findings.filter((f) => f.severity === 'warning').length,
      info: findings.filter((f) => f.severity === 'info').length,
      byRule,
    },
    findings,
  };
}

export function validateDocument(doc: Document): Checks {
  return summarize(doc, []);
}
