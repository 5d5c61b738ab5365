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

/** A small seeded random generator (mulberry32): the same seed makes the same mutants. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const MUTATIONS = ['flip', 'truncate', 'insert', 'delete', 'duplicate', 'zero', 'splice', 'numbers', 'stream'] as const;
export type Mutation = (typeof MUTATIONS)[number];

/**
 * One mutant of `bytes`: byte flips, truncation, random insertions, deleted, duplicated or
 * zeroed ranges, a splice from `other`, changed numbers (xref offsets, /Length, object numbers,
 * amounts), or noise inside a stream.
 */
export function mutate(bytes: Uint8Array, other: Uint8Array, op: Mutation, rand: () => number): Uint8Array {
  const n = bytes.length;
  const at = () => Math.floor(rand() * Math.max(1, n));
  const len = () => 1 + Math.floor(rand() ** 3 * Math.max(1, n / 4));
  const b = Buffer.from(bytes);
  switch (op) {
    case 'flip': {
      const k = 1 + Math.floor(rand() * 32);
      for (let i = 0; i < k && n; i++) b[at()] ^= 1 << Math.floor(rand() * 8);
      return new Uint8Array(b);
    }
    case 'truncate':
      return new Uint8Array(b.subarray(0, at()));
    case 'insert': {
      const p = at();
      const junk = Buffer.from(Array.from({ length: 1 + Math.floor(rand() * 512) }, () => Math.floor(rand() * 256)));
      return new Uint8Array(Buffer.concat([b.subarray(0, p), junk, b.subarray(p)]));
    }
    case 'delete': {
      const p = at();
      return new Uint8Array(Buffer.concat([b.subarray(0, p), b.subarray(Math.min(n, p + len()))]));
    }
    case 'duplicate': {
      const p = at();
      const piece = b.subarray(p, Math.min(n, p + len()));
      return new Uint8Array(Buffer.concat([b.subarray(0, p), piece, piece, b.subarray(p)]));
    }
    case 'zero': {
      const p = at();
      b.fill(0, p, Math.min(n, p + len()));
      return new Uint8Array(b);
    }
    case 'splice': {
      const p = at();
      const q = Math.floor(rand() * Math.max(1, other.length));
      return new Uint8Array(Buffer.concat([b.subarray(0, p), Buffer.from(other.subarray(q, q + len()))]));
    }
    case 'numbers': {
      // rewrite some runs of digits: xref offsets, /Length, object numbers, amounts
      const text = b.toString('latin1');
      const runs = [...text.matchAll(/\d+/g)];
      if (!runs.length) return new Uint8Array(b);
      let out = text;
      for (let i = 0; i < 1 + Math.floor(rand() * 8); i++) {
        const m = runs[Math.floor(rand() * runs.length)];
        const choices = ['0', '-1', '99999999999', String(Number(m[0]) + 1), String(Math.floor(Number(m[0]) / 2)), `${m[0]}${m[0]}`];
        const repl = choices[Math.floor(rand() * choices.length)];
        out = out.slice(0, m.index) + repl.padEnd(m[0].length, ' ').slice(0, Math.max(m[0].length, repl.length)) + out.slice(m.index! + m[0].length);
      }
      return new Uint8Array(Buffer.from(out, 'latin1'));
    }
    case 'stream': {
      const text = b.toString('latin1');
      const starts = [...text.matchAll(/stream\r?\n/g)].map((m) => m.index! + m[0].length);
      if (!starts.length) return mutate(bytes, other, 'flip', rand);
      const s = starts[Math.floor(rand() * starts.length)];
      const k = 1 + Math.floor(rand() * 64);
      for (let i = 0; i < k && s + i < n; i++) b[s + Math.floor(rand() * 256)] = Math.floor(rand() * 256);
      return new Uint8Array(b.subarray(0, n));
    }
  }
}
