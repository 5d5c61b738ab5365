/**
 * Naming a table by its title: the first kind of the registry (schemas/table-kinds.ts) whose
 * pattern matches the title (spaces removed) wins. A title that matches nothing is `unknown` and
 * the table is still extracted generically.
 */
import { TABLE_KIND_DEFS, type TableKindId } from '../../schemas/table-kinds.js';

export interface TableKindDef {
  kind: string;
  name: string;
  pattern: RegExp;
  sets: string[];
}

/** The registry's kinds with one pattern each, in matching order (kept for library users). */
export const TABLE_KINDS: TableKindDef[] = TABLE_KIND_DEFS.filter((d) => d.patterns.length).map((d) => ({
  kind: d.kind,
  name: d.name,
  pattern: new RegExp(d.patterns.map((p) => p.source).join('|')),
  sets: [...d.sets],
}));

export function tableKind(title: string): TableKindId {
  const t = title.replace(/\s+/g, '');
  if (!t) return 'unknown';
  return (TABLE_KINDS.find((k) => k.pattern.test(t))?.kind ?? 'unknown') as TableKindId;
}
