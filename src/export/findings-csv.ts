/** findings.csv: the validation findings of one document (src/validate), one row per finding. */
import type { Checks } from '../../schemas/findings.js';
import { toCsv } from './csv.js';

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
