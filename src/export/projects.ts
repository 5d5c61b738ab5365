/** projects.csv: the 项目支出绩效目标表 records, one row per indicator (a project without any: one row). */
import type { Document } from '../../schemas/document.js';

export const PROJECT_COLUMNS = [
  'document', 'project', 'department', 'implementing_unit', 'attribute', 'period', 'funds_unit',
  'implementation_funds_total', 'annual_funds_total', 'indicator_period', 'level1', 'level2', 'level3', 'value', 'page',
] as const;
type ProjectRow = Record<(typeof PROJECT_COLUMNS)[number], string>;

export function projectRows(doc: Document): ProjectRow[] {
  return doc.projects.flatMap((p) => {
    const base = {
      document: doc.source.name,
      project: p.name,
      department: p.department ?? '',
      implementing_unit: p.implementingUnit ?? '',
      attribute: p.attribute ?? '',
      period: p.period ?? '',
      funds_unit: p.fundsUnit ?? '',
      implementation_funds_total: p.implementationFunds.total ?? '',
      annual_funds_total: p.annualFunds.total ?? '',
    };
    const none = { indicator_period: '', level1: '', level2: '', level3: '', value: '', page: p.page ? String(p.page) : '' };
    if (!p.indicators.length) return [{ ...base, ...none }];
    return p.indicators.map((ind) => ({
      ...base,
      indicator_period: ind.period,
      level1: ind.level1 ?? '',
      level2: ind.level2 ?? '',
      level3: ind.level3 ?? '',
      value: ind.value ?? '',
      page: ind.page ? String(ind.page) : '',
    }));
  });
}
