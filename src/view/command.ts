/** The `view` subcommand (registered in src/cli.ts): serve an output folder until interrupted. */
import type { Command } from 'commander';
import { EXIT } from '../batch/run.js';

export function registerView(program: Command, setCode: (c: number) => void): void {
  program
    .command('view')
    .description('a local, read-only web viewer of an output folder: documents, tables, findings, each on its source page')
    .argument('<out>', 'an output folder of yusuan extract')
    .option('-p, --port <n>', 'port (default: a free one)', '0')
    .option('--host <address>', 'address to bind; anything but 127.0.0.1 exposes the documents to the network', '127.0.0.1')
    .option('--db <file>', 'the run database, when not <out>/yusuan.sqlite')
    .option('--no-db', 'read the output folders, not the database')
    .action(async (out: string, o: { port: string; host: string; db?: string | boolean }) => {
      const port = Number(o.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) {
        process.stderr.write(`yusuan view: --port ${o.port}: not a port number\n`);
        setCode(EXIT.usage);
        return;
      }
      // loaded on use: the server's dependencies (exceljs, pdf.js paths) cost nothing to the other commands
      const { startViewer } = await import('./server.js');
      let viewer;
      try {
        viewer = await startViewer({ out, port, host: o.host, db: o.db === false ? false : typeof o.db === 'string' ? o.db : undefined });
      } catch (e) {
        process.stderr.write(`yusuan view: ${(e as Error).message}\n`);
        setCode(EXIT.failed);
        return;
      }
      process.stdout.write(`yusuan view: ${viewer.url} (${viewer.catalog.count()} documents, from the ${viewer.catalog.mode}); Ctrl-C to stop\n`);
      await new Promise<void>((done) => {
        const stop = () => void viewer.close().then(done);
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
    });
}
