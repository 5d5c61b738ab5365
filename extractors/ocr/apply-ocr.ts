/**
 * After an OCR page has been laid out like a text-layer page: each grid cell gets the confidence
 * of the characters read in it, a number the recogniser was unsure of is reported and not read, a
 * subject's name read one unsure character off is read as the name of its printed code
 * (snap-labels.ts), and every box goes back from the deskewed image to the page as printed.
 * Every change OCR made to what the recogniser read is a diagnostic (`ocr.corrected`, info).
 */
import type { BBox, Block, Diagnostic, GridCell } from '../../schemas/intermediate.js';
import type { OcrPage, OcrText } from './ocr-page.js';
import { lostOrdinal } from './ocr-text.js';
import { isSubjectCode } from '../../src/core/subject-names.js';
import { snapToSubjectName } from './snap-labels.js';
import { snapHeaderWord } from './snap-words.js';
import { splitNumberCells } from './split-number.js';
import { codeCellNamed } from './code-by-name.js';
import { codeNameMismatch } from './code-name-mismatch.js';
import { restoreGridOrdinals } from './restore-ordinal.js';
import { withDroppedChar } from './dropped-char.js';
import { truncatedTitle } from './vocabulary.js';
import { unsureLabelChars, unsureLabelMessage } from './unsure-label.js';
import { joinReadings, readCellLines } from './cell-reading.js';
import { readAsPageEchoes, sureLines } from './page-echo.js';
import { speckZeros } from './speck-zero.js';
import { oddDecimalCells } from './odd-decimals.js';

/** Any digit, or what a misread digit can look like inside a number. */
const NUMBERISH = /\d/;
/** the characters whose reading decides a number: digits and the marks inside numbers */
const NUMBER_CHAR = /[\d.,%\-－+]/;
const HAN = /\p{Script=Han}/u;

/** A recognised box that overlaps the cell over at least half its own height (the cell's text came from such boxes). */
function inside(t: OcrText, b: BBox): boolean {
  const w = Math.min(t.x1, b.x1) - Math.max(t.x0, b.x0);
  const h = Math.min(t.y1, b.y1) - Math.max(t.y0, b.y0);
  return w > 0 && h >= 0.5 * (t.y1 - t.y0);
}

function unskewBox(b: BBox, ocr: OcrPage): BBox {
  if (ocr.skew === 0) return b;
  const pts = [ocr.unskew(b.x0, b.y0), ocr.unskew(b.x1, b.y0), ocr.unskew(b.x0, b.y1), ocr.unskew(b.x1, b.y1)];
  const r = (v: number) => Math.round(v * 100) / 100;
  return { x0: r(Math.min(...pts.map((p) => p[0]))), y0: r(Math.min(...pts.map((p) => p[1]))), x1: r(Math.max(...pts.map((p) => p[0]))), y1: r(Math.max(...pts.map((p) => p[1]))) };
}

/** Boxes on one line (overlapping over half the lower's height) left to right, else top to bottom: 金 | 客 | 额 read as three boxes do not sit at one y. */
function readingOrder(a: OcrText, b: OcrText): number {
  const overlap = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
  return overlap > 0.5 * Math.min(a.y1 - a.y0, b.y1 - b.y0) ? a.x0 - b.x0 : a.y0 - b.y0 || a.x0 - b.x0;
}

/** The boxes recognised in a cell (specks left out), in reading order. */
function cellTexts(cell: GridCell, texts: readonly OcrText[]): OcrText[] {
  return texts.filter((t) => !t.noise && inside(t, cell.bbox!)).sort(readingOrder);
}

/** The lowest of some characters' probabilities, to three places: a cell's confidence. */
const lowest = (probs: readonly number[]) => Math.round(Math.min(...probs) * 1000) / 1000;

/** The cell's characters with their probabilities, when the boxes read in it give exactly its text (spaces aside). */
function cellChars(cell: GridCell, texts: readonly OcrText[]): { chars: string[]; probs: number[] } | undefined {
  const ts = cellTexts(cell, texts);
  const chars: string[] = [];
  const probs: number[] = [];
  for (const t of ts) {
    const cs = Array.from(t.text);
    if (cs.length !== t.probs.length) return undefined;
    cs.forEach((c, i) => {
      if (c.trim()) chars.push(c), probs.push(t.probs[i]);
    });
  }
  return chars.join('') === cell.text.replace(/\s+/g, '') ? { chars, probs } : undefined;
}

/** The subject code a row prints: in a code cell, as 类 | 款 | 项 parts, or leading its label; and the label cell after it. */
function rowCode(cells: readonly GridCell[]): { code: string; label: number; skip: number } | undefined {
  const t = cells.map((c) => c.text.replace(/\s+/g, ''));
  for (let i = 0; i < t.length; i++) {
    let code = '';
    let next = i;
    if (/^\d{3}$/.test(t[i]) && /^\d{2}$/.test(t[i + 1] ?? '')) {
      code = t[i] + t[i + 1];
      next = i + 2;
      if (/^\d{2}$/.test(t[next] ?? '')) code += t[next++];
    } else if (isSubjectCode(t[i])) {
      code = t[i];
      next = i + 1;
    } else {
      const lead = /^(\d{3}(?:\d{2}){0,2})(?=\p{Script=Han})/u.exec(t[i]);
      if (lead) return { code: lead[1], label: i, skip: lead[1].length };
      continue;
    }
    const label = t.findIndex((x, j) => j >= next && HAN.test(x));
    return label >= 0 ? { code, label, skip: 0 } : undefined;
  }
  return undefined;
}

function snapRowLabel(cells: GridCell[], ocr: OcrPage, page: number, diagnostics: Diagnostic[]): void {
  const at = rowCode(cells);
  if (!at) return;
  const cell = cells[at.label];
  if (!cell.bbox) return;
  const read = cellChars(cell, ocr.texts);
  if (!read) return;
  const name = read.chars.slice(at.skip).join('');
  const snap = snapToSubjectName(at.code, name, read.probs.slice(at.skip));
  if (!snap) return;
  const was = cell.text;
  cell.text = read.chars.slice(0, at.skip).join('') + (at.skip ? ' ' : '') + snap.text;
  const unsure = snap.changed.map((i) => `${Array.from(name)[i]} ${read.probs[at.skip + i].toFixed(2)}`).join(', ');
  diagnostics.push({
    severity: 'info',
    code: 'ocr.corrected',
    message: `page ${page}: "${was}" read as "${cell.text}", the name of subject ${at.code} (unsure: ${unsure})`,
    page,
    bbox: unskewBox(cell.bbox, ocr),
  });
}

/** A number read as pieces in neighbouring cells (2, | 548. | 30) is not read: every piece is withheld and reported (split-number.ts). */
function withholdSplitNumber(cells: GridCell[], ocr: OcrPage, page: number, diagnostics: Diagnostic[]): void {
  const pieces = splitNumberCells(cells.map((c) => c.text));
  if (!pieces.length) return;
  const read = pieces.map((i) => cells[i].text.trim()).join(' | ');
  for (const i of pieces) {
    const cell = cells[i];
    const message = `page ${page}: "${cell.text.trim()}" is a piece of a number read across cells (${read}); the cell is not read`;
    diagnostics.push({ severity: 'warning', code: 'ocr.uncertain', message, page, ...(cell.bbox ? { bbox: unskewBox(cell.bbox, ocr) } : {}) });
    cell.text = '';
  }
}

/** A cell read as several boxes (金 | 客 | 额) one unsure character off a header word is that word (snap-words.ts). */
function snapHeaderCell(cell: GridCell, ocr: OcrPage, page: number, diagnostics: Diagnostic[]): void {
  if (!cell.bbox || !cell.text.trim()) return;
  const read = cellChars(cell, ocr.texts);
  const snap = read && snapHeaderWord(read.chars, read.probs);
  if (!read || !snap) return;
  const was = cell.text;
  cell.text = snap.word;
  const message = `page ${page}: "${was}" read as "${snap.word}", a header or title word (unsure: ${read.chars[snap.changed]} ${read.probs[snap.changed].toFixed(2)})`;
  diagnostics.push({ severity: 'info', code: 'ocr.corrected', message, page, bbox: unskewBox(cell.bbox, ocr) });
}

/** A cell read as one line that is a vocabulary word short of one inner character (修工程) is that word (dropped-char.ts). */
function mendDroppedChar(cell: GridCell, ocr: OcrPage, page: number, diagnostics: Diagnostic[]): void {
  const boxes = cell.bbox && cell.text.trim() ? cellTexts(cell, ocr.texts) : [];
  // only where the box has room for the character (by the page's other lines of text)
  const word = boxes.length === 1 && boxes[0].text.replace(/\s+/g, '') === cell.text.replace(/\s+/g, '') ? withDroppedChar(boxes[0], ocr.texts.filter((t) => !t.noise)) : undefined;
  if (!word) return;
  const message = `page ${page}: "${cell.text}" read as "${word}", the one word of the vocabulary it is with a character inside it put back (the recogniser read none there)`;
  diagnostics.push({ severity: 'info', code: 'ocr.corrected', message, page, bbox: unskewBox(cell.bbox!, ocr) });
  cell.text = word;
}

/** A cell of several recognised lines read against the vocabulary as one text (cell-reading.ts), when it is still as the lines read. */
function readCellAsOne(cell: GridCell, ocr: OcrPage, page: number, diagnostics: Diagnostic[]): void {
  const lines = cell.bbox && HAN.test(cell.text) ? cellTexts(cell, ocr.texts) : [];
  if (lines.length < 2 || lines.some((t) => !t.alts) || lines.map((t) => t.text).join('').replace(/\s+/g, '') !== cell.text.replace(/\s+/g, '')) return;
  const read = readCellLines(lines.map((t) => ({ text: t.text, probs: t.probs, alts: t.alts! })));
  if (!read) return;
  const message = `page ${page}: "${cell.text}" read as "${read.text}" (its lines read as one against the budget vocabulary: characters the recogniser was unsure of, read as its runners-up)`;
  diagnostics.push({ severity: 'info', code: 'ocr.corrected', message, page, bbox: unskewBox(cell.bbox!, ocr) });
  cell.text = read.text;
}

/** A cell's split characters read as the page prints the same phrase elsewhere, read sure (page-echo.ts), when it is still as its lines read. */
function readByPageEcho(cell: GridCell, ocr: OcrPage, page: number, diagnostics: Diagnostic[], sure: readonly string[], minCharProb: number): void {
  const lines = cell.bbox && HAN.test(cell.text) ? cellTexts(cell, ocr.texts) : [];
  if (!lines.length || lines.some((t) => !t.alts)) return;
  const joined = joinReadings(lines.map((t) => ({ text: t.text, probs: t.probs, alts: t.alts! })));
  const echo = joined && joined.text === cell.text.replace(/\s+/g, '') ? readAsPageEchoes(joined, sure, minCharProb) : undefined;
  if (!echo) return;
  const chars = Array.from(joined!.text);
  const split = echo.changed.map((i) => `${chars[i]} ${joined!.probs[i].toFixed(2)}`).join(', ');
  const message = `page ${page}: "${cell.text}" read as "${echo.reading.text}" (unsure: ${split}; the runner-up makes the phrase the page prints elsewhere, read sure)`;
  diagnostics.push({ severity: 'info', code: 'ocr.corrected', message, page, bbox: unskewBox(cell.bbox!, ocr) });
  cell.text = echo.reading.text;
}

/** A label cell read with an unsure character no vocabulary word confirms is reported (unsure-label.ts); a cell a mend changed is not the recogniser's reading any more. */
function flagUnsureLabel(cell: GridCell, ocr: OcrPage, page: number, diagnostics: Diagnostic[], minCharProb: number): void {
  const read = cell.bbox && HAN.test(cell.text) ? cellChars(cell, ocr.texts) : undefined;
  const at = read ? unsureLabelChars(read.chars, read.probs, minCharProb) : [];
  if (!read || !at.length) return;
  const message = unsureLabelMessage(page, cell.text.trim(), read.chars, read.probs, at, minCharProb);
  diagnostics.push({ severity: 'warning', code: 'ocr.uncertain', message, page, bbox: unskewBox(cell.bbox!, ocr) });
}

/** A recognised line outside every table cell (a title) read with an unsure character no vocabulary word confirms (unsure-label.ts). */
function flagUnsureLines(texts: readonly OcrText[], cells: readonly BBox[], ocr: OcrPage, page: number, diagnostics: Diagnostic[], minCharProb: number): void {
  for (const t of texts) {
    const chars = Array.from(t.text);
    if (t.noise || !HAN.test(t.text) || cells.some((b) => inside(t, b))) continue;
    // a character the vocabulary read otherwise than the recogniser (收人 → 收入 in a title) was chosen by a word: not in doubt
    const was = t.read === undefined ? chars : Array.from(t.read);
    if (was.length !== chars.length) continue;
    const at = unsureLabelChars(chars, t.probs, minCharProb).filter((i) => was[i] === chars[i]);
    if (!at.length) continue;
    const message = unsureLabelMessage(page, t.text, chars, t.probs, at, minCharProb);
    diagnostics.push({ severity: 'warning', code: 'ocr.uncertain', message, page, bbox: unskewBox({ x0: t.x0, y0: t.y0, x1: t.x1, y1: t.y1 }, ocr) });
  }
}

/** A recognised line the vocabulary changed (ocr-correct.ts), recorded where it was read. */
function recordCorrections(ocr: OcrPage, page: number, diagnostics: Diagnostic[], read: ReadonlySet<OcrText>): void {
  for (const t of ocr.texts) {
    if (read.has(t)) continue;
    const bbox = unskewBox({ x0: t.x0, y0: t.y0, x1: t.x1, y1: t.y1 }, ocr);
    if (t.noise) {
      // a warning, not a note: had it been a printed digit, its cell lacks it
      const message = `page ${page}: a mark read as "${t.text.trim()}" with a probability of ${Math.min(...t.probs).toFixed(3)} is not taken as text`;
      diagnostics.push({ severity: 'warning', code: 'ocr.uncertain', message, page, bbox });
    } else if (truncatedTitle(t.text)) {
      // a warning: the table's title, and so the key of every fact in it, may lack its first characters
      const message = `page ${page}: "${t.text}" reads as the end of the table title "${truncatedTitle(t.text)}" and is no title itself: characters at its start may not have been read`;
      diagnostics.push({ severity: 'warning', code: 'ocr.uncertain', message, page, bbox });
    } else if (lostOrdinal(t.text)) {
      const message = `page ${page}: "${t.text}" starts with the 、 of an ordinal whose character was not read`;
      diagnostics.push({ severity: 'warning', code: 'ocr.uncertain', message, page, bbox });
    } else if (t.read !== undefined) {
      const message = `page ${page}: "${t.read}" read as "${t.text}" (characters the recogniser was unsure of, read as the budget vocabulary or a digit reads; docs/ocr.md)`;
      diagnostics.push({ severity: 'info', code: 'ocr.corrected', message, page, bbox });
    }
  }
}

/**
 * A cell's reading withheld: kept beside the cell as unsure (src/confirm may read it when an identity
 * holds with it), never as its text, and reported at the cell.
 */
function withhold(cell: GridCell, reading: string, conf: number, message: string, ocr: OcrPage, page: number, diagnostics: Diagnostic[]): void {
  diagnostics.push({ severity: 'warning', code: 'ocr.uncertain', message, page, bbox: unskewBox(cell.bbox!, ocr) });
  cell.unsure = { text: reading, ocr: conf };
  cell.text = '';
}

/** A zero read as a speck in a blank amount cell is that cell's unsure reading (speck-zero.ts), reported at the cell. */
function readSpeckZeros(blocks: Block[], ocr: OcrPage, page: number, diagnostics: Diagnostic[]): Set<OcrText> {
  const read = new Set<OcrText>();
  for (const block of blocks) {
    if (block.type !== 'grid') continue;
    for (const { cell, speck } of speckZeros(block.rows, ocr.texts, inside)) {
      const p = lowest(speck.probs);
      const message = `page ${page}: a mark read as "${speck.text.trim()}" with a probability of ${p}, alone in a cell of a column of amounts, is taken for an unsure 0; the cell is not read`;
      withhold(cell, '0', p, message, ocr, page, diagnostics);
      read.add(speck);
    }
  }
  return read;
}

export function applyOcr(blocks: Block[], diagnostics: Diagnostic[], ocr: OcrPage, page: number, minCharProb: number): void {
  recordCorrections(ocr, page, diagnostics, readSpeckZeros(blocks, ocr, page, diagnostics));
  const cellBoxes: BBox[] = [];
  const sure = sureLines(ocr.texts.filter((t) => !t.noise));
  for (const block of blocks) {
    if (block.type === 'grid') {
      // an amount with another number of decimals than the table's others is withheld (odd-decimals.ts)
      for (const cell of oddDecimalCells(block.rows)) {
        const message = `page ${page}: "${cell.text.trim()}" has another number of decimals than every other amount of its table (a digit may not have been read); the cell is not read`;
        const probs = cellTexts(cell, ocr.texts).flatMap((t) => t.probs);
        withhold(cell, cell.text.trim(), probs.length ? lowest(probs) : 0, message, ocr, page, diagnostics);
      }
      // an ordinal too faint to be read, put back where the list's numbering says which (restore-ordinal.ts)
      for (const { cell, was } of restoreGridOrdinals(block.rows, (c) => cellTexts(c, ocr.texts)[0])) {
        const message = `page ${page}: "${was}" read as "${cell.text}", the ordinal its place in the column's numbered list gives (its character too faint to be read)`;
        diagnostics.push({ severity: 'info', code: 'ocr.corrected', message, page, bbox: unskewBox(cell.bbox!, ocr) });
      }
      for (const row of block.rows) {
        // a code read with an unsure digit that the name beside it confirms is read (code-by-name.ts)
        const named = row.cells[codeCellNamed(row.cells.map((c) => c.text), (i) => (row.cells[i].bbox ? cellChars(row.cells[i], ocr.texts) : undefined), minCharProb) ?? -1];
        // a code the name beside it contradicts (a digit dropped: 30309 read 309) is reported (code-name-mismatch.ts)
        const mismatch = codeNameMismatch(row.cells.map((c) => c.text));
        const codeCell = mismatch && row.cells[mismatch.at];
        if (mismatch && codeCell?.bbox) {
          const message = `page ${page}: the code "${mismatch.code}" is not a code of "${mismatch.name}" (${mismatch.codes.join(', ')}): a digit may not have been read`;
          diagnostics.push({ severity: 'warning', code: 'ocr.uncertain', message, page, bbox: unskewBox(codeCell.bbox, ocr) });
        }
        for (const cell of row.cells) {
          if (!cell.bbox || !cell.text.trim()) continue;
          const probs = cellTexts(cell, ocr.texts).flatMap((t) => t.probs);
          if (!probs.length) continue;
          const conf = lowest(probs);
          cell.ocr = conf;
          // a number is trusted on its digits and marks: 2024年财政拨款 with an unsure 拨 keeps its sure 2024
          const read = cellChars(cell, ocr.texts);
          const numberProbs = read ? read.probs.filter((_, i) => NUMBER_CHAR.test(read.chars[i])) : probs;
          const numberConf = numberProbs.length ? lowest(numberProbs) : 1;
          if (numberConf < minCharProb && NUMBERISH.test(cell.text) && cell === named) {
            const message = `page ${page}: the code "${cell.text}" was recognised with a character probability of ${numberConf} and is read: the name beside it is a name of that code and of no other its sure digits allow`;
            diagnostics.push({ severity: 'info', code: 'ocr.code-by-name', message, page, bbox: unskewBox(cell.bbox, ocr) });
          } else if (numberConf < minCharProb && NUMBERISH.test(cell.text)) {
            const message = `page ${page}: "${cell.text}" was recognised with a character probability of ${numberConf} (below ${minCharProb}); the cell is not read`;
            withhold(cell, cell.text.trim(), numberConf, message, ocr, page, diagnostics);
          }
        }
        withholdSplitNumber(row.cells, ocr, page, diagnostics);
        snapRowLabel(row.cells, ocr, page, diagnostics);
        for (const cell of row.cells) snapHeaderCell(cell, ocr, page, diagnostics);
        for (const cell of row.cells) mendDroppedChar(cell, ocr, page, diagnostics);
        for (const cell of row.cells) readCellAsOne(cell, ocr, page, diagnostics);
        for (const cell of row.cells) readByPageEcho(cell, ocr, page, diagnostics, sure, minCharProb);
        for (const cell of row.cells) flagUnsureLabel(cell, ocr, page, diagnostics, minCharProb);
        for (const cell of row.cells) if (cell.bbox) cellBoxes.push(cell.bbox), (cell.bbox = unskewBox(cell.bbox, ocr));
      }
    }
    if ('bbox' in block && block.bbox) block.bbox = unskewBox(block.bbox, ocr);
  }
  flagUnsureLines(ocr.texts, cellBoxes, ocr, page, diagnostics, minCharProb);
}
