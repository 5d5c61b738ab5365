/**
 * All outputs of one document under <out>/<stem>/: document.json, tables/NN-<kind>.csv,
 * facts.csv, headlines.csv and projects.csv. Every file is written atomically; document.json is written last,
 * so its presence (with the input's hash and yusuan's version) marks the set as complete.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { FACT_COLUMNS, type Document, type Fact } from '../../schemas/document.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { recordsToCsv, toCsv } from './csv.js';
import { documentFacts } from './facts.js';
import { HEADLINE_COLUMNS, headlineRows } from './headlines.js';

export const PROJECT_COLUMNS = [
  'document', 'project', 'department', 'implementing_unit', 'attribute', 'period', 'funds_unit',
  'implementation_funds_total', 'annual_funds_total', 'indicator_period', 'level1', 'level2', 'level3', 'value', 'page',
] as const;
type ProjectRow = Record<(typeof PROJECT_COLUMNS)[number], string>;

export function projectRows(doc: Document): ProjectRow[] {
  return doc.projects.flatMap((p) => {
    const base = {
      document: doc.source.name,
      project: p.name,
      department: p.department ?? '',
      implementing_unit: p.implementingUnit ?? '',
      attribute: p.attribute ?? '',
      period: p.period ?? '',
      funds_unit: p.fundsUnit ?? '',
      implementation_funds_total: p.implementationFunds.total ?? '',
      annual_funds_total: p.annualFunds.total ?? '',
    };
    const none = { indicator_period: '', level1: '', level2: '', level3: '', value: '', page: p.page ? String(p.page) : '' };
    if (!p.indicators.length) return [{ ...base, ...none }];
    return p.indicators.map((ind) => ({
      ...base,
      indicator_period: ind.period,
      level1: ind.level1 ?? '',
      level2: ind.level2 ?? '',
      level3: ind.level3 ?? '',
      value: ind.value ?? '',
      page: ind.page ? String(ind.page) : '',
    }));
  });
}

export function tableFileName(t: Document['tables'][number]): string {
  return `${String(t.id).padStart(2, '0')}-${t.kind}.csv`;
}

export interface WrittenOutputs {
  dir: string;
  facts: Fact[];
}

export async function writeDocumentOutputs(doc: Document, dir: string, extra: Record<string, string> = {}): Promise<WrittenOutputs> {
  const facts = documentFacts(doc);
  const tablesDir = join(dir, 'tables');
  // tables from an earlier run of a different version may have other names: clear them first
  rmSync(tablesDir, { recursive: true, force: true });
  for (const t of doc.tables) {
    const width = Math.max(0, ...t.printed.map((r) => r.length));
    const rows = t.printed.map((r) => Array.from({ length: width }, (_, i) => r[i]?.text ?? ''));
    await writeFileAtomic(join(tablesDir, tableFileName(t)), await toCsv(rows[0] ?? [], rows.slice(1)));
  }
  await writeFileAtomic(join(dir, 'facts.csv'), await recordsToCsv(FACT_COLUMNS, facts));
  await writeFileAtomic(join(dir, 'headlines.csv'), await recordsToCsv([...HEADLINE_COLUMNS], headlineRows(doc)));
  await writeFileAtomic(join(dir, 'projects.csv'), await recordsToCsv([...PROJECT_COLUMNS], projectRows(doc)));
  for (const [name, text] of Object.entries(extra)) await writeFileAtomic(join(dir, name), text);
  await writeFileAtomic(join(dir, 'document.json'), `${JSON.stringify(doc, null, 1)}\n`);
  return { dir, facts };
}
