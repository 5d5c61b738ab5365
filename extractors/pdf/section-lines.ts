/**
 * Section lines of unruled tables: `Sex`, `Race/Ethnicity`, `Actual` printed on a line of their
 * own over the rows they group (ICDAR 2013 us-018, us-024). Without amounts they look like a
 * wrapped label and were joined to the nearest amount line, above or below. Two things tell them
 * apart: the rows of a section are indented under its line (a wrapped label's next line starts
 * where it starts or further right), and a section line stands a full row pitch from its rows
 * (a wrapped label's lines are set at the closer leading of one cell). Either alone is not
 * enough: a hanging indent wraps to the right too, and single-spaced tables set wrapped lines at
 * the row pitch.
 */
import type { LinePiece, TextLine } from './text-items.js';

interface Line {
  line: TextLine;
  pieces: LinePiece[];
}

const mid = (l: TextLine) => (l.y0 + l.y1) / 2;

/** The usual distance between the middles of consecutive amount lines (the row pitch). */
export function rowPitch(lines: readonly Line[], amountLine: readonly boolean[]): number {
  const d: number[] = [];
  for (let i = 0; i + 1 < lines.length; i++) if (amountLine[i] && amountLine[i + 1]) d.push(mid(lines[i + 1].line) - mid(lines[i].line));
  if (!d.length) return Infinity;
  d.sort((a, b) => a - b);
  return d[Math.floor(d.length / 2)];
}

/**
 * Whether a line without amounts (`l`, one text) is a section line rather than part of the
 * label of the amount line `target` it is nearest to: the target's first text starts at least
 * `indentEm` em right of it, and the two are at least `pitchShare` of the row pitch apart.
 */
export function isSectionLine(l: Line, target: Line, pitch: number, indentEm: number, pitchShare: number): boolean {
  const first = target.pieces[0];
  if (!first || !l.pieces.length) return false;
  const indented = first.x0 - l.pieces[0].x0 >= indentEm * l.line.size;
  return indented && Math.abs(mid(target.line) - mid(l.line)) >= pitchShare * pitch;
}

interface HeadLine {
  line: TextLine;
  atoms: readonly { text: string; x0: number }[];
}

const HAN = /\p{Script=Han}/u;

/**
 * Whether the last line the header took is the body's first section line (`Actual` under `Year
 * Total Public Private`, over `1996 16.9 17.1 15.5`, ICDAR 2013 us-017, us-018): one text, no
 * figure, starting where the first row's label starts and no further right than the header's
 * first text, printed closer to the first row than to the header line above it. Chinese headers
 * are left alone (a stub head such as 项目 is printed so too).
 */
export function sectionOverBody(header: readonly HeadLine[], first: HeadLine | undefined): boolean {
  if (header.length < 2 || !first?.atoms.length) return false;
  const [above, last] = [header[header.length - 2], header[header.length - 1]];
  if (last.atoms.length !== 1 || above.atoms.length < 2) return false;
  const a = last.atoms[0];
  if (HAN.test(a.text) || /\d/.test(a.text)) return false;
  const size = last.line.size;
  if (Math.abs(a.x0 - first.atoms[0].x0) > 0.5 * size || a.x0 > above.atoms[0].x0 + 0.5 * size) return false;
  return first.line.y0 - last.line.y1 < last.line.y0 - above.line.y1;
}
