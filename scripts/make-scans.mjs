#!/usr/bin/env node
// Scan-like copies of PDFs: every page rasterised at 200 dpi in grey, turned by a small angle,
// given noise and JPEG compression, and put back into a PDF of page images with no text layer —
// what a county bureau's scanner publishes.
//
//   node scripts/make-scans.mjs IN.pdf OUT.pdf [--dpi 200] [--skew 0.6] [--pages 1-3,5] [--seed N]
//   node scripts/make-scans.mjs --samples      the scanned and mixed samples in samples/
//
// The skew of each page alternates in sign and varies with the seed (|skew| ≤ the given maximum),
// so pages turned both ways are read. Tools (Debian): poppler-utils (pdftoppm), imagemagick
// (convert), img2pdf, qpdf (for the mixed sample).

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function parsePages(spec) {
  if (!spec) return undefined;
  const out = [];
  for (const part of spec.split(',')) {
    const [a, b] = part.split('-').map(Number);
    for (let p = a; p <= (b || a); p++) out.push(p);
  }
  return out;
}

/** A small deterministic generator, so a re-run writes the same file. */
function rng(seed) {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

export function makeScan(input, output, { dpi = 200, skew = 0.6, pages, seed = 1, quality = 70, noise = 0.3 } = {}) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'yusuan-scan-'));
  try {
    const args = ['-r', String(dpi), '-gray', '-png'];
    execFileSync('pdftoppm', [...args, input, path.join(tmp, 'p')]);
    let files = fs.readdirSync(tmp).filter((f) => f.endsWith('.png')).sort();
    if (pages) files = files.filter((f) => pages.includes(Number(f.match(/(\d+)\.png$/)[1])));
    const rand = rng(seed);
    const jpgs = files.map((f, i) => {
      const angle = ((i % 2 ? -1 : 1) * skew * (0.5 + rand() / 2)).toFixed(2);
      const jpg = path.join(tmp, f.replace(/\.png$/, '.jpg'));
      execFileSync('convert', [
        // turned about the page centre on a canvas of the same size (-rotate would enlarge the
        // canvas and img2pdf then shrink it to A4), so positions compare with the text layer
        path.join(tmp, f), '-background', 'white', '-virtual-pixel', 'background', '-distort', 'SRT', angle,
        '-seed', String(seed + i), '-attenuate', String(noise), '+noise', 'Gaussian',
        // grey, as a scanner writes it (the noise is per channel): a third of the size
        '-colorspace', 'Gray', '-quality', String(quality), '-density', String(dpi), jpg,
      ]);
      return jpg;
    });
    // each page at its own size, the image at the dpi it was rendered at: a landscape or A3 page put on portrait A4
    // would be shrunk to ~140 dpi
    execFileSync('img2pdf', ['--imgsize', `${dpi}dpi`, '-o', output, ...jpgs]);
    return output;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/** A PDF whose pages `scanned` are the scan's and all others the born-digital original's. */
export function makeMixed(original, scan, output, scanned) {
  const n = Number(execFileSync('qpdf', ['--show-npages', original]).toString().trim());
  const args = ['--empty', '--pages'];
  for (let p = 1; p <= n; p++) args.push(scanned.includes(p) ? scan : original, String(p));
  execFileSync('qpdf', [...args, '--', output]);
  return output;
}

function main(argv) {
  if (argv[0] === '--samples') {
    const s = (name) => path.join(REPO, 'samples', name);
    const base = 'xinzhou-xinfang-2024-budget';
    // the LibreOffice render: every standard table and 绩效 form, one sheet a page
    makeScan(s(`${base}.libreoffice.pdf`), s(`${base}.scan.pdf`), { seed: 7 });
    console.log(`wrote ${s(`${base}.scan.pdf`)}`);
    // the Chromium render with its table pages 4–9 scanned, narrative and the rest as text
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'yusuan-mixed-'));
    try {
      const scan = makeScan(s(`${base}.chromium.pdf`), path.join(tmp, 'scan.pdf'), { seed: 11 });
      makeMixed(s(`${base}.chromium.pdf`), scan, s(`${base}.mixed.pdf`), [4, 5, 6, 7, 8, 9]);
      console.log(`wrote ${s(`${base}.mixed.pdf`)}`);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
    return;
  }
  const [input, output, ...rest] = argv;
  if (!input || !output) {
    console.error('usage: node scripts/make-scans.mjs IN.pdf OUT.pdf [--dpi 200] [--skew 0.6] [--pages 1-3] [--seed N] | --samples');
    process.exit(2);
  }
  const opt = {};
  for (let i = 0; i < rest.length; i += 2) {
    const k = rest[i].replace(/^--/, '');
    opt[k] = k === 'pages' ? parsePages(rest[i + 1]) : Number(rest[i + 1]);
  }
  makeScan(path.resolve(input), path.resolve(output), opt);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main(process.argv.slice(2));
