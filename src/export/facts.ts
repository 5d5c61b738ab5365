/**
 * The tidy facts: one row per printed numeric cell, as ../shared/tools/README.md specifies.
 */
import type { Document, Fact, Table } from '../../schemas/document.js';
import { isMoneyPath } from '../util/money-column.js';

function tableFacts(doc: Document, t: Table): Fact[] {
  const base = {
    document: doc.source.name,
    department: t.department ?? doc.department ?? '',
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
function projectFacts(doc: Document): Fact[] {
  return doc.projects.flatMap((p, i) => {
    const t = doc.tables.find((x) => x.id === p.tableId);
    const base = {
      document: doc.source.name,
      department: t?.department ?? doc.department ?? '',
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
    const facts: Fact[] = [];
    for (const c of p.fundCells) {
      facts.push({ ...base, page: c.page !== undefined ? String(c.page) : base.page, item: `${p.name} / ${c.label.replace(/[:：]\s*$/, "")}`, column: `${c.period}资金`, value: c.value });
    }
    return facts;
  });
}

export function documentFacts(doc: Document): Fact[] {
  return [...doc.tables.flatMap((t) => tableFacts(doc, t)), ...projectFacts(doc)];
}
