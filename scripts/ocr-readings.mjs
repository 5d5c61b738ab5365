#!/usr/bin/env node
/**
 * What the OCR path reads, to compare two builds (docs/ocr.md, "Fourth round"): every page's
 * recognised texts (text, box, each character's probability), its rules and skew, as JSON, and the CPU
 * time and peak memory it took. A speed change is kept only when the two builds' files are the same
 * byte for byte; --compare says how many texts differ, and which. Runs on dist/ (`npm run build` first;
 * for main's build, run this script from a copy of main with its own dist/).
 *
 *   node scripts/ocr-readings.mjs OUT.json SCAN.pdf... [--settings JSON]
 *   node scripts/ocr-readings.mjs --compare A.json B.json
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT, machine } from './bench-common.mjs';

const args = process.argv.slice(2);
const at = args.indexOf('--settings');
const settings = at >= 0 ? JSON.parse(args.splice(at, 2)[1]) : {};

if (args[0] === '--compare') {
  const [a, b] = args.slice(1, 3).map((f) => JSON.parse(readFileSync(f, 'utf8')));
  let texts = 0;
  let same = 0;
  const lost = [];
  const gained = [];
  for (const doc of Object.keys(a)) {
    a[doc].forEach((pa, i) => {
      // the texts of B on this page not yet matched, by their string
      const left = (b[doc]?.[i]?.texts ?? []).map((t) => t.text);
      for (const t of pa.texts) {
        texts++;
        const j = left.indexOf(t.text);
        if (j >= 0) left.splice(j, 1);
        else lost.push(`${doc} p. ${i + 1}: ${t.text}`);
        if (b[doc]?.[i]?.texts.some((u) => JSON.stringify(u) === JSON.stringify(t))) same++;
      }
      gained.push(...left.map((t) => `${doc} p. ${i + 1}: ${t}`));
    });
  }
  console.log(`${texts} texts in A: ${same} the same in B to the box and probability, ${texts - lost.length} the same text; ${lost.length} read otherwise in B, ${gained.length} texts of B not in A`);
  for (const l of lost) console.log(`  A only: ${l}`);
  for (const g of gained) console.log(`  B only: ${g}`);
  process.exit(0);
}

const [out, ...files] = args;
const dist = (p) => import(path.join(ROOT, 'dist', p));
const { openPdf } = await dist('extractors/pdf/load-document.js');
const { readPageImage } = await dist('extractors/ocr/index.js');
const cpuNow = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const result = {};
let cpu = 0;
let pages = 0;
for (const file of files) {
  const opened = await openPdf(file, new Uint8Array(readFileSync(file)));
  const read = [];
  for (let p = 1; p <= opened.doc.numPages; p++) {
    const page = await opened.doc.getPage(p);
    const c0 = cpuNow();
    const r = await readPageImage(page, settings);
    // the first page loads the models and is not counted
    if (file !== files[0] || p > 1) {
      cpu += cpuNow() - c0;
      pages++;
    }
    read.push({ skew: r.page.skew, rules: r.page.rules, texts: r.page.texts });
    page.cleanup();
  }
  await opened.doc.destroy?.();
  result[path.basename(file)] = read;
}
writeFileSync(out, JSON.stringify(result));
const m = machine();
console.log(`${pages} pages after the first: ${(cpu / pages).toFixed(0)} CPU ms a page, ${((pages / cpu) * 1000).toFixed(3)} pages per CPU second; peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB; ${m.nproc} cores, load ${m.load}`);
