/**
 * Writes the small PDF fixtures under tests/fixtures/pdf-bad/ used by tests/pdf (run: npx tsx scripts/make-bad-samples.ts).
 * The PDFs are written by hand (objects + a computed xref), so no PDF library is needed;
 * the encrypted one is made with `qpdf --encrypt` when qpdf is installed (apt-get install qpdf).
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync, mkdirSync, existsSync, unlinkSync } from 'node:fs';
import path from 'node:path';

const dir = path.join(path.dirname(new URL(import.meta.url).pathname), '..', 'tests', 'fixtures', 'pdf-bad');

/** Serialises objects (bodies without "n 0 obj") into a PDF with a correct xref table. */
export function buildPdf(objects: string[]): Uint8Array {
  let out = '%PDF-1.4\n%\xE2\xE3\xCF\xD3\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, 'latin1'));
}

export function stream(content: string): string {
  return `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`;
}

/** A one-page PDF: a ruled 2×3 table (stroked lines) with Helvetica text, and a title above. */
export function tablePdf(): Uint8Array {
  const lines = [
    '0.5 w',
    // horizontals at y = 700, 680, 660 ; verticals at x = 50, 200, 300, 400 (PDF space, y up)
    '50 700 m 400 700 l S', '50 680 m 400 680 l S', '50 660 m 400 660 l S',
    '50 700 m 50 660 l S', '200 700 m 200 660 l S', '300 700 m 300 660 l S', '400 700 m 400 660 l S',
    'BT /F1 14 Tf 50 730 Td (Budget table) Tj ET',
    'BT /F1 10 Tf 55 686 Td (Item) Tj ET',
    'BT /F1 10 Tf 205 686 Td (2024) Tj ET',
    'BT /F1 10 Tf 305 686 Td (2025) Tj ET',
    'BT /F1 10 Tf 55 666 Td (Total) Tj ET',
    'BT /F1 10 Tf 240 666 Td (1,633,000.00) Tj ET',
    'BT /F1 10 Tf 360 666 Td (-12.50) Tj ET',
  ].join('\n');
  return buildPdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    stream(lines),
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ]);
}

/** A page tree with no pages. */
export function zeroPagePdf(): Uint8Array {
  return buildPdf(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [] /Count 0 >>']);
}

/** One page with only a filled rectangle: what a scan looks like to a text extractor. */
export function noTextPdf(): Uint8Array {
  return buildPdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>',
    stream('0.5 g 100 100 300 400 re f'),
  ]);
}

function main(): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'table.pdf'), tablePdf());
  writeFileSync(path.join(dir, 'zero-pages.pdf'), zeroPagePdf());
  writeFileSync(path.join(dir, 'no-text.pdf'), noTextPdf());
  const enc = path.join(dir, 'encrypted.pdf');
  try {
    if (existsSync(enc)) unlinkSync(enc);
    // user password "secret", owner password "owner", AES-256
    execFileSync('qpdf', ['--encrypt', 'secret', 'owner', '256', '--', path.join(dir, 'table.pdf'), enc]);
  } catch (e) {
    console.error(`qpdf not available, encrypted.pdf not made: ${(e as Error).message}`);
  }
  console.log(`wrote fixtures to ${dir}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) main();
