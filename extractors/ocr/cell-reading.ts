/**
 * A cell printed in several lines read against the vocabulary as one text. Each recognised line is
 * read against the budget words on its own (ocr-correct.ts), so a word wrapped across two lines of
 * a narrow cell is no word to either: 车辆及其他运输机械租赁服务 in a 政府采购 table was read 车辆及具他运输机械租赁
 * | 服冬 (具 0.58 with 其 its runner-up at 0.41; 冬 0.66 with 务 at 0.18; 江苏省政协办公厅 2019), and neither
 * line holds a word the unsure characters could be read into. Joined, the lines are read by the same
 * rule as one line: only the recogniser's own runners-up at its unsure places, and only where that
 * puts more characters inside words.
 */
import { correctReading, type Reading } from './ocr-correct.js';

/** The lines of a cell (in reading order) as one reading, spaces left out; undefined when a line's characters and probabilities do not line up. */
export function joinReadings(lines: readonly Reading[]): Reading | undefined {
  const out: Reading = { text: '', probs: [], alts: [] };
  for (const r of lines) {
    const chars = Array.from(r.text);
    if (chars.length !== r.probs.length || chars.length !== r.alts.length) return undefined;
    chars.forEach((c, i) => {
      if (!c.trim()) return;
      out.text += c;
      out.probs.push(r.probs[i]);
      out.alts.push(r.alts[i]);
    });
  }
  return out;
}

/** The cell's lines read as one against the vocabulary, when that reads them otherwise than line by line. */
export function readCellLines(lines: readonly Reading[]): Reading | undefined {
  if (lines.length < 2) return undefined;
  const joined = joinReadings(lines);
  if (!joined) return undefined;
  const read = correctReading(joined);
  return read.text !== joined.text ? read : undefined;
}
