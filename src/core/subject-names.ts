/**
 * Functional subject codes (政府收支分类科目) under one name across the renames the disclosures
 * show, so that one code reads the same in every year: a document prints the name of its year's
 * classification, the dataset files the code under its current name. Project-owned and small: a
 * code is added here when a corpus document prints it under a former name.
 */
/** A subject code alone: 201, 20101, 2010101, 301, 30101 (functional 类/款/项, economic 类/款). */
export function isSubjectCode(text: string): boolean {
  return /^\d{3}(?:\d{2}){0,2}$/.test(text.replace(/\s+/g, ''));
}

export interface SubjectName {
  code: string;
  /** the current name */
  name: string;
  /** names the code was printed under before */
  former: string[];
}

export const SUBJECT_NAMES: SubjectName[] = [
  { code: '210', name: '卫生健康支出', former: ['医疗卫生与计划生育支出'] },
  { code: '20805', name: '行政事业单位养老支出', former: ['行政事业单位离退休'] },
];

const byCode = new Map(SUBJECT_NAMES.map((s) => [s.code, s]));

/** The canonical name of a code, when the code was renamed; undefined otherwise (the printed name stands). */
export function subjectName(code: string): string | undefined {
  return byCode.get(code)?.name;
}
