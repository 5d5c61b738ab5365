/**
 * Dev tool: prints the intermediate form of a PDF (text blocks, grids as tab-separated rows with
 * method and confidence), page by page, to compare with `pdftotext -layout`.
 *   npx tsx scripts/dump-ir.ts FILE.pdf [--pages 3-5] [--json] [--time]
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { extractPdf } from '../extractors/pdf/index.js';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const files = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--pages');
  const pi = args.indexOf('--pages');
  const range = pi >= 0 ? args[pi + 1].split('-').map(Number) : undefined;
  const json = args.includes('--json');
  const timeOnly = args.includes('--time');
  let pages = 0;
  const t0 = performance.now();
  for (const file of files) {
    const bytes = new Uint8Array(readFileSync(file));
    const t1 = performance.now();
    const doc = await extractPdf({ path: file, name: path.basename(file), bytes, sha256: createHash('sha256').update(bytes).digest('hex') });
    pages += doc.source.pages ?? 0;
    if (timeOnly) {
      const grids = doc.blocks.filter((b) => b.type === 'grid').length;
      console.log(`${(performance.now() - t1).toFixed(0)}ms\t${doc.source.pages}p\t${grids} grids\t${path.basename(file)}`);
      continue;
    }
    if (json) {
      console.log(JSON.stringify(doc, null, 1));
      continue;
    }
    console.log(`# ${doc.source.name} pages=${doc.source.pages} producer=${doc.source.producer ?? ''}`);
    for (const d of doc.diagnostics) console.log(`! ${d.severity} ${d.code} p${d.page ?? ''} ${d.message}`);
    let page = 1;
    for (const b of doc.blocks) {
      if (b.type === 'pagebreak') {
        page = b.page ?? page + 1;
        if (!range || (page >= range[0] && page <= (range[1] ?? range[0]))) console.log(`\n======== page ${page}`);
        continue;
      }
      if (range && (page < range[0] || page > (range[1] ?? range[0]))) continue;
      if (b.type === 'text') {
        console.log(`T${b.heading ? `h${b.heading}` : ''} ${b.text}`);
      } else {
        console.log(`[grid ${b.method} conf=${b.confidence} rows=${b.rows.length} edges=${(b.columnEdges ?? []).map((x) => Math.round(x)).join(',')}]`);
        for (const r of b.rows) {
          console.log(
            '  | ' +
              r.cells
                .map((c) => c.text + ((c.colSpan ?? 1) > 1 ? `<c${c.colSpan}>` : '') + ((c.rowSpan ?? 1) > 1 ? `<r${c.rowSpan}>` : ''))
                .join('\t'),
          );
        }
        console.log('[/grid]');
      }
    }
  }
  const dt = (performance.now() - t0) / 1000;
  console.error(`${pages} pages in ${dt.toFixed(2)}s = ${(pages / dt).toFixed(1)} pages/s`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
