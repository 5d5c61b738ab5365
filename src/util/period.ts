/**
 * A column path names a measure and often the year it is for (2024年“三公”经费预算数 / 合计): split
 * the two so that one measure has one name in every year's document.
 */
const YEAR_IN_PATH = /(20\d{2})\s*年度?/g;

export interface PeriodMeasure {
  /** the year the column names, else the document's year ('' when neither is known) */
  period: string;
  /** the path with the year taken out */
  measure: string;
}

export function splitPeriod(path: string, documentYear?: number): PeriodMeasure {
  const years = [...path.matchAll(YEAR_IN_PATH)].map((m) => m[1]);
  const measure = path
    .replace(YEAR_IN_PATH, '')
    .split(' / ')
    .map((s) => s.trim())
    .filter(Boolean)
    .join(' / ');
  // a path naming two different years (a comparison column) has no single period of its own
  const named = new Set(years).size === 1 ? years[0] : undefined;
  return { period: named ?? (years.length ? '' : documentYear ? String(documentYear) : ''), measure };
}
