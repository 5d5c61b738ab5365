/**
 * headlines.csv: the document's headline figures (src/interpret/headlines.ts), one row each, with
 * the document's identity and the cell each was read from.
 */
import type { Document } from '../../schemas/document.js';
import { departmentOf } from './facts.js';

export const HEADLINE_COLUMNS = [
  'document', 'org', 'department', 'year', 'doc_kind', 'figure', 'value', 'unit', 'value_yuan', 'table_kind', 'page',
  'basis', 'table_no', 'table_title', 'row', 'column', 'sha256',
] as const;
export type HeadlineRow = Record<(typeof HEADLINE_COLUMNS)[number], string>;

export function headlineRows(doc: Document): HeadlineRow[] {
  return (doc.headlines ?? []).map((h) => {
    const t = doc.tables[h.table];
    return {
      document: doc.source.name,
      org: doc.identity?.org ?? '',
      department: departmentOf(doc, t),
      year: String(doc.identity?.year ?? doc.year ?? ''),
      doc_kind: doc.identity?.doc_kind ?? doc.docKind ?? '',
      figure: h.figure,
      value: h.value,
      unit: h.unit,
      value_yuan: h.value_yuan,
      table_kind: h.table_kind,
      page: h.page !== undefined ? String(h.page) : '',
      basis: h.basis ?? '',
      table_no: t?.label ?? '',
      table_title: t?.title ?? '',
      row: String(h.row),
      column: h.column,
      sha256: doc.source.sha256,
    };
  });
}
