#!/usr/bin/env node
/**
 * pdf.js alone, as yusuan's PDF extractor drives it: open each file, and for every page
 * getTextContent + getOperatorList, then clean up and destroy. No layout, no interpretation, no
 * output. Used by scripts/bench.mjs to tell pdf.js's time from the pipeline's own.
 *   node scripts/bench-pdfjs.mjs <file.pdf>… → one JSON line {files, pages, ms, parseMs}
 */
import { createRequire } from 'node:module';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

const require = createRequire(import.meta.url);
const root = path.dirname(require.resolve('pdfjs-dist/package.json'));
const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');

let pages = 0;
let parseMs = 0;
const t0 = performance.now();
for (const f of process.argv.slice(2)) {
  const data = new Uint8Array(await readFile(f));
  const task = pdfjs.getDocument({
    data,
    cMapUrl: path.join(root, 'cmaps') + path.sep,
    standardFontDataUrl: path.join(root, 'standard_fonts') + path.sep,
    cMapPacked: true,
    verbosity: 0,
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    stopAtErrors: false,
  });
  try {
    const doc = await task.promise;
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
    await task.destroy();
  }
}
process.stdout.write(`${JSON.stringify({ files: process.argv.length - 2, pages, ms: Math.round(performance.now() - t0), parseMs: Math.round(parseMs) })}\n`);
