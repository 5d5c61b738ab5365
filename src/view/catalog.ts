/**
 * What the viewer knows of an output folder: the list of its documents and a search across them.
 * Two sources give the same answers: the run database (./db-catalog.ts), which answers from SQL
 * without loading the run into memory, and the folders themselves (here), read one document at a
 * time, for an output without a database. A document is named by its output folder (`id`).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Document } from '../../schemas/document.js';
import type { Checks } from '../../schemas/findings.js';
import { documentFolders } from '../util/output-folder.js';

export interface DocSummary {
  id: string;
  name: string;
  format: string;
  org: string | null;
  year: number | null;
  kind: string | null;
  status: string;
  findings: { error: number; warning: number; info: number };
  tables: number;
  facts: number;
}

export type HitKind = 'document' | 'headline' | 'table' | 'fact' | 'finding';

export interface SearchHit {
  id: string;
  org: string | null;
  year: number | null;
  kind: string | null;
  name: string;
  match: HitKind;
  /** table id (document.json `tables[].id`) */
  table?: number;
  tableTitle?: string;
  page?: number;
  block?: string;
  row?: number;
  code?: string;
  item?: string;
  column?: string;
  value?: string;
  unit?: string;
  rule?: string;
  severity?: string;
  message?: string;
}

export interface Catalog {
  readonly mode: 'database' | 'folder';
  count(): number;
  documents(offset: number, limit: number): DocSummary[];
  search(q: string, limit: number): SearchHit[];
  has(id: string): boolean;
  /** input paths the run recorded for this document (database or manifest) */
  recordedPaths(id: string): string[];
  close(): void;
}

/** The figures the identity contract adds (identity.org / headlines), when a document has them. */
interface Identity {
  identity?: { org?: string; organisation?: string; doc_kind?: string; year?: number };
  headlines?: { figure: string; value: string; unit?: string; table?: number; page?: number }[];
}
type Doc = Document & Identity;

export function summarise(id: string, doc: Doc, checks: Checks | undefined, facts: number): DocSummary {
  return {
    id,
    name: doc.source.name,
    format: doc.source.format,
    org: doc.identity?.org ?? doc.identity?.organisation ?? doc.department ?? null,
    year: doc.identity?.year ?? doc.year ?? null,
    kind: doc.identity?.doc_kind ?? doc.docKind ?? null,
    status: doc.status,
    findings: {
      error: checks?.summary.error ?? 0,
      warning: checks?.summary.warning ?? 0,
      info: checks?.summary.info ?? 0,
    },
    tables: doc.tables.length,
    facts,
  };
}

/** Does `text` match the query: a subject code by its prefix, anything else by containment. */
export function matcher(q: string): (text: string | undefined, asCode?: boolean) => boolean {
  const needle = q.trim().toLowerCase();
  const isCode = /^\d{3,}$/.test(needle);
  return (text, asCode = false) => {
    if (!text || !needle) return false;
    if (asCode) return isCode && text.startsWith(needle);
    return text.toLowerCase().includes(needle);
  };
}

/** Every hit of `q` in one document (the folder catalog; the database answers the same in SQL). */
export function documentHits(s: DocSummary, doc: Doc, checks: Checks | undefined, q: string, limit: number): SearchHit[] {
  const m = matcher(q);
  const base = { id: s.id, org: s.org, year: s.year, kind: s.kind, name: s.name };
  const hits: SearchHit[] = [];
  if (m(s.org ?? undefined) || m(s.name)) hits.push({ ...base, match: 'document' });
  doc.headlines?.forEach((h) => {
    if (m(h.figure)) hits.push({ ...base, match: 'headline', item: h.figure, value: h.value, unit: h.unit, page: h.page, table: h.table === undefined ? undefined : doc.tables[h.table]?.id });
  });
  for (const t of doc.tables) {
    const titleHit = m(t.title) || m(t.label);
    if (titleHit) hits.push({ ...base, match: 'table', table: t.id, tableTitle: t.title, page: t.pages[0], unit: t.unit });
    for (const r of t.rows) {
      if (!(titleHit || m(r.code, true) || m(r.item))) continue;
      for (const a of r.amounts) {
        hits.push({ ...base, match: 'fact', table: t.id, tableTitle: t.title, page: a.page ?? r.page, block: r.block, row: r.index, code: r.code, item: r.item, column: a.path, value: a.value, unit: t.unit });
      }
      if (hits.length >= limit) return hits.slice(0, limit);
    }
  }
  for (const f of checks?.findings ?? []) {
    if (m(f.rule) || m(f.message.zh) || m(f.where.code, true)) {
      hits.push({ ...base, match: 'finding', rule: f.rule, severity: f.severity, message: f.message.zh, table: f.where.tableId, tableTitle: f.where.table, page: f.where.page, row: f.where.row, item: f.where.item, column: f.where.column });
    }
  }
  return hits.slice(0, limit);
}

function readJson<T>(path: string): T | undefined {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as T;
  } catch {
    return undefined;
  }
}

export function readDocument(out: string, id: string): { doc: Doc; checks: Checks | undefined } | undefined {
  const doc = readJson<Doc>(join(out, id, 'document.json'));
  return doc ? { doc, checks: readJson<Checks>(join(out, id, 'checks.json')) } : undefined;
}

/** An output folder without a database: summaries are read once; a search reads the documents one by one. */
export class FolderCatalog implements Catalog {
  readonly mode = 'folder' as const;
  private readonly summaries: DocSummary[] = [];
  private readonly ids = new Set<string>();

  constructor(
    private readonly out: string,
    private readonly recorded: Map<string, string[]>,
  ) {
    for (const id of documentFolders(out)) {
      const d = readDocument(out, id);
      if (!d) continue;
      const facts = d.doc.tables.reduce((n, t) => n + t.rows.reduce((k, r) => k + r.amounts.length, 0), 0);
      this.summaries.push(summarise(id, d.doc, d.checks, facts));
      this.ids.add(id);
    }
  }

  count(): number {
    return this.summaries.length;
  }

  documents(offset: number, limit: number): DocSummary[] {
    return this.summaries.slice(offset, offset + limit);
  }

  search(q: string, limit: number): SearchHit[] {
    const hits: SearchHit[] = [];
    for (const s of this.summaries) {
      const d = readDocument(this.out, s.id);
      if (!d) continue;
      hits.push(...documentHits(s, d.doc, d.checks, q, limit - hits.length));
      if (hits.length >= limit) break;
    }
    return hits;
  }

  has(id: string): boolean {
    return this.ids.has(id);
  }

  recordedPaths(id: string): string[] {
    return this.recorded.get(id) ?? [];
  }

  close(): void {}
}
