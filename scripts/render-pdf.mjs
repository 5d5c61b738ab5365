// The external renderers the sample generators shell out to: headless Chromium (HTML → PDF)
// and LibreOffice (flat ODS → PDF), each with a throwaway profile. Each returns the binary, its
// version and the arguments, for the samples' README.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export function tryExec(cmd, args, opts = {}) {
  try {
    return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], ...opts });
  } catch (e) {
    return null;
  }
}

// --disable-pdf-tagging: without it Chromium writes a tagged PDF whose structure tree (~5000
// StructElem objects) triples the file size.
const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-pdf-header-footer', '--disable-pdf-tagging', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

// a page printed with no table border at all (HTML exported without its CSS borders): the samples'
// borderless renders, read by the stream finder (docs/tables-without-rules.md)
export const BORDERLESS_CSS = `
table, th, td { border: none !important; }
th { background: none; }
`;

/** The HTML page with every table border removed. */
export function withoutBorders(html) {
  return html.replace('</style>', `${BORDERLESS_CSS}</style>`);
}

export function renderChromium(htmlPath, pdfPath) {
  const bin = ['chromium', 'chromium-browser', 'google-chrome'].find((b) => tryExec(b, ['--version']) !== null);
  if (!bin) throw new Error('chromium not found');
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'yusuan-chromium-'));
  const args = [...CHROMIUM_FLAGS, `--user-data-dir=${profile}`, `--print-to-pdf=${pdfPath}`, htmlPath];
  try {
    execFileSync(bin, args, { stdio: ['ignore', 'ignore', 'pipe'], timeout: 180000 });
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
  return { bin, version: tryExec(bin, ['--version'])?.trim(), args: args.map((a) => a.replace(profile, '$(mktemp -d)').replace(REPO + path.sep, '')) };
}

export function renderLibreOffice(fodsPath, pdfPath) {
  const bin = ['libreoffice', 'soffice'].find((b) => tryExec(b, ['--version']) !== null);
  if (!bin) throw new Error('libreoffice not found');
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'yusuan-lo-profile-'));
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yusuan-lo-out-'));
  const args = ['--headless', '--norestore', `-env:UserInstallation=file://${profile}`, '--convert-to', 'pdf', '--outdir', outDir, fodsPath];
  try {
    execFileSync(bin, args, { stdio: ['ignore', 'ignore', 'pipe'], timeout: 300000 });
    const produced = path.join(outDir, path.basename(fodsPath).replace(/\.fods$/, '.pdf'));
    fs.copyFileSync(produced, pdfPath);
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
    fs.rmSync(outDir, { recursive: true, force: true });
  }
  return { bin, version: tryExec(bin, ['--version'])?.trim(), args };
}
