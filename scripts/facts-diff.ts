/**
 * What a render reads differently from the document it was made from: the facts of `got` and of
 * `want` compared on the full key (table_no … unit), the keys missing from `got` and the extra ones
 * listed grouped by table and page, with recall and precision — to see which table and page a
 * borderless render loses before reaching for its cause.
 *
 *   npx tsc -p tsconfig.build.json && node dist/scripts/facts-diff.js GOT WANT [--max N]
 *
 * e.g. GOT samples/misreads-2024-budget.borderless-libreoffice.pdf, WANT samples/misreads-2024-budget.html.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Fact } from '../schemas/document.js';
import { documentFacts } from '../src/export/facts.js';
import { extract } from '../src/pipeline.js';

const KEY = ['table_no', 'table_kind', 'table_title', 'block', 'row', 'code', 'item', 'column', 'value', 'unit'] as const;

/** A fact's full key, the one tests/samples-borderless.test.ts scores on. */
export const factKey = (f: Fact): string => KEY.map((c) => f[c]).join('|');

export interface FactsDiff {
  recall: number;
  precision: number;
  /** facts of one side whose key the other side lacks, grouped by `table_no p.page` */
  missing: Map<string, Fact[]>;
  extra: Map<string, Fact[]>;
}

function grouped(facts: readonly Fact[]): Map<string, Fact[]> {
  const out = new Map<string, Fact[]>();
  for (const f of facts) {
    const g = `${f.table_no} ${f.table_title} p.${f.page}`;
    out.set(g, [...(out.get(g) ?? []), f]);
  }
  return out;
}

/** The two fact lists compared on the full key. */
export function diffFacts(got: readonly Fact[], want: readonly Fact[]): FactsDiff {
  const have = new Set(got.map(factKey));
  const wanted = new Set(want.map(factKey));
  const missing = want.filter((f) => !have.has(factKey(f)));
  const extra = got.filter((f) => !wanted.has(factKey(f)));
  return {
    recall: want.length ? (want.length - missing.length) / want.length : 1,
    precision: got.length ? (got.length - extra.length) / got.length : 1,
    missing: grouped(missing),
    extra: grouped(extra),
  };
}

async function main(argv: string[]): Promise<void> {
  const max = argv.includes('--max') ? Number(argv[argv.indexOf('--max') + 1]) : 8;
  const [gotFile, wantFile] = argv.filter((a, k) => !a.startsWith('--') && argv[k - 1] !== '--max');
  if (!gotFile || !wantFile) {
    process.stderr.write('usage: facts-diff GOT WANT [--max N]\n');
    process.exit(2);
  }
  const [got, want] = await Promise.all([extract(gotFile), extract(wantFile)]);
  const d = diffFacts(documentFacts(got), documentFacts(want));
  const show = (label: string, groups: Map<string, Fact[]>) => {
    for (const [g, fs] of groups) {
      console.log(`${label} ${fs.length}  ${g}`);
      for (const f of fs.slice(0, max)) console.log(`    ${[f.block, f.row, f.code, f.item, f.column, f.value, f.unit].join(' | ')}`);
      if (fs.length > max) console.log(`    … ${fs.length - max} more`);
    }
  };
  console.log(`recall ${d.recall.toFixed(4)}  precision ${d.precision.toFixed(4)}`);
  show('missing', d.missing);
  show('extra', d.extra);
}

if (process.argv[1] && resolve(fileURLToPath(import.meta.url)) === resolve(process.argv[1])) await main(process.argv.slice(2));
