#!/usr/bin/env node
/**
 * pdf.js alone, as yusuan's PDF extractor drives it: open each file with the extractor's own
 * loader (same options, same restored built-ins: dist/extractors/pdf/load-document.js, so run
 * `npm run build` first), and for every page getTextContent + getOperatorList, then clean up and
 * close. No layout, no interpretation, no output. Used by scripts/bench.mjs to tell pdf.js's time
 * from the pipeline's own.
 *   node scripts/bench-pdfjs.mjs <file.pdf>… → one JSON line {files, pages, ms, parseMs}
 */
import { readFile } from 'node:fs/promises';
import { openPdf } from '../dist/extractors/pdf/load-document.js';

let pages = 0;
let parseMs = 0;
const t0 = performance.now();
for (const f of process.argv.slice(2)) {
  let opened;
  try {
    opened = await openPdf(f, new Uint8Array(await readFile(f)));
    const { doc } = opened;
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const t = performance.now();
      await page.getTextContent();
      await page.getOperatorList();
      parseMs += performance.now() - t;
      pages++;
      page.cleanup();
    }
  } catch (e) {
    process.stderr.write(`${f}: ${e?.message ?? e}\n`);
  } finally {
    await opened?.close();
  }
}
process.stdout.write(`${JSON.stringify({ files: process.argv.length - 2, pages, ms: Math.round(performance.now() - t0), parseMs: Math.round(parseMs) })}\n`);
