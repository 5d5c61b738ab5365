/**
 * Unsure OCR readings confirmed by the document's own identities. A numeric cell the recogniser
 * read below its certainty threshold is withheld (its reading kept beside, in Row.withheld and
 * Project.withheldFunds, never as a value). Here, after interpretation and before validation, such
 * a reading becomes a value only when an identity the validator checks (src/identities/: a row's
 * column sums, a total row per column, the code hierarchy per column, a 绩效目标表's funds) contains the cell and holds
 * exactly with it — decimal arithmetic, no rounding allowance — while every other amount of that
 * identity is a sure reading. One unknown per identity; nothing is solved for: the reading must
 * equal what the identity implies. An identity that can be evaluated and fails with the reading
 * keeps it withheld even when another holds. Only sure readings count as known: a reading
 * confirmed here confirms no other.
 *
 * The confirmed amount keeps `ocr` (its confidence) and says `confirmedBy` (the identity); the
 * `ocr.uncertain` warning of the cell becomes an `ocr.confirmed` note naming the identity.
 * A document without withheld readings (every text layer) is returned as it came.
 */
import type { Document, Project, Row, Table } from '../../schemas/document.js';
import type { BBox, Diagnostic } from '../../schemas/intermediate.js';
import { cmp, dec, isDecimal, sum } from '../core/decimal.js';
import { toYuan } from '../core/amount.js';
import { projectFundIdentities } from '../identities/project-funds.js';
import { codeFamilies } from '../identities/code-families.js';
import { rowIdentities, rowIn } from '../identities/row-sums.js';
import { isTotalRow, itemText, totalRowFamilies } from '../identities/total-rows.js';
import { headlineFigures } from '../interpret/headlines.js';
import { documentStatus } from '../interpret/status.js';
import { isMoneyPath } from '../util/money-column.js';

/** One amount of an identity: its value (a sure reading), or a withheld reading. */
export interface Member {
  value: string;
  label: string;
  sure: boolean;
}

export interface Identity<M extends Member> {
  rule: string;
  total: M;
  parts: M[];
  /** what to call the total and the parts, when not their labels (a code family: 类 201, 20101 …) */
  names?: string[];
}

/**
 * The identity that confirms `unsure`, or undefined: every identity containing it whose other
 * members are sure must hold exactly with its reading, and at least one must exist.
 */
export function confirmingIdentity<M extends Member>(unsure: M, ids: readonly Identity<M>[]): Identity<M> | undefined {
  const usable = ids.filter((id) => {
    const all = [id.total, ...id.parts];
    return all.includes(unsure) && all.every((m) => (m === unsure || m.sure) && isDecimal(m.value));
  });
  if (!usable.length) return undefined;
  const holds = (id: Identity<M>) => cmp(dec(id.total.value), sum(id.parts.map((m) => dec(m.value)))) === 0;
  return usable.every(holds) ? usable[0] : undefined;
}

/** `performance.funds: 年度资金总额 200000 = 中央 0 + 省级 0 + 市县 200000 + 自筹 0` */
export function describeIdentity(id: Identity<Member>): string {
  const show = (m: Member, i: number) => `${id.names?.[i] ?? m.label.replace(/^其中[:：]\s*/, '').replace(/[:：]\s*$/, '')} ${m.value}`;
  return `${id.rule}: ${show(id.total, 0)} = ${id.parts.map((m, i) => show(m, i + 1)).join(' + ')}`;
}

const sameBox = (a: BBox | undefined, b: BBox | undefined) => !!a && !!b && a.x0 === b.x0 && a.y0 === b.y0 && a.x1 === b.x1 && a.y1 === b.y1;

/** The cell's `ocr.uncertain` warning becomes a note naming the identity that confirmed it. */
function noteConfirmed(diagnostics: Diagnostic[], at: { page?: number; bbox?: BBox; raw: string; ocr: number }, identity: string): void {
  const i = diagnostics.findIndex((d) => d.code === 'ocr.uncertain' && d.severity === 'warning' && d.page === at.page && sameBox(d.bbox, at.bbox));
  const note: Diagnostic = {
    severity: 'info',
    code: 'ocr.confirmed',
    message: `${at.page ? `page ${at.page}: ` : ''}"${at.raw}" was recognised with a character probability of ${at.ocr}; it is read because it makes an identity hold exactly (${identity})`,
    ...(at.page ? { page: at.page } : {}),
    ...(at.bbox ? { bbox: at.bbox } : {}),
  };
  if (i >= 0) diagnostics[i] = note;
  else diagnostics.push(note);
}

type FundMember = Member & { cell: Project['fundCells'][number] | NonNullable<Project['withheldFunds']>[number]; period: '实施期' | '年度'; key: string };

function confirmFunds(p: Project, diagnostics: Diagnostic[]): Project {
  if (!p.withheldFunds?.length) return p;
  const members: FundMember[] = [
    ...p.fundCells.map((c) => ({ value: c.value, label: c.label, sure: true, cell: c, period: c.period, key: c.key })),
    ...p.withheldFunds.map((w) => ({ value: w.reading, label: w.label, sure: false, cell: w, period: w.period, key: w.key })),
  ];
  const ids = projectFundIdentities(members);
  const fundCells = [...p.fundCells];
  const withheldFunds: NonNullable<Project['withheldFunds']> = [];
  const implementationFunds = { ...p.implementationFunds };
  const annualFunds = { ...p.annualFunds };
  for (const m of members.filter((x) => !x.sure)) {
    const w = m.cell as NonNullable<Project['withheldFunds']>[number];
    const id = confirmingIdentity(m, ids);
    if (!id) {
      withheldFunds.push(w);
      continue;
    }
    const confirmedBy = describeIdentity(id);
    fundCells.push({ period: w.period, key: w.key, label: w.label, value: w.reading, ...(w.page ? { page: w.page } : {}), ...(w.bbox ? { bbox: w.bbox } : {}), ocr: w.ocr, confirmedBy });
    (w.period === '年度' ? annualFunds : implementationFunds)[w.key as keyof typeof annualFunds] = w.reading;
    noteConfirmed(diagnostics, w, confirmedBy);
  }
  const { withheldFunds: _, ...rest } = p;
  return { ...rest, implementationFunds, annualFunds, fundCells, ...(withheldFunds.length ? { withheldFunds } : {}) };
}

type Withheld = NonNullable<Row['withheld']>[number];
type RowMember = Member & { column: number; withheld?: Withheld };

const membersOf = (row: Row): RowMember[] => [
  ...row.amounts.map((a) => ({ value: a.value, label: a.path, sure: true, column: a.column })),
  ...(row.withheld ?? []).map((w) => ({ value: w.reading, label: w.path, sure: false, column: w.column, withheld: w })),
];

/**
 * A table's identities over its amounts (sure) and withheld readings (unsure): each row's column
 * sums (row-sums.ts), each total row per column (total-rows.ts) and each code family per column
 * (code-families.ts). A blank part counts as 0
 * and a blank total is no identity, as in the validator.
 */
function tableIdentities(table: Table, members: Map<Row, RowMember[]>): Identity<RowMember>[] {
  const at = (row: Row, column: number) => members.get(row)!.find((m) => m.column === column);
  const out: Identity<RowMember>[] = [];
  const rowIds = rowIdentities(table);
  for (const row of table.rows) {
    for (const id of rowIds) {
      const total = at(row, id.total.index);
      if (!total || !rowIn(id, row) || !isMoneyPath(total.label)) continue;
      const parts = id.summands.flatMap((s) => s.columns.flatMap((c) => at(row, c.index) ?? []));
      if (parts.length) out.push({ rule: id.rule, total, parts });
    }
  }
  for (const f of totalRowFamilies(table)) {
    for (const total of members.get(f.total)!) {
      // a total among the parts (本年收入合计 in 收入总计) must be printed in this column
      if (!isMoneyPath(total.label) || f.parts.some((p) => isTotalRow(p) && !at(p, total.column))) continue;
      const parts = f.parts.flatMap((p) => at(p, total.column) ?? []);
      const names = f.parts.filter((p) => at(p, total.column)).map((p) => p.code ?? itemText(p));
      if (parts.length) out.push({ rule: `totals.rows (${total.label})`, total, parts, names: [itemText(f.total), ...names] });
    }
  }
  for (const f of codeFamilies(table)) {
    const columns = new Set([f.parent, ...f.children].flatMap((r) => members.get(r)!.map((m) => m.column)));
    for (const column of columns) {
      const total = at(f.parent, column);
      const parts = f.children.flatMap((c) => at(c, column) ?? []);
      if (!total || !parts.length || !isMoneyPath(total.label)) continue;
      const codes = f.children.filter((c) => at(c, column)).map((c) => c.code ?? c.item);
      out.push({ rule: `${f.rule} (${total.label})`, total, parts, names: [`${f.level} ${f.parent.code}`, ...codes] });
    }
  }
  return out;
}

function confirmTable(table: Table, diagnostics: Diagnostic[]): Table {
  if (!table.rows.some((r) => r.withheld?.length)) return table;
  const members = new Map(table.rows.map((r) => [r, membersOf(r)]));
  const ids = tableIdentities(table, members);
  const rows = table.rows.map((row) => {
    if (!row.withheld?.length) return row;
    const amounts = [...row.amounts];
    const withheld: Withheld[] = [];
    for (const m of members.get(row)!.filter((x) => !x.sure)) {
      const w = m.withheld!;
      const id = confirmingIdentity(m, ids);
      if (!id) {
        withheld.push(w);
        continue;
      }
      const confirmedBy = describeIdentity(id);
      const yuan = isMoneyPath(w.path) ? toYuan(w.reading, table.unit) : undefined;
      amounts.push({ column: w.column, path: w.path, raw: w.raw, value: w.reading, ...(yuan !== undefined ? { yuan } : {}), ...(w.page ? { page: w.page } : {}), ...(w.bbox ? { bbox: w.bbox } : {}), ocr: w.ocr, confirmedBy });
      noteConfirmed(diagnostics, w, confirmedBy);
    }
    amounts.sort((a, b) => a.column - b.column);
    const { withheld: _, ...rest } = row;
    return { ...rest, amounts, ...(withheld.length ? { withheld } : {}) };
  });
  const amountCells = rows.reduce((n, r) => n + r.amounts.length, 0);
  return { ...table, rows, quality: { ...table.quality, amountCells } };
}

export function confirmReadings(doc: Document): Document {
  const pending = doc.projects.some((p) => p.withheldFunds?.length) || doc.tables.some((t) => t.rows.some((r) => r.withheld?.length));
  if (!pending) return doc;
  const diagnostics = [...doc.diagnostics];
  const projects = doc.projects.map((p) => confirmFunds(p, diagnostics));
  const tables = doc.tables.map((t) => {
    const p = projects.find((x) => x.tableId === t.id);
    // a 绩效目标表 is empty when it has no 年度 total: a confirmed total fills it
    return p && t.empty && p.annualFunds.total ? { ...t, empty: false } : confirmTable(t, diagnostics);
  });
  // a confirmed amount can be a headline figure
  const headlines = doc.headlines ? { headlines: headlineFigures({ tables, ...(doc.docKind ? { docKind: doc.docKind } : {}) }) } : {};
  return { ...doc, status: documentStatus(diagnostics), tables, projects, ...headlines, diagnostics };
}
