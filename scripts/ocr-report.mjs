#!/usr/bin/env node
/**
 * One scan against the born-digital PDF it was made from (after `npm run build`): recall, precision,
 * wrong amounts not flagged, and every missed and wrong fact classified (scripts/ocr-misses.ts).
 *
 *   node scripts/ocr-report.mjs SCAN.pdf TEXT.pdf
 *   node scripts/ocr-report.mjs samples/xinzhou-xinfang-2024-budget.scan.pdf samples/xinzhou-xinfang-2024-budget.libreoffice.pdf
 */
import path from 'node:path';
import { ROOT } from './bench-common.mjs';

const [scanFile, textFile] = process.argv.slice(2);
if (!scanFile || !textFile) {
  console.error('usage: node scripts/ocr-report.mjs SCAN.pdf TEXT.pdf');
  process.exit(2);
}
const { extract } = await import(path.join(ROOT, 'dist/src/pipeline.js'));
const { validateDocument } = await import(path.join(ROOT, 'dist/src/validate/index.js'));
const { ocrAccuracy, ocrValueCheck } = await import(path.join(ROOT, 'dist/scripts/ocr-accuracy.js'));
const { missReport } = await import(path.join(ROOT, 'dist/scripts/ocr-misses.js'));

const [scan, text] = [await extract(scanFile), await extract(textFile)];
const checks = validateDocument(scan);
const acc = ocrAccuracy(scan, checks, text);
const values = ocrValueCheck(scan, checks, text);
console.log(`${scanFile}: recall ${acc.recall.toFixed(4)} precision ${acc.precision.toFixed(4)} (${acc.matched}/${acc.textFacts}), wrong ${acc.wrong.length}, unflagged ${acc.unflagged.length}; amounts by place ${values.right}/${values.amounts} right, ${values.unflagged.length} wrong and not flagged`);
for (const line of missReport(acc)) console.log(line);
