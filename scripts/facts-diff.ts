/**
 * What a render of a sample reads wrong: its facts against the facts of the source it was printed
 * from, on the full key (table_no … unit), with the missing and extra keys grouped by table and
 * page, so that each loss is seen where it is (issue 15).
 *
 *   npx tsx scripts/facts-diff.ts RENDER SOURCE [--all]
 *   npx tsx scripts/facts-diff.ts samples/validation/seed.borderless.pdf samples/validation/seed.html
 *
 * Prints recall and precision, then per table the keys only the source has (-) and only the render
 * has (+), each with its page; --all prints every key (default: the first 12 of each group).
 */
import type { Fact } from '../schemas/document.js';
import { documentFacts } from '../src/export/facts.js';
import { extract } from '../src/pipeline.js';

export const KEY_COLUMNS = ['table_no', 'table_kind', 'table_title', 'block', 'row', 'code', 'item', 'column', 'value', 'unit'] as const;

export const factKey = (f: Fact): string => KEY_COLUMNS.map((c) => f[c]).join('|');

export interface FactsDiff {
  recall: number;
  precision: number;
  wanted: number;
  got: number;
  /** per table (label and title): the keys missing from the render and the ones it adds, with their pages */
  tables: { table: string; missing: Fact[]; extra: Fact[] }[];
}

/** The full-key comparison of a render's facts with its source's (multisets: a key twice counts twice). */
export function diffFacts(got: readonly Fact[], want: readonly Fact[]): FactsDiff {
  const count = (fs: readonly Fact[]) => {
    const m = new Map<string, number>();
    for (const f of fs) m.set(factKey(f), (m.get(factKey(f)) ?? 0) + 1);
    return m;
  };
  const left = (fs: readonly Fact[], other: Map<string, number>) =>
    fs.filter((f) => {
      const n = other.get(factKey(f)) ?? 0;
      if (n > 0) other.set(factKey(f), n - 1);
      return n === 0;
    });
  const missing = left(want, count(got));
  const extra = left(got, count(want));
  const wantedKeys = new Set(want.map(factKey));
  const gotKeys = new Set(got.map(factKey));
  const tables = new Map<string, { table: string; missing: Fact[]; extra: Fact[] }>();
  const at = (f: Fact) => {
    const t = `${f.table_no} ${f.table_title}`;
    if (!tables.has(t)) tables.set(t, { table: t, missing: [], extra: [] });
    return tables.get(t)!;
  };
  for (const f of missing) at(f).missing.push(f);
  for (const f of extra) at(f).extra.push(f);
  return {
    recall: want.filter((f) => gotKeys.has(factKey(f))).length / Math.max(1, want.length),
    precision: got.filter((f) => wantedKeys.has(factKey(f))).length / Math.max(1, got.length),
    wanted: want.length,
    got: got.length,
    tables: [...tables.values()],
  };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  const all = process.argv.includes('--all');
  if (args.length !== 2) {
    console.error('usage: facts-diff RENDER SOURCE [--all]');
    process.exit(2);
  }
  const [render, source] = await Promise.all(args.map((p) => extract(p)));
  const d = diffFacts(documentFacts(render), documentFacts(source));
  console.log(`recall ${d.recall.toFixed(4)} precision ${d.precision.toFixed(4)} (${d.wanted} wanted, ${d.got} read)`);
  const show = (sign: string, fs: Fact[]) => {
    for (const f of all ? fs : fs.slice(0, 12)) console.log(`  ${sign} p${f.page} ${f.block ? f.block + ' ' : ''}r${f.row} ${f.code} ${f.item} | ${f.column} = ${f.value}`);
    if (!all && fs.length > 12) console.log(`  ${sign} … ${fs.length - 12} more`);
  };
  for (const t of d.tables.sort((a, b) => b.missing.length + b.extra.length - a.missing.length - a.extra.length)) {
    console.log(`${t.table}: ${t.missing.length} missing, ${t.extra.length} extra`);
    show('-', t.missing);
    show('+', t.extra);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
