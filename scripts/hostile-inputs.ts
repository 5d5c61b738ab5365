/**
 * Hostile inputs, built from nothing (no file of ../shared copied): the classes a nightly job over
 * crawled files meets — decompression bombs, deep nesting, page-tree loops, 10,000 pages,
 * encrypted, JavaScript, empty, non-PDF, and the text renderings (UTF-16, invalid bytes, deep or
 * unclosed HTML tables, pages with no budget content). Used by `npm run fuzz` (scripts/fuzz.mjs)
 * and by the regression tests of tests/hostile/.
 */
import { execFileSync } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createDeflate } from 'node:zlib';
import { buildPdf, tablePdf } from './make-bad-samples.js';

const latin1 = (b: Uint8Array) => Buffer.from(b).toString('latin1');

function stream(content: string, dict = ''): string {
  return `<< /Length ${Buffer.byteLength(content, 'latin1')}${dict} >>\nstream\n${content}\nendstream`;
}

/** Deflate `bytes` zero bytes without ever holding them: the compressed form is ~1/1000 of that. */
export async function deflatedZeros(bytes: number): Promise<Uint8Array> {
  const z = createDeflate({ level: 9 });
  const parts: Buffer[] = [];
  z.on('data', (b: Buffer) => parts.push(b));
  const chunk = Buffer.alloc(Math.min(bytes, 16 * 1024 * 1024));
  for (let left = bytes; left > 0; left -= chunk.length) {
    if (!z.write(left >= chunk.length ? chunk : chunk.subarray(0, left))) await once(z, 'drain');
  }
  z.end();
  await once(z, 'end');
  return new Uint8Array(Buffer.concat(parts));
}

const CATALOG = '<< /Type /Catalog /Pages 2 0 R >>';
const FONT = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>';

/** One page whose content stream inflates to `inflated` bytes (the 2 MB → 2.2 GB file). */
export async function flateBombPdf(inflated: number): Promise<Uint8Array> {
  const z = latin1(await deflatedZeros(inflated));
  return buildPdf([
    CATALOG,
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    stream(z, ' /Filter /FlateDecode'),
    FONT,
  ]);
}

/** A page whose resources hold an array nested `depth` deep: a recursive parser runs out of stack. */
export function deepNestingPdf(depth = 100_000): Uint8Array {
  return buildPdf([
    CATALOG,
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> /Deep ${'['.repeat(depth)}${']'.repeat(depth)} >> /Contents 4 0 R >>`,
    stream(`BT /F1 10 Tf 50 700 Td (${'['.repeat(10)}) Tj ET ${'q '.repeat(depth)}${'Q '.repeat(depth)}`),
    FONT,
  ]);
}

/** A page tree whose node lists itself as its kid (and claims a page). */
export function pageTreeLoopPdf(): Uint8Array {
  return buildPdf([CATALOG, '<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>', '<< /Type /Pages /Parent 2 0 R /Kids [2 0 R] /Count 1 >>']);
}

/** `pages` pages sharing one small content stream. */
export function manyPagesPdf(pages = 10_000): Uint8Array {
  const kids = Array.from({ length: pages }, (_, i) => `${i + 5} 0 R`).join(' ');
  const objs = [CATALOG, `<< /Type /Pages /Kids [${kids}] /Count ${pages} >>`, stream('BT /F1 10 Tf 50 700 Td (page) Tj ET'), FONT];
  for (let i = 0; i < pages; i++) objs.push('<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 3 0 R >>');
  return buildPdf(objs);
}

/** A small table PDF that runs JavaScript when opened (an /OpenAction): yusuan never runs it. */
export function javascriptPdf(): Uint8Array {
  const text = latin1(tablePdf());
  // the catalog is object 1: give it an OpenAction; offsets shift, which pdf.js repairs
  return new Uint8Array(Buffer.from(text.replace('<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Catalog /Pages 2 0 R /OpenAction << /S /JavaScript /JS (app.alert\\(1\\); this.exportDataObject\\({cName: "x"}\\)) >> >>'), 'latin1'));
}

/** The table PDF encrypted with a user password (qpdf), or undefined without qpdf. */
export function encryptedPdf(dir: string): Uint8Array | undefined {
  const plain = `${dir}/.plain-for-encryption.pdf`;
  const enc = `${dir}/.encrypted.pdf`;
  try {
    writeFileSync(plain, tablePdf());
    execFileSync('qpdf', ['--encrypt', 'user-pw', 'owner-pw', '256', '--', plain, enc], { stdio: 'ignore' });
    return new Uint8Array(readFileSync(enc));
  } catch {
    return undefined;
  } finally {
    rmSync(plain, { force: true });
    rmSync(enc, { force: true });
  }
}

/** A budget table as plain text, the kind the text extractor reads (for the encoding classes). */
export const BUDGET_TEXT = '2024年部门收支总表\n单位：万元\n项目\t预算数\n一般公共预算拨款收入\t100.00\n合计\t100.00\n';

export function utf16(text: string, endian: 'le' | 'be', bom: boolean): Uint8Array {
  const le = Buffer.from((bom ? '\uFEFF' : '') + text, 'utf16le');
  if (endian === 'le') return new Uint8Array(le);
  const be = Buffer.from(le);
  be.swap16();
  return new Uint8Array(be);
}

/** UTF-8 text with `n` invalid bytes (0xFF) put at `n` places spread through it (between lines). */
export function invalidUtf8(text: string, n: number): Uint8Array {
  const lines = text.split('\n');
  const parts: Buffer[] = [];
  lines.forEach((line, i) => {
    parts.push(Buffer.from(line));
    // the invalid bytes go at the ends of lines, spread evenly, never inside a cell's digits
    const here = Math.floor(((i + 1) * n) / lines.length) - Math.floor((i * n) / lines.length);
    if (here) parts.push(Buffer.alloc(here, 0xff));
    if (i < lines.length - 1) parts.push(Buffer.from('\n'));
  });
  return new Uint8Array(Buffer.concat(parts));
}

export function nestedTablesHtml(depth: number): string {
  return `<html><body><p>2024年部门预算</p>${'<table><tr><td>'.repeat(depth)}收入 100.00${'</td></tr></table>'.repeat(depth)}</body></html>`;
}

export function unclosedTablesHtml(n: number): string {
  return `<html><body><p>2024年部门预算</p>${'<table><tr><td>支出'.repeat(n)}</body></html>`;
}

export const NOT_FOUND_HTML = '<!DOCTYPE html><html><head><title>404 Not Found</title></head><body><h1>404 Not Found</h1><p>The requested URL was not found on this server.</p><hr><address>nginx</address></body></html>\n';
