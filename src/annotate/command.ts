/** The `annotate` subcommand (registered in src/cli.ts). */
import { Option, type Command } from 'commander';
import { resolve } from 'node:path';
import { existsSync } from 'node:fs';
import { EXIT } from '../batch/run.js';
import type { Severity } from '../../schemas/intermediate.js';
import type { AnnotatedDocument } from './annotate-output.js';

export function annotateLine(r: AnnotatedDocument): string {
  if (r.status === 'annotated') return `${r.folder}/${r.file}: ${r.highlights} highlights, ${r.notes} notes`;
  if (r.status === 'not-pdf') return `${r.folder}: not a PDF source, nothing to annotate`;
  return `${r.folder}: ${r.status === 'failed' ? 'failed' : 'source not found'}: ${r.message}`;
}

/** Annotates every PDF document of `out`; exit 1 when a document could not be annotated. */
export async function runAnnotate(out: string, opts: { minSeverity?: Severity; db?: string; quiet?: boolean }): Promise<number> {
  if (!existsSync(out)) {
    process.stderr.write(`yusuan annotate: ${out}: no such output folder\n`);
    return EXIT.usage;
  }
  // loaded on use, so that pdf-lib costs nothing to the other commands
  const { annotateOutput } = await import('./annotate-output.js');
  const results = await annotateOutput(resolve(out), {
    minSeverity: opts.minSeverity,
    db: opts.db,
    onDocument: (r) => {
      const line = annotateLine(r);
      if (r.status === 'source-missing' || r.status === 'failed') process.stderr.write(line + '\n');
      else if (!opts.quiet) process.stdout.write(line + '\n');
    },
  });
  return results.some((r) => r.status === 'source-missing' || r.status === 'failed') ? EXIT.failed : EXIT.ok;
}

export const severityOption = () =>
  new Option('--min-severity <severity>', 'the least severe finding to annotate').choices(['error', 'warning', 'info']).default('info');

export function registerAnnotate(program: Command, setCode: (c: number) => void): void {
  program
    .command('annotate')
    .description('write <out>/<name>/annotated.pdf for every PDF document: the source with each finding as an annotation at its cell')
    .argument('<out>', 'an output folder of yusuan extract')
    .addOption(severityOption())
    .option('--db <file>', 'the run database, when not <out>/yusuan.sqlite')
    .option('--quiet', 'no per-document lines')
    .action(async (out: string, o: { minSeverity: Severity; db?: string; quiet?: boolean }) => setCode(await runAnnotate(out, o)));
}
