/**
 * Word (.docx) to the intermediate form: mammoth turns the document into HTML (paragraphs,
 * headings by their Word styles, tables with their merged cells as colspan/rowspan), which the
 * HTML reader of the text extractor turns into blocks. Images are dropped.
 *
 * Word has no cell names and its pages are laid out only when printed, so each table cell is named
 * by the table's position in the document and the cell's as in a spreadsheet: `表格3!B4`.
 */
import mammoth from 'mammoth';
import type { Block, GridBlock, SourceDocument } from '../../schemas/intermediate.js';
import { ExtractionError } from '../../src/core/errors.js';
import { normalizeChars } from '../../src/core/text.js';
import type { SourceInput } from '../source-input.js';
import { htmlBlocks } from '../text/html-document.js';

function columnName(c: number): string {
  let s = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Name every cell of the n-th table by its top-left position (rowspans from above skipped). */
function nameCells(grid: GridBlock, n: number): GridBlock {
  const taken = new Set<string>();
  const rows = grid.rows.map((row, r) => {
    let c = 0;
    const cells = row.cells.map((cell) => {
      while (taken.has(`${r},${c}`)) c++;
      const named = { ...cell, cell: `表格${n}!${columnName(c)}${r + 1}` };
      const cs = cell.colSpan ?? 1;
      for (let dr = 1; dr < (cell.rowSpan ?? 1); dr++) for (let dc = 0; dc < cs; dc++) taken.add(`${r + dr},${c + dc}`);
      c += cs;
      return named;
    });
    return { cells };
  });
  return { ...grid, rows, method: 'docx' };
}

export async function extractDocx(input: SourceInput): Promise<SourceDocument> {
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(input.bytes) },
      { convertImage: mammoth.images.imgElement(async () => ({ src: '' })), ignoreEmptyParagraphs: true },
    );
    html = result.value;
  } catch (e) {
    throw new ExtractionError(input.path, 'corrupt', `cannot read the Word document: ${(e as Error).message}`, { cause: e });
  }
  let tables = 0;
  const blocks: Block[] = htmlBlocks(normalizeChars(html)).map((b) => (b.type === 'grid' ? nameCells(b, ++tables) : b));
  if (!blocks.length) throw new ExtractionError(input.path, 'empty', 'the Word document has no text');
  return {
    source: { path: input.path, name: input.name, format: 'docx', sha256: input.sha256, bytes: input.bytes.length },
    blocks,
    diagnostics: [],
  };
}
