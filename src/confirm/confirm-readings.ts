/**
 * Unsure OCR readings confirmed by the document's own identities. A numeric cell the recogniser
 * read below its certainty threshold is withheld (its reading kept beside, in Row.withheld and
 * Project.withheldFunds, never as a value). Here, after interpretation and before validation, such
 * a reading becomes a value only when an identity the validator checks (src/identities/: a row's
 * column sums, a total row per column, the code hierarchy and the numbered rows per column, a
 * 绩效目标表's funds) contains the cell and holds exactly with it — decimal arithmetic, no rounding
 * allowance — while every other amount of that identity is known. One unknown per identity (or
 * several parts all read 0 where the known members already make it hold); nothing is solved for:
 * the reading must equal what the identity implies. An identity that can be evaluated and fails
 * with the reading keeps it withheld even when another holds. Known are the sure readings, and
 * the readings confirmed in an earlier round (confirmInRounds).
 *
 * The confirmed amount keeps `ocr` (its confidence) and says `confirmedBy` (the identity); the
 * `ocr.uncertain` warning of the cell becomes an `ocr.confirmed` note naming the identity.
 * A document without withheld readings (every text layer) is returned as it came.
 */
import type { Document, Project, Row, Table, Unit } from '../../schemas/document.js';
import type { BBox, Diagnostic } from '../../schemas/intermediate.js';
import { cmp, dec, isDecimal, sum } from '../core/decimal.js';
import { toYuan } from '../core/amount.js';
import { projectFundIdentities } from '../identities/project-funds.js';
import { codeFamilies } from '../identities/code-families.js';
import { labelDepthFamilies, numberedFamilies } from '../identities/numbered-rows.js';
import { crossTotals, grandTotalCell, grandTotalRow, GRAND } from '../identities/cross-totals.js';
import { rowIdentities, rowIn } from '../identities/row-sums.js';
import { balanceCells } from '../identities/balance.js';
import { isTotalRow, itemText, totalRowFamilies } from '../identities/total-rows.js';
import { headlineFigures } from '../interpret/headlines.js';
import { documentStatus } from '../interpret/status.js';
import { isMoneyPath } from '../util/money-column.js';

/** One amount of an identity: its value (a sure reading), or a withheld reading. */
export interface Member {
  value: string;
  label: string;
  sure: boolean;
  /** the unit of the member's table, for identities compared in 元 */
  unit?: Unit;
}

export interface Identity<M extends Member> {
  rule: string;
  total: M;
  parts: M[];
  /** members of tables in different units (a cross-table equality): compared in 元 */
  inYuan?: boolean;
  /** the one member this identity can confirm or contradict (a table's total against one of several summary figures it may equal) */
  only?: M;
  /** what to call the total and the parts, when not their labels (a code family: 类 201, 20101 …) */
  names?: string[];
}

/** Whether every member of the identity, sure or not, reads as a decimal. */
const readable = <M extends Member>(id: Identity<M>) => [id.total, ...id.parts].every((m) => isDecimal(m.value));

/**
 * Whether the identity can be evaluated for `unsure`: it contains it, and every other member is
 * known (`known`: sure, or confirmed in an earlier round) — or every unknown member is a part read as 0 and no member is negative, so that the sure
 * members alone must make it hold (a sum of amounts none below 0 that adds nothing has parts of 0
 * only: two zeros read as specks in one 资金总额 are both confirmed, a 0 beside another unsure
 * figure is not).
 */
function checkable<M extends Member>(unsure: M, id: Identity<M>, known: (m: M) => boolean): boolean {
  const all = [id.total, ...id.parts];
  if (!all.includes(unsure) || (id.only && id.only !== unsure) || !readable(id)) return false;
  const unknown = all.filter((m) => !known(m));
  if (unknown.length === 1) return true;
  return unknown.every((m) => m !== id.total && cmp(dec(m.value), dec('0')) === 0) && all.every((m) => cmp(dec(m.value), dec('0')) >= 0);
}

/**
 * The identity that confirms `unsure`, or undefined: every identity containing it that can be
 * evaluated (checkable) must hold exactly with its reading, and at least one must exist.
 */
export function confirmingIdentity<M extends Member>(unsure: M, ids: readonly Identity<M>[], known: (m: M) => boolean = (m) => m.sure): Identity<M> | undefined {
  const usable = ids.filter((id) => checkable(unsure, id, known));
  if (!usable.length) return undefined;
  const holds = (id: Identity<M>) => {
    const v = (m: M) => dec((id.inYuan ? toYuan(m.value, m.unit) : undefined) ?? m.value);
    return cmp(v(id.total), sum(id.parts.map(v))) === 0;
  };
  return usable.every(holds) ? usable[0] : undefined;
}

/**
 * The unsure members confirmed, round after round: a reading confirmed in one round counts as
 * known in the next (it equals what sure readings imply), so a 款 read unsure beside another
 * confirmed by its own row is read too. Each round decides on what the previous one knew, so the
 * order of the members does not matter. Returns each confirmed member with its identity.
 */
export function confirmInRounds<M extends Member>(members: readonly M[], ids: readonly Identity<M>[]): Map<M, Identity<M>> {
  const confirmed = new Map<M, Identity<M>>();
  const known = (m: M) => m.sure || confirmed.has(m);
  for (;;) {
    const round = members.filter((m) => !known(m)).flatMap((m) => {
      const id = confirmingIdentity(m, ids, known);
      return id ? [[m, id] as const] : [];
    });
    if (!round.length) return confirmed;
    for (const [m, id] of round) confirmed.set(m, id);
  }
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
  const confirmed = confirmInRounds(members, ids);
  for (const m of members.filter((x) => !x.sure)) {
    const w = m.cell as NonNullable<Project['withheldFunds']>[number];
    const id = confirmed.get(m);
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
type RowMember = Member & { column: number; path: string; withheld?: Withheld };

const membersOf = (row: Row, unit: Unit | undefined): RowMember[] => [
  ...row.amounts.map((a) => ({ value: a.value, label: a.path, path: a.path, sure: true, column: a.column, ...(unit ? { unit } : {}) })),
  ...(row.withheld ?? []).map((w) => ({ value: w.reading, label: w.path, path: w.path, sure: false, column: w.column, withheld: w, ...(unit ? { unit } : {}) })),
];

/**
 * Rows whose own box (the first cell: a coded row's code) OCR reported (`ocr.uncertain`: a code
 * the name beside it contradicts, 309 read for 30309 奖励金). Where such a row stands in the code
 * hierarchy is not known, so an identity that places rows by their codes or numbering and has it
 * as a member neither confirms nor contradicts: a 合计 = Σ 类 that counts 309 as a 类 fails
 * whatever the other rows read (江苏省人大常委会办公厅 2019, 302 商品和服务支出 read at 0.78).
 */
function reportedRows(table: Table, diagnostics: readonly Diagnostic[]): Set<Row> {
  const reported = diagnostics.filter((d) => d.code === 'ocr.uncertain' && d.severity === 'warning' && d.bbox);
  return new Set(table.rows.filter((r) => r.bbox && reported.some((d) => d.page === r.page && sameBox(d.bbox, r.bbox))));
}

/**
 * A table's identities over its amounts (sure) and withheld readings (unsure): each row's column
 * sums (row-sums.ts), each total row per column (total-rows.ts), each code family per column
 * (code-families.ts), each numbered row with its sub-list (numbered-rows.ts) and a side-by-side
 * summary's 收入总计 = 支出总计 (balance.ts). A blank part
 * counts as 0 and a blank total is no identity, as in the validator. A family with a row OCR
 * reported in it (reportedRows) is left out.
 */
function tableIdentities(table: Table, members: Map<Row, RowMember[]>, reported: ReadonlySet<Row>): Identity<RowMember>[] {
  const at = (row: Row, column: number) => members.get(row)!.find((m) => m.column === column);
  const placed = (rows: readonly Row[]) => !rows.some((r) => reported.has(r));
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
    if (!placed([f.total, ...f.parts])) continue;
    for (const total of members.get(f.total)!) {
      // a total among the parts (本年收入合计 in 收入总计) must be printed in this column
      if (!isMoneyPath(total.label) || f.parts.some((p) => isTotalRow(p) && !at(p, total.column))) continue;
      const parts = f.parts.flatMap((p) => at(p, total.column) ?? []);
      const names = f.parts.filter((p) => at(p, total.column)).map((p) => p.code ?? itemText(p));
      if (parts.length) out.push({ rule: `totals.rows (${total.label})`, total, parts, names: [itemText(f.total), ...names] });
    }
  }
  const families = [
    ...codeFamilies(table).map((f) => ({ ...f, name: `${f.level} ${f.parent.code}`, rule: f.rule as string })),
    ...[...labelDepthFamilies(table), ...numberedFamilies(table)].map((f) => ({ ...f, name: itemText(f.parent), rule: f.rule as string })),
  ];
  for (const f of families) {
    if (!placed([f.parent, ...f.children])) continue;
    const columns = new Set([f.parent, ...f.children].flatMap((r) => members.get(r)!.map((m) => m.column)));
    for (const column of columns) {
      const total = at(f.parent, column);
      const parts = f.children.flatMap((c) => at(c, column) ?? []);
      if (!total || !parts.length || !isMoneyPath(total.label)) continue;
      const codes = f.children.filter((c) => at(c, column)).map((c) => c.code ?? itemText(c));
      out.push({ rule: `${f.rule} (${total.label})`, total, parts, names: [f.name, ...codes] });
    }
  }
  // 收入总计 = 支出总计 in a side-by-side summary (balance.ts)
  const balance = balanceCells(table, (r) => members.get(r) ?? [])?.cells;
  if (balance && balance.every((m) => isMoneyPath(m.path))) out.push({ rule: 'totals.balance', total: balance[0], parts: [balance[1]], names: ['收入总计', '支出总计'] });
  return out;
}

/**
 * A table's grand total = the figure its summary prints for it (cross-totals.ts), one identity per
 * summary figure, compared in 元 (the tables may print 元 and 万元). A table without a total row
 * (its total a sum of 类 rows) has none here.
 */
function crossIdentities(doc: Document, members: Map<Row, RowMember[]>): Identity<RowMember>[] {
  const cellsOf = (r: Row) => members.get(r) ?? [];
  const name = (t: Table, r: Row) => `「${t.title}」${itemText(r)}${t.unit ? `（${t.unit}）` : ''}`;
  const out: Identity<RowMember>[] = [];
  for (const { table, refs } of crossTotals(doc, cellsOf)) {
    const row = grandTotalRow(table.rows);
    const total = row && grandTotalCell(row, GRAND, cellsOf);
    if (!row || !total) continue;
    for (const ref of refs) {
      // in 元 only where both units are printed: a table without one is not compared across
      if (!isMoneyPath(ref.cell.path) || !table.unit || !ref.table.unit) continue;
      // the total equals one of several summary figures (本年收入合计, 收入总计): each one says
      // nothing of the figure itself, and the total is read only where all of them agree with it
      const only = refs.length > 1 ? { only: total } : {};
      out.push({ rule: 'cross.totals', total, parts: [ref.cell], inYuan: true, names: [name(table, row), name(ref.table, ref.row)], ...only });
    }
  }
  return out;
}

/** The table with its confirmed readings moved from `withheld` to `amounts`, each noted. */
function confirmTable(table: Table, members: Map<Row, RowMember[]>, confirmed: Map<RowMember, Identity<RowMember>>, diagnostics: Diagnostic[]): Table {
  if (!table.rows.some((r) => r.withheld?.length)) return table;
  const rows = table.rows.map((row) => {
    if (!row.withheld?.length) return row;
    const amounts = [...row.amounts];
    const withheld: Withheld[] = [];
    for (const m of members.get(row)!.filter((x) => !x.sure)) {
      const w = m.withheld!;
      const id = confirmed.get(m);
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

/** The withheld readings of the tables confirmed by the identities within each table and across tables. */
function confirmTables(doc: Document, diagnostics: Diagnostic[]): Table[] {
  if (!doc.tables.some((t) => t.rows.some((r) => r.withheld?.length))) return doc.tables;
  const members = new Map(doc.tables.flatMap((t) => t.rows.map((r) => [r, membersOf(r, t.unit)] as const)));
  const pending = doc.tables.filter((t) => t.rows.some((r) => r.withheld?.length));
  const ids = [...pending.flatMap((t) => tableIdentities(t, members, reportedRows(t, diagnostics))), ...crossIdentities(doc, members)];
  const confirmed = confirmInRounds([...members.values()].flat(), ids);
  return doc.tables.map((t) => confirmTable(t, members, confirmed, diagnostics));
}

export function confirmReadings(doc: Document): Document {
  const pending = doc.projects.some((p) => p.withheldFunds?.length) || doc.tables.some((t) => t.rows.some((r) => r.withheld?.length));
  if (!pending) return doc;
  const diagnostics = [...doc.diagnostics];
  const projects = doc.projects.map((p) => confirmFunds(p, diagnostics));
  const tables = confirmTables(doc, diagnostics).map((t) => {
    const p = projects.find((x) => x.tableId === t.id);
    // a 绩效目标表 is empty when it has no 年度 total: a confirmed total fills it
    return p && t.empty && p.annualFunds.total ? { ...t, empty: false } : t;
  });
  // a confirmed amount can be a headline figure
  const headlines = doc.headlines ? { headlines: headlineFigures({ tables, ...(doc.docKind ? { docKind: doc.docKind } : {}) }) } : {};
  return { ...doc, status: documentStatus(diagnostics), tables, projects, ...headlines, diagnostics };
}
