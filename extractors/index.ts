/**
 * Choose the extractor for an input by its bytes (not its name): %PDF- → PDF; a ZIP package →
 * Word (.docx) or a workbook (.xlsx, .ods) by the parts it holds; an OLE2 compound file → an old
 * binary workbook (.xls) or, for a legacy Word .doc, a clear refusal naming the fix; else a text
 * rendering (text, markdown, HTML), or CSV when so named. A .pdf that is not a PDF is reported as such.
 */
import type { SourceDocument } from '../schemas/intermediate.js';
import { ExtractionError } from '../src/core/errors.js';
import type { ExtractOptions, SourceInput } from './source-input.js';
import { extractText } from './text/index.js';

export type { SourceInput, ExtractOptions } from './source-input.js';

export function isPdfBytes(bytes: Uint8Array): boolean {
  // the header may follow some junk bytes (allowed by readers): look in the first KiB
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  return head.includes('%PDF-');
}

export type Sniffed = 'pdf' | 'docx' | 'xlsx' | 'ods' | 'xls' | 'doc' | 'zip' | 'ole' | 'spreadsheetml' | 'other';

const has = (bytes: Uint8Array, s: string, encoding: BufferEncoding = 'latin1') => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(Buffer.from(s, encoding));

/** What the bytes are. ZIP part names and OLE2 stream names are stored as plain bytes, so a search finds them. */
export function sniffFormat(bytes: Uint8Array): Sniffed {
  if (isPdfBytes(bytes)) return 'pdf';
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    if (has(bytes, 'word/document')) return 'docx';
    if (has(bytes, 'xl/workbook.')) return 'xlsx';
    if (has(bytes, 'application/vnd.oasis.opendocument.spreadsheet')) return 'ods';
    return 'zip';
  }
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    if (has(bytes, 'WordDocument', 'utf16le')) return 'doc';
    if (has(bytes, 'Workbook', 'utf16le') || has(bytes, 'Book', 'utf16le')) return 'xls';
    return 'ole';
  }
  const head = Buffer.from(bytes.subarray(0, 2048)).toString('utf8');
  if (/^\s*<\?xml/.test(head.replace(/^\uFEFF/, '')) && head.includes('urn:schemas-microsoft-com:office:spreadsheet')) return 'spreadsheetml';
  return 'other';
}

export async function extractSource(input: SourceInput, opts: ExtractOptions = {}): Promise<SourceDocument> {
  if (input.bytes.length === 0) throw new ExtractionError(input.path, 'empty', 'the file is empty (0 bytes)');
  const kind = sniffFormat(input.bytes);
  switch (kind) {
    case 'pdf': {
      const { extractPdf } = await import('./pdf/index.js');
      return extractPdf(input, opts);
    }
    case 'docx': {
      const { extractDocx } = await import('./docx/index.js');
      return extractDocx(input);
    }
    case 'xlsx':
    case 'xls':
    case 'ods':
    case 'spreadsheetml': {
      const { extractSpreadsheet } = await import('./sheet/index.js');
      return extractSpreadsheet(input, kind === 'spreadsheetml' ? 'xls' : kind);
    }
    case 'doc':
      throw new ExtractionError(
        input.path,
        'unknown-format',
        'a legacy Word .doc (Word 97–2003), which no maintained library reads: save it as .docx (Word, WPS: 另存为 .docx; or `libreoffice --headless --convert-to docx FILE`) and give that',
      );
    case 'zip':
    case 'ole':
      throw new ExtractionError(input.path, 'unknown-format', `a ${kind === 'zip' ? 'ZIP archive' : 'compound (OLE2) file'} that is neither a Word document nor a workbook`);
    default:
  }
  if (/\.pdf$/i.test(input.name)) {
    throw new ExtractionError(input.path, 'not-pdf', 'named .pdf but it is not a PDF (no %PDF- header)');
  }
  if (/\.csv$/i.test(input.name)) {
    const { extractSpreadsheet } = await import('./sheet/index.js');
    return extractSpreadsheet(input, 'csv');
  }
  return extractText(input);
}
