/**
 * The command line: `yusuan extract <files|dirs|globs…> -o <dir>` (docs/batch.md).
 */
import { Command, CommanderError, Option } from 'commander';
import { EXIT, DEFAULT_OCR_PAGE_TIMEOUT_S, DEFAULT_TIMEOUT_S, runExtract, type RunOptions } from './batch/run.js';
import { DEFAULT_MAX_MEMORY_MB } from './batch/pool.js';
import { EXTRACT_EXAMPLES, exitCodesHelp } from './cli-help.js';
import { DEFAULT_DOWNLOAD_TIMEOUT_S, DEFAULT_MAX_DOWNLOAD_MB } from './batch/sources.js';
import { registerCrawlCommand } from './crawl/command.js';
import { registerQueueCommands } from './queue/commands.js';
import { VERSION } from './version.js';
import { registerAnnotate, runAnnotate } from './annotate/command.js';
import { registerView } from './view/command.js';

export async function main(argv: string[]): Promise<number> {
  let code = 0;
  const program = new Command();
  program
    .name('yusuan')
    .description('Turn Chinese government budget disclosures (部门预算 / 单位预算 / 部门决算) into validated JSON and CSV')
    .version(VERSION)
    .showHelpAfterError()
    .exitOverride()
    .addHelpText('after', `\nExamples:\n${EXTRACT_EXAMPLES}\n\n${exitCodesHelp()}`);
  // no arguments: the help, on stderr, and a usage error (a script that forgot its arguments fails)
  if (argv.length <= 2) {
    program.outputHelp({ error: true });
    return EXIT.usage;
  }
  program
    .command('extract')
    .description('extract every table, fact and project of each input (PDF, text, markdown, HTML, CSV, .xlsx/.xls/.ods, .docx), in parallel, resumably')
    .argument('[inputs...]', 'files, directories (searched recursively), globs, http(s) URLs, or - for standard input')
    .option('--from <list>', 'read more inputs from a file, one a line (- : the list on standard input)')
    .option('--max-download-mb <mb>', 'largest file a URL may return', String(DEFAULT_MAX_DOWNLOAD_MB))
    .option('--download-timeout <seconds>', 'time limit for downloading one URL', String(DEFAULT_DOWNLOAD_TIMEOUT_S))
    .option('--no-xlsx', 'no document.xlsx per document')
    .option('--excel-csv', 'write every CSV with a UTF-8 byte-order mark, so that Excel and WPS open it without mojibake')
    .option('-o, --out <dir>', 'output directory', 'out')
    .option('--password <password>', 'user password for encrypted PDFs')
    .addOption(new Option('--ocr <mode>', 'OCR of page images: auto reads the pages without a text layer (scans), force every page, off none').choices(['auto', 'off', 'force']).default('auto'))
    .option('--ocr-page-timeout <seconds>', 'more time for each page read by OCR, added to --timeout', String(DEFAULT_OCR_PAGE_TIMEOUT_S))
    .option('-j, --jobs <n>', 'worker processes (default: the number of cores)')
    .option('--timeout <seconds>', `per-file limit; a file still running then is stopped and reported as failed (timeout)`, String(DEFAULT_TIMEOUT_S))
    .option('--max-memory <MB>', 'memory ceiling per worker, everything it allocates; an input that needs more is stopped and reported as failed (too-large)', String(DEFAULT_MAX_MEMORY_MB))
    .addOption(new Option('--progress <mode>', 'progress on stderr: a bar on a terminal, JSON lines otherwise').choices(['auto', 'bar', 'json', 'none']).default('auto'))
    .option('--force', 'redo every input, even those whose outputs are complete for the same bytes and version')
    .option('--org-aliases <file>', 'CSV (alias,org) of organisation names to add to data/org-aliases.csv; re-run with --force after changing it')
    .option('--table-settings <file>', 'JSON or YAML file placing tables by hand (areas, column edges, ruled/aligned) and overriding layout settings (docs/escape-hatches.md); re-run with --force after changing it')
    .option('--db <file>', 'SQLite database to store the documents in (default: <out>/yusuan.sqlite)')
    .option('--no-db', 'no database')
    .option('--quiet', 'no per-document lines')
    .addOption(new Option('--strict', 'exit 3 when any document has an error finding'))
    .option('--annotate', 'also write <out>/<name>/annotated.pdf for every PDF document (as `yusuan annotate`)')
    .addHelpText('after', `\nExamples:\n${EXTRACT_EXAMPLES}\n\n${exitCodesHelp()}`)
    .action(async (inputs: string[], opts: RunOptions & { annotate?: boolean }) => {
      if (!inputs.length && !opts.from) {
        console.error('yusuan extract: no inputs: give files, folders, globs, URLs, - (standard input) or --from LIST (yusuan extract --help)');
        code = EXIT.usage;
        return;
      }
      code = await runExtract(inputs, opts);
      if (opts.annotate && code !== EXIT.usage) {
        const annotated = await runAnnotate(opts.out, { db: typeof opts.db === 'string' ? opts.db : undefined, quiet: opts.quiet });
        if (code === EXIT.ok) code = annotated;
      }
    });
  registerAnnotate(program, (c) => (code = c));
  registerView(program, (c) => (code = c));
  // distributed mode: crawler, Redis queue and workers, schedules (docs/distributed.md)
  registerCrawlCommand(program, (c) => (code = c));
  registerQueueCommands(program, (c) => (code = c));
  try {
    await program.parseAsync(argv);
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version end the program normally; every other parse error is a usage error
      return e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help' ? EXIT.ok : EXIT.usage;
    }
    throw e;
  }
  return code;
}
