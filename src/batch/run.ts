/**
 * A run over many inputs: each document extracted and written, one line per document, a bad
 * file reported and the others still done.
 */
import { join } from 'node:path';
import { FACT_COLUMNS, type Fact } from '../../schemas/document.js';
import { isExtractionError } from '../errors.js';
import { recordsToCsv } from '../export/csv.js';
import { writeDocumentOutputs } from '../export/write-outputs.js';
import { extract } from '../pipeline.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { displayPath, expandInputs, outputStems } from './inputs.js';

export interface RunOptions {
  out: string;
  password?: string;
  quiet?: boolean;
  strict?: boolean;
}

/** Exit codes: 0 all read; 1 some input could not be read; 2 usage (nothing to do); 3 --strict and error findings. */
export const EXIT = { ok: 0, failed: 1, usage: 2, findings: 3 } as const;

export async function runExtract(inputs: string[], opts: RunOptions): Promise<number> {
  const { files, missing } = await expandInputs(inputs);
  for (const m of missing) console.error(`yusuan: ${m}: matches no file`);
  if (!files.length) {
    console.error('yusuan: no input files (supported: .pdf .txt .md .markdown .html .htm)');
    return EXIT.usage;
  }
  const stems = outputStems(files);
  const allFacts: Fact[] = [];
  let failed = missing.length;
  let withErrors = 0;
  for (const file of files) {
    const started = Date.now();
    try {
      const doc = await extract(file, opts.password ? { password: opts.password } : {});
      const { facts } = await writeDocumentOutputs(doc, join(opts.out, stems.get(file)!));
      allFacts.push(...facts);
      const warnings = doc.diagnostics.filter((d) => d.severity === 'warning').length;
      const errors = doc.diagnostics.filter((d) => d.severity === 'error').length;
      if (errors) withErrors++;
      if (!opts.quiet) {
        console.log(
          `${displayPath(file)}: ${doc.status}, ${doc.tables.length} tables, ${facts.length} facts, ${doc.projects.length} projects, ${warnings} warnings, ${errors} errors (${Date.now() - started} ms)`,
        );
      }
    } catch (e) {
      failed++;
      if (isExtractionError(e)) console.error(`yusuan: ${e.message} [${e.reason}]`);
      else console.error(`yusuan: ${displayPath(file)}: internal error: ${(e as Error)?.stack ?? e}`);
    }
  }
  await writeFileAtomic(join(opts.out, 'facts.csv'), await recordsToCsv(FACT_COLUMNS, allFacts));
  if (failed) return EXIT.failed;
  if (opts.strict && withErrors) return EXIT.findings;
  return EXIT.ok;
}
