/**
 * The command line: `yusuan extract <files|dirs|globs…> -o <dir>`.
 */
import { Command, Option } from 'commander';
import { runExtract, type RunOptions } from './batch/run.js';
import { VERSION } from './version.js';

export async function main(argv: string[]): Promise<number> {
  let code = 0;
  const program = new Command();
  program
    .name('yusuan')
    .description('Turn Chinese government budget disclosures (部门预算 / 单位预算 / 部门决算) into validated JSON and CSV')
    .version(VERSION)
    .showHelpAfterError();
  program
    .command('extract')
    .description('extract every table, fact and project of each input (PDF, text, markdown or HTML)')
    .argument('<inputs...>', 'files, directories (searched recursively) or globs')
    .option('-o, --out <dir>', 'output directory', 'out')
    .option('--password <password>', 'user password for encrypted PDFs')
    .option('--quiet', 'no per-document lines')
    .addOption(new Option('--strict', 'exit non-zero when any document has an error finding'))
    .action(async (inputs: string[], opts: RunOptions) => {
      code = await runExtract(inputs, opts);
    });
  await program.parseAsync(argv);
  return code;
}
