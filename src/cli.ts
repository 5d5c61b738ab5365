/**
 * The command line: `yusuan extract <files|dirs|globs…> -o <dir>` (docs/batch.md).
 */
import { Command, CommanderError, Option } from 'commander';
import { EXIT, DEFAULT_TIMEOUT_S, runExtract, type RunOptions } from './batch/run.js';
import { VERSION } from './version.js';

export async function main(argv: string[]): Promise<number> {
  let code = 0;
  const program = new Command();
  program
    .name('yusuan')
    .description('Turn Chinese government budget disclosures (部门预算 / 单位预算 / 部门决算) into validated JSON and CSV')
    .version(VERSION)
    .showHelpAfterError()
    .exitOverride();
  program
    .command('extract')
    .description('extract every table, fact and project of each input (PDF, text, markdown or HTML), in parallel, resumably')
    .argument('<inputs...>', 'files, directories (searched recursively) or globs')
    .option('-o, --out <dir>', 'output directory', 'out')
    .option('--password <password>', 'user password for encrypted PDFs')
    .addOption(new Option('--ocr <mode>', 'OCR of page images: auto reads the pages without a text layer (scans), force every page, off none').choices(['auto', 'off', 'force']).default('auto'))
    .option('-j, --jobs <n>', 'worker threads (default: the number of cores)')
    .option('--timeout <seconds>', `per-file limit; a file still running then is stopped and reported as failed (timeout)`, String(DEFAULT_TIMEOUT_S))
    .addOption(new Option('--progress <mode>', 'progress on stderr: a bar on a terminal, JSON lines otherwise').choices(['auto', 'bar', 'json', 'none']).default('auto'))
    .option('--force', 'redo every input, even those whose outputs are complete for the same bytes and version')
    .option('--db <file>', 'SQLite database to store the documents in (default: <out>/yusuan.sqlite)')
    .option('--no-db', 'no database')
    .option('--quiet', 'no per-document lines')
    .addOption(new Option('--strict', 'exit 3 when any document has an error finding'))
    .action(async (inputs: string[], opts: RunOptions) => {
      code = await runExtract(inputs, opts);
    });
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
