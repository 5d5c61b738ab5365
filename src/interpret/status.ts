/**
 * A document's status, decided here and only here, from its diagnostics:
 *   no-content  nothing of a budget disclosure in it (a saved 404 page, a file saying "hello")
 *   partial     something could not be read: an error diagnostic, or a warning that a cell or a grid was lost
 *   success     everything else
 * Other stages add diagnostics; none of them sets a status.
 */
import type { ConversionStatus } from '../../schemas/document.js';
import type { Diagnostic } from '../../schemas/intermediate.js';

/** The diagnostic that says an input holds no budget content at all. */
export const NO_BUDGET_CONTENT = 'document.no-budget-content';

/** Code prefixes of warnings that mean printed content was lost (a cell not read, a grid not rebuilt, bytes not decodable), not merely remarked on. */
const LOSS_WARNINGS = ['cell.unreadable', 'grid.', 'text.invalid-bytes', 'ocr.uncertain'];

function losesContent(d: Diagnostic): boolean {
  return d.severity === 'error' || (d.severity === 'warning' && LOSS_WARNINGS.some((c) => d.code.startsWith(c)));
}

export function documentStatus(diagnostics: readonly Diagnostic[]): ConversionStatus {
  if (diagnostics.some((d) => d.code === NO_BUDGET_CONTENT)) return 'no-content';
  return diagnostics.some(losesContent) ? 'partial' : 'success';
}

/**
 * Words every budget disclosure prints somewhere (its title, its tables' titles, its narrative).
 * A document with no table and none of these is not a disclosure.
 */
const BUDGET_WORDS = /预算|决算|收入|支出|财政拨款|经费|万元/;

export function mentionsBudget(texts: Iterable<string>): boolean {
  for (const t of texts) if (BUDGET_WORDS.test(t)) return true;
  return false;
}
