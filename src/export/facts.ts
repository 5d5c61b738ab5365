/**
 * The tidy facts: one row per printed numeric cell, as ../shared/tools/README.md specifies, then
 * the dataset columns (issue 9): doc_kind, org, value_yuan, period, measure, sha256.
 */
import type { Document, Fact, Table } from '../../schemas/document.js';
import { toYuan, type Unit } from '../core/amount.js';
import { splitPeriod } from '../util/period.js';
import { isMoneyPath } from '../util/money-column.js';

type Contract = Omit<Fact, 'doc_kind' | 'org' | 'value_yuan' | 'period' | 'measure' | 'sha256'>;

/** The department a fact is filed under: the table's own printed unit name, else the document's organisation. */
export function departmentOf(doc: Document, t: Table | undefined): string {
  return t?.department ?? doc.identity?.organisation ?? doc.department ?? '';
}

/** The contract row completed with the document's identity and the exact 元 value. */
function complete(doc: Document, f: Contract): Fact {
  const id = doc.identity;
  const year = id?.year ?? doc.year;
  const { period, measure } = splitPeriod(f.column, year);
  return {
    ...f,
    doc_kind: id?.doc_kind ?? doc.docKind ?? '',
    org: id?.org ?? '',
    value_yuan: f.unit === '元' || f.unit === '万元' ? (toYuan(f.value, f.unit as Unit) ?? '') : '',
    period,
    measure,
    sha256: id?.sha256 ?? doc.source.sha256,
  };
}

function tableFacts(doc: Document, t: Table): Contract[] {
  const base = {
    document: doc.source.name,
    department: departmentOf(doc, t),
    year: String(t.year ?? doc.year ?? ''),
    table_no: t.label ?? '',
    table_kind: t.kind,
    table_title: t.title,
    unit: t.unit ?? '',
  };
  return t.rows.flatMap((r) =>
    r.amounts.map((a) => ({
      ...base,
      page: a.page !== undefined ? String(a.page) : '',
      block: r.block ?? '',
      row: String(r.index),
      code: r.code ?? '',
      item: r.item,
      column: a.path,
      value: a.value,
      // a column that is not money (增减%, 人数) has no money unit
      ...(isMoneyPath(a.path) ? {} : { unit: '' }),
    })),
  );
}

/** 绩效目标表 funds: printed numbers too, read from the project records. */
function projectFacts(doc: Document): Contract[] {
  return doc.projects.flatMap((p, i) => {
    const t = doc.tables.find((x) => x.id === p.tableId);
    const base = {
      document: doc.source.name,
      department: departmentOf(doc, t),
      year: String(t?.year ?? doc.year ?? ''),
      table_no: t?.label ?? '',
      table_kind: 'project_performance',
      table_title: t?.title ?? '',
      page: p.page !== undefined ? String(p.page) : '',
      block: '',
      row: String(i + 1),
      code: '',
      unit: p.fundsUnit ?? '',
    };
    const facts: Contract[] = [];
    for (const c of p.fundCells) {
      facts.push({ ...base, page: c.page !== undefined ? String(c.page) : base.page, item: `${p.name} / ${c.label.replace(/[:：]\s*$/, "")}`, column: `${c.period}资金`, value: c.value });
    }
    return facts;
  });
}

export function documentFacts(doc: Document): Fact[] {
  return [...doc.tables.flatMap((t) => tableFacts(doc, t)), ...projectFacts(doc)].map((f) => complete(doc, f));
}
