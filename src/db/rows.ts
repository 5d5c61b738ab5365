/**
 * A document and its checks flattened into the rows of the database (docs/database.md).
 * Pure and cheap: built in the worker that extracted the document, so only plain rows cross to
 * the main thread, which is the one writer.
 */
import type { Document, Fact } from '../../schemas/document.js';
import type { Checks } from '../../schemas/findings.js';

type Cell = string | number | null;
export type DbRow = Record<string, Cell>;

export interface DbPayload {
  document: DbRow;
  tables: DbRow[];
  rows: DbRow[];
  facts: DbRow[];
  headlines: DbRow[];
  findings: DbRow[];
  projects: DbRow[];
  /** each indicator names its project by `project_seq` (the project's position in the document) */
  indicators: DbRow[];
}

const s = (v: string | undefined | null): string | null => (v === undefined || v === null || v === '' ? null : v);
const n = (v: number | undefined | null): number | null => (v === undefined || v === null ? null : v);
const num = (v: string | undefined | null): number | null => {
  if (v === undefined || v === null || v === '') return null;
  const x = Number(v);
  return Number.isFinite(x) ? x : null;
};

export function documentPayload(doc: Document, checks: Checks, facts: Fact[], input: { path: string; output: string }): DbPayload {
  const h = doc.source.sha256;
  const diag = (sev: string) => doc.diagnostics.filter((d) => d.severity === sev).length;
  const document: DbRow = {
    sha256: h,
    path: input.path,
    output: input.output,
    name: doc.source.name,
    format: doc.source.format,
    bytes: doc.source.bytes,
    pages: n(doc.source.pages),
    producer: s(doc.source.producer),
    yusuan: doc.yusuan,
    status: doc.status,
    department: s(doc.department),
    year: n(doc.year),
    doc_kind: s(doc.docKind),
    organisation: s(doc.identity?.organisation),
    org: s(doc.identity?.org),
    identity_source: s(doc.identity?.source),
    n_tables: doc.tables.length,
    n_facts: facts.length,
    n_projects: doc.projects.length,
    diagnostics_warning: diag('warning'),
    diagnostics_error: diag('error'),
    findings_error: checks.summary.error,
    findings_warning: checks.summary.warning,
    findings_info: checks.summary.info,
    extracted_at: new Date().toISOString(),
  };
  const tables: DbRow[] = doc.tables.map((t) => ({
    document: h,
    table_id: t.id,
    label: s(t.label),
    title: t.title,
    kind: t.kind,
    department: s(t.department ?? doc.department),
    year: n(t.year ?? doc.year),
    unit: s(t.unit),
    pages: JSON.stringify(t.pages),
    first_page: n(t.pages[0]),
    empty: t.empty ? 1 : 0,
    side_by_side: t.sideBySide ? 1 : 0,
    method: t.quality.method,
    confidence: t.quality.confidence,
    n_rows: t.rows.length,
  }));
  const rows: DbRow[] = doc.tables.flatMap((t) =>
    t.rows.map((r, i) => ({
      document: h,
      table_id: t.id,
      seq: i + 1,
      row_index: r.index,
      block: s(r.block),
      kind: r.kind,
      code: s(r.code),
      code_kind: s(r.codeKind),
      level: s(r.level),
      parent_code: s(r.parentCode),
      ordinal: s(r.ordinal),
      item: r.item,
      page: n(r.page),
      amounts: JSON.stringify(r.amounts.map((a) => ({ column: a.path, value: a.value, ...(a.yuan ? { yuan: a.yuan } : {}) }))),
    })),
  );
  // facts.csv's rows, with the document hash and a numeric copy of the value (the text is exact)
  const tableNo = new Map(doc.tables.map((t) => [`${t.label ?? ''}\u0000${t.kind}\u0000${t.title}`, t.id]));
  const factRows: DbRow[] = facts.map((f, i) => ({
    document: h,
    seq: i + 1,
    table_id: tableNo.get(`${f.table_no}\u0000${f.table_kind}\u0000${f.table_title}`) ?? null,
    table_no: s(f.table_no),
    table_kind: f.table_kind,
    table_title: f.table_title,
    department: s(f.department),
    year: f.year ? Number(f.year) || null : null,
    page: f.page ? Number(f.page) || null : null,
    block: s(f.block),
    row: f.row ? Number(f.row) || null : null,
    code: s(f.code),
    item: f.item,
    column_path: f.column,
    value: f.value,
    value_num: num(f.value),
    unit: s(f.unit),
    doc_kind: s(f.doc_kind),
    org: s(f.org),
    value_yuan: s(f.value_yuan),
    period: f.period ? Number(f.period) || null : null,
    measure: f.measure,
  }));
  const headlines: DbRow[] = (doc.headlines ?? []).map((x, i) => ({
    document: h,
    seq: i + 1,
    figure: x.figure,
    basis: s(x.basis),
    value: x.value,
    unit: x.unit,
    value_yuan: x.value_yuan,
    table_id: doc.tables[x.table]?.id ?? null,
    table_kind: x.table_kind,
    page: n(x.page),
    row: x.row,
    column_path: x.column,
    bbox: x.bbox ? JSON.stringify(x.bbox) : null,
  }));
  const findings: DbRow[] = checks.findings.map((f, i) => ({
    document: h,
    seq: i + 1,
    rule: f.rule,
    severity: f.severity,
    message_zh: f.message.zh,
    message_en: f.message.en,
    table_id: n(f.where.tableId),
    table_title: s(f.where.table),
    page: n(f.where.page),
    row: n(f.where.row),
    item: s(f.where.item),
    code: s(f.where.code),
    column_path: s(f.where.column),
    sentence: s(f.where.sentence),
    expected: s(f.expected),
    found: s(f.found),
    difference: s(f.difference),
  }));
  const projects: DbRow[] = doc.projects.map((p, i) => ({
    document: h,
    seq: i + 1,
    table_id: p.tableId,
    name: p.name,
    department: s(p.department),
    department_code: s(p.departmentCode),
    implementing_unit: s(p.implementingUnit),
    attribute: s(p.attribute),
    period: s(p.period),
    funds_unit: s(p.fundsUnit),
    implementation_total: s(p.implementationFunds.total),
    annual_total: s(p.annualFunds.total),
    funds: JSON.stringify({ implementation: p.implementationFunds, annual: p.annualFunds }),
    goal_implementation: s(p.goals.implementation),
    goal_annual: s(p.goals.annual),
    page: n(p.page),
  }));
  const indicators: DbRow[] = doc.projects.flatMap((p, i) =>
    p.indicators.map((ind, j) => ({
      document: h,
      project_seq: i + 1,
      seq: j + 1,
      period: ind.period,
      level1: s(ind.level1),
      level2: s(ind.level2),
      level3: s(ind.level3),
      value: s(ind.value),
      page: n(ind.page),
    })),
  );
  return { document, tables, rows, facts: factRows, headlines, findings, projects, indicators };
}
