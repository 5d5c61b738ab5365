/**
 * `yusuan crawl SOURCES`: one crawl now (docs/distributed.md). The report is JSON on stdout; the
 * changes go to the feed; problems of single pages or downloads are reported, not fatal.
 */
import type { Command } from 'commander';
import { EXIT } from '../batch/run.js';

export function registerCrawlCommand(program: Command, setCode: (c: number) => void): void {
  program
    .command('crawl')
    .description('walk the list pages of each source, download new and changed documents (conditionally, by hash), report new/changed/moved/gone')
    .argument('<sources>', 'sources file, JSON or YAML')
    .option('--store <dir>', 'download store (content-addressed) and crawl state', 'crawl')
    .option('--feed <file>', 'JSON-lines change feed to append to (default <store>/changes.jsonl)')
    .option('--db <url>', 'postgres://…: also record the changes in its crawl_changes table')
    .option('--redis <url>', 'queue the new and changed documents for `yusuan worker`')
    .action(async (sources: string, o: { store: string; feed?: string; db?: string; redis?: string }) => {
      if (o.db && !/^postgres(ql)?:\/\//i.test(o.db)) {
        process.stderr.write(`yusuan: --db must be a postgres:// URL (got ${JSON.stringify(o.db)})\n`);
        setCode(EXIT.usage);
        return;
      }
      // loaded when the command runs, not on every `yusuan extract`
      const { crawlAndQueue } = await import('./run.js');
      const { SourcesError } = await import('./sources.js');
      try {
        const r = await crawlAndQueue({ sources, ...o, log: (l) => process.stderr.write(`yusuan: ${l}\n`) });
        process.stdout.write(`${JSON.stringify(r)}\n`);
        setCode(r.sources.some((s) => s.errors.length) ? EXIT.failed : EXIT.ok);
      } catch (e) {
        process.stderr.write(`yusuan: ${(e as Error).message}\n`);
        setCode(e instanceof SourcesError ? EXIT.usage : EXIT.failed);
      }
    });
}
