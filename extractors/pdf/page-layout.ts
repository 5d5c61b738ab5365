/**
 * One page: text fragments + rule segments → blocks in reading order.
 *
 * Text is assigned to table cells by geometry, never by stream order (ONLYOFFICE exports scramble
 * it). Ruled frames come first; text they do not hold goes to the stream finder (unruled tables);
 * what is left becomes text blocks, one per printed line (or per far-apart part of a line, so that
 * 部门名称：… and 单位：万元 on one line are two blocks).
 */
import type { Block, Diagnostic, GridBlock, GridCell, GridRow, TextBlock } from '../../schemas/intermediate.js';
import { columnStrips, countAmounts, groupRows, isAmount, stripBoundaries } from './aligned-grid.js';
import { lineAtoms, streamTables, type StreamLine } from './stream-finder.js';
import { footBlock, footTable } from './page-foot-table.js';
import type { ColumnFoot } from './cut-merged-cells.js';
import { layoutSettings, type LayoutSettings } from '../../src/core/layout-settings.js';
import { liftCaptionRows } from './caption-rows.js';
import { joinAdjacentFrames } from './adjacent-frames.js';
import { extendByFillRows } from './fill-rows.js';
import { splitNumberRuns } from './number-runs.js';
import { captionContinuations } from './caption-lines.js';
import { isRunningTitle } from './running-title.js';
import { dropSliverColumns } from './sliver-columns.js';
import { splitSideBySide, splitStacked } from './repeated-headers.js';
import { headerBandSplit } from './header-bands.js';
import { buildFrame, findFrames, frameCells, type Box, type Frame } from './ruled-grid.js';
import { liftClippedLines } from './clipped-wrap.js';
import type { Segment } from './rulings.js';
import type { TableHint } from '../../src/core/table-settings.js';
import { layoutWithHints } from './table-hints.js';
import { isPageNumberAtEdge } from '../../src/core/page-number.js';
import { isNoteLine } from '../../src/core/note-line.js';
import { cellText, cutFragment, groupLines, linePieces, type LinePiece, type TextFrag, type TextLine } from './text-items.js';

export interface PageInput {
  page: number;
  width: number;
  height: number;
  frags: TextFrag[];
  rules: Segment[];
  /** column edges of the previous page's last table: an unruled table going on at the top of this page keeps them */
  previousColumns?: number[];
  /** how each column of the previous page's last table ends: a merged cell cut by the page break goes on here */
  previousFoot?: ColumnFoot[];
  /** the user's table hints for this page (the table settings file, table-hints.ts) */
  hints?: TableHint[];
  /** filled boxes (cell shading) larger than a rule: rows a frame's rules leave out (fill-rows.ts) */
  fills?: Box[];
}

export interface PageOutput {
  blocks: Block[];
  diagnostics: Diagnostic[];
}

const DEFAULTS = layoutSettings();

const round = (v: number) => Math.round(v * 100) / 100;
const bboxOf = (b: Box) => ({ x0: round(b.x0), y0: round(b.y0), x1: round(b.x1), y1: round(b.y1) });

interface PLine {
  line: TextLine;
  pieces: LinePiece[];
}

function centreIn(f: TextFrag, b: Box, pad = 1): boolean {
  const cx = (f.x0 + f.x1) / 2;
  const cy = (f.y0 + f.y1) / 2;
  return cx >= b.x0 - pad && cx <= b.x1 + pad && cy >= b.y0 - pad && cy <= b.y1 + pad;
}

/** Index of the slot between sorted boundaries `bs` (bs[0] .. bs[n]) that holds v. */
function slotOf(bs: readonly number[], v: number): number {
  let lo = 0;
  let hi = bs.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (bs[mid] <= v) lo = mid;
    else hi = mid - 1;
  }
  return Math.max(0, Math.min(bs.length - 2, lo));
}

/**
 * Column boundaries hidden inside a column: when most lines with amounts show two or more pieces
 * well apart within one ruled column, the table has no vertical rule there.
 */
export function virtualColumns(frags: readonly TextFrag[], xs: readonly number[], s: LayoutSettings = DEFAULTS): number[] {
  const out: number[] = [];
  for (let k = 0; k + 1 < xs.length; k++) {
    const inCol = frags.filter((f) => !f.rotated && (f.x0 + f.x1) / 2 >= xs[k] && (f.x0 + f.x1) / 2 < xs[k + 1]);
    if (inCol.length < 4) continue;
    const lines = groupLines(inCol, s.text.lineTolEm).map((line) => linePieces(line, s.text.cellGapEm));
    const withAmount = lines.filter((p) => countAmounts(p) > 0);
    const multi = withAmount.filter((p) => p.length >= 2);
    if (multi.length < 2 || multi.length < 0.5 * withAmount.length) continue;
    const strips = columnStrips(multi.flat(), s.stream.stripTol);
    if (strips.length < 2) continue;
    out.push(...stripBoundaries(strips));
  }
  return out;
}

/** Row boundaries inside ruled bands that hold several printed rows (rules only around the header). */
export function virtualRows(frags: readonly TextFrag[], frame: Frame, s: LayoutSettings = DEFAULTS): number[] {
  const out: number[] = [];
  const inner = frame.xs.slice(1, -1);
  for (let r = 0; r + 1 < frame.ys.length; r++) {
    const inBand = frags.filter((f) => (f.y0 + f.y1) / 2 >= frame.ys[r] && (f.y0 + f.y1) / 2 < frame.ys[r + 1]);
    if (inBand.length < 2) continue;
    // pieces are cut at the frame's columns so a label and its amount never make one piece
    const lines: PLine[] = groupLines(inBand, s.text.lineTolEm).map((line) => ({ line, pieces: piecesByColumn(line, frame.xs, s.text.cellGapEm) }));
    // only a band with several lines of amounts holds several printed rows; otherwise the lines are
    // one cell's wrapped text or a header cell centred across a merged row
    if (lines.filter((l) => countAmounts(l.pieces) > 0).length < 2) continue;
    // and only if amounts stack in one column: one amount printed lower than its neighbours
    // (vertically centred differently) is still the same row
    if (!stackedAmounts(lines, frame.xs)) continue;
    const rows = groupRows(lines, inner, s.stream.wrapJoinEm);
    for (let k = 0; k + 1 < rows.length; k++) {
      const a = rows[k][rows[k].length - 1].line;
      const b = rows[k + 1][0].line;
      out.push((a.y1 + b.y0) / 2);
    }
  }
  return out;
}

/** Cuts inside the header bands (those above the first amount) that hold a spanning head over column heads. */
function headerRows(frags: readonly TextFrag[], frame: Frame, s: LayoutSettings): number[] {
  const out: number[] = [];
  const ruled = frame.xs.filter((_, k) => frame.ruledX[k]);
  const virtual = frame.xs.filter((_, k) => !frame.ruledX[k]);
  for (let r = 0; r + 1 < frame.ys.length; r++) {
    const inBand = frags.filter((f) => (f.y0 + f.y1) / 2 >= frame.ys[r] && (f.y0 + f.y1) / 2 < frame.ys[r + 1]);
    const lines = groupLines(inBand, s.text.lineTolEm).map((line) => ({ y0: line.y0, y1: line.y1, pieces: piecesByColumn(line, ruled, s.text.cellGapEm) }));
    if (lines.some((l) => countAmounts(l.pieces) > 0)) break;
    const y = headerBandSplit(lines, frame.xs, virtual, s.structure.headerCrossPad);
    if (y !== undefined) out.push(y);
  }
  return out;
}

function stackedAmounts(lines: readonly PLine[], xs: readonly number[]): boolean {
  const seen = new Set<number>();
  for (const l of lines) {
    const cols = new Set<number>();
    for (const p of l.pieces) if (isAmount(p.text)) cols.add(slotOf(xs, (p.x0 + p.x1) / 2));
    for (const c of cols) {
      if (seen.has(c)) return true;
    }
    for (const c of cols) seen.add(c);
  }
  return false;
}

function piecesByColumn(line: TextLine, xs: readonly number[], gapEm: number): LinePiece[] {
  const byCol = new Map<number, TextFrag[]>();
  for (const f of line.frags) {
    const c = slotOf(xs, (f.x0 + f.x1) / 2);
    const l = byCol.get(c);
    if (l) l.push(f);
    else byCol.set(c, [f]);
  }
  const out: LinePiece[] = [];
  for (const fs of byCol.values()) {
    out.push(...linePieces({ ...line, frags: fs }, gapEm));
  }
  return out.sort((a, b) => a.x0 - b.x0);
}

/** Cuts fragments that cross a drawn column boundary (a producer drew two cells' text as one run). */
function cutAtColumns(frags: readonly TextFrag[], xs: readonly number[], ruled: readonly boolean[]): TextFrag[] {
  const out: TextFrag[] = [];
  for (const f of frags) {
    let parts = [f];
    for (let k = 1; k + 1 < xs.length; k++) {
      if (!ruled[k]) continue;
      const x = xs[k];
      if (f.x0 < x - 1 && f.x1 > x + 1) parts = parts.flatMap((p) => cutFragment(p, x));
    }
    out.push(...parts);
  }
  return out;
}

interface GridResult {
  grid: GridBlock;
  used: Set<TextFrag>;
}

/** A ruled frame with its text → a grid, or undefined when it is no table (a box around a paragraph). */
export function gridFromFrame(frame0: Frame, pageFrags: readonly TextFrag[], page: number, s: LayoutSettings = DEFAULTS): GridResult | undefined {
  const inside = pageFrags.filter((f) => centreIn(f, frame0.box));
  if (!inside.length) return undefined;
  const cut = cutAtColumns(inside, frame0.xs, frame0.ruledX);
  const vx = virtualColumns(cut, frame0.xs, s);
  let frame = vx.length ? buildFrame(frame0.edges, vx, [], s.rules) : frame0;
  const vy = [...virtualRows(cut, frame, s), ...(vx.length ? headerRows(cut, frame, s) : [])];
  if (vy.length) frame = buildFrame(frame0.edges, vx, vy, s.rules);
  const nr = frame.ys.length - 1;
  const nc = frame.xs.length - 1;
  // virtual column boundaries are open where a piece of that row crosses them (a spanning header)
  if (vx.length) {
    for (let r = 0; r < nr; r++) {
      const rowFr = cut.filter((f) => (f.y0 + f.y1) / 2 >= frame.ys[r] && (f.y0 + f.y1) / 2 < frame.ys[r + 1]);
      if (!rowFr.length) continue;
      const pieces = groupLines(rowFr, s.text.lineTolEm).flatMap((l) => piecesByColumn(l, frame.xs.filter((_, k) => frame.ruledX[k]), s.text.cellGapEm));
      for (let k = 0; k + 1 < nc; k++) {
        if (frame.ruledX[k + 1]) continue;
        const x = frame.xs[k + 1];
        if (pieces.some((p) => p.x0 < x - 2 && p.x1 > x + 2)) frame.right[r][k] = false;
      }
    }
  }
  const cells = frameCells(frame);
  if (cells.length < 2) return undefined;
  const owner: number[][] = Array.from({ length: nr }, () => new Array<number>(nc).fill(-1));
  cells.forEach((c, i) => {
    for (let r = c.r; r < c.r + c.rowSpan; r++) for (let k = c.c; k < c.c + c.colSpan; k++) if (owner[r][k] < 0) owner[r][k] = i;
  });
  const content: TextFrag[][] = cells.map(() => []);
  const placed = cut.map((f) => ({ frag: f, r: slotOf(frame.ys, (f.y0 + f.y1) / 2), c: slotOf(frame.xs, (f.x0 + f.x1) / 2) }));
  for (const { frag: f, r, c } of liftClippedLines(placed, frame, owner, s.structure.clippedLineGapEm)) {
    const id = owner[r][c];
    if (id >= 0) content[id].push(f);
  }
  const filled = content.filter((c) => c.length).length;
  if (filled < 2) return undefined;
  const rows: GridRow[] = [];
  for (let r = 0; r < nr; r++) rows.push({ cells: [] });
  cells.forEach((c, i) => {
    const cell: GridCell = { text: cellText(content[i]), colSpan: c.colSpan, rowSpan: c.rowSpan, page, bbox: bboxOf(c.box) };
    rows[c.r].cells.push(cell);
  });
  // frameCells walks row-major, so cells of a row are already left to right
  const virtualX = frame.ruledX.slice(1, -1).some((v) => !v);
  const virtualY = frame.ruledY.slice(1, -1).some((v) => !v);
  const cf = s.confidence;
  const confidence = virtualX && virtualY ? cf.ruledVirtualBoth : virtualX ? cf.ruledVirtualColumns : virtualY ? cf.ruledVirtualRows : cf.ruled;
  return {
    grid: { type: 'grid', rows, method: 'ruled', confidence, page, bbox: bboxOf(frame.box), columnEdges: frame.xs.map(round) },
    used: new Set(inside),
  };
}

/**
 * Whether a page can hold a table at all. Reading the drawing operators costs pdf.js about as much
 * as reading the text, so pages of running prose (every line one continuous run) skip it. A table
 * always has some line with cells apart (a label and its amount, or header cells).
 */
export function mayHoldTable(frags: readonly TextFrag[], s: LayoutSettings = DEFAULTS): boolean {
  if (!frags.length) return false;
  for (const line of groupLines(frags, s.text.lineTolEm)) {
    if (linePieces(line, s.text.cellGapEm).length > 1) return true;
  }
  return false;
}

/** A line that is only a page number or a running header/footer near the page edge. */
function isPageFurniture(l: PLine, pageH: number, s: LayoutSettings): boolean {
  const nearEdge = l.line.y1 < pageH * s.text.furnitureTop || l.line.y0 > pageH * s.text.furnitureBottom;
  if (!nearEdge) return false;
  const t = l.pieces.map((p) => p.text).join('');
  return t.length <= s.text.furnitureMaxChars || isPageNumberAtEdge(t) || isRunningTitle(l.pieces.map((p) => p.text));
}

/** A unit line or a title: where an unruled table's header stops going up. */
function isTableLead(text: string): boolean {
  return /单位[:：]|表$|表[(（].*[)）]$|^(公开)?\d+表|^表[一二三四五六七八九十\d]/.test(text);
}

/**
 * A title printed with its characters spread out (目      录) is one block: pieces of a single
 * character each are joined back.
 */
function spacedTitles(parts: LinePiece[]): LinePiece[] {
  const out: LinePiece[] = [];
  for (const p of parts) {
    const last = out[out.length - 1];
    if (last && Array.from(p.text).length === 1 && Array.from(last.frags[last.frags.length - 1].text).length === 1 && p.x0 - last.x1 < 8 * p.size) {
      last.text += p.text;
      last.x1 = p.x1;
      last.frags.push(...p.frags);
    } else out.push({ ...p, frags: [...p.frags] });
  }
  return out;
}

/** Median font size weighted by characters: the body text size, for heading levels. */
function bodySize(frags: readonly TextFrag[]): number {
  const sizes = frags.map((f) => [f.size, f.text.length] as const).sort((a, b) => a[0] - b[0]);
  const total = sizes.reduce((s, v) => s + v[1], 0);
  let acc = 0;
  for (const [s, n] of sizes) {
    acc += n;
    if (acc >= total / 2) return s;
  }
  return 10;
}

export function layoutPage(p: PageInput, s: LayoutSettings = DEFAULTS): PageOutput {
  if (p.hints?.length) return layoutWithHints(p, p.hints, s, layoutPage);
  const diagnostics: Diagnostic[] = [];
  const placed: { y0: number; x0: number; block: Block }[] = [];
  let free: TextFrag[] = p.frags;
  // a grid cut where its header repeats, each part without the caption and notes printed inside
  // it; what is lifted out goes beside them as text blocks
  const placeGrid = (g: GridBlock, y0 = g.bbox!.y0, x0 = g.bbox!.x0) => {
    const stacked = splitStacked(dropSliverColumns(g, s.structure.sliverWidth));
    const parts = stacked.grids.flatMap((part) => splitSideBySide(part, s.structure)).map((part) => liftCaptionRows(part, s.structure));
    const lifted = [...stacked.lifted, ...parts.flatMap((part) => part.lifted)];
    if (parts.length === 1 && !lifted.length) placed.push({ y0, x0, block: parts[0].grid });
    else for (const { grid } of parts) placed.push({ y0: grid.bbox!.y0, x0: grid.bbox!.x0, block: grid });
    for (const t of lifted) placed.push({ y0: t.bbox?.y0 ?? y0, x0: t.bbox?.x0 ?? x0, block: t });
  };
  const frames = findFrames(p.rules, s.rules).map((f) => extendByFillRows(f, p.fills ?? [], s.structure.fillRowGap, s.rules));
  for (const frame of joinAdjacentFrames(frames, s.structure.frameJoinGap, s.rules)) {
    const res = gridFromFrame(frame, free, p.page, s);
    if (!res) continue;
    placeGrid(res.grid, frame.box.y0, frame.box.x0);
    free = free.filter((f) => !res.used.has(f));
  }
  const body = bodySize(p.frags);
  const lines: PLine[] = groupLines(free.filter((f) => !f.rotated), s.text.lineTolEm).map((line) => ({ line, pieces: splitNumberRuns(linePieces(line, s.text.cellGapEm), s.text.figureSpaceEm) }));
  const furniture = lines.map((l) => isPageFurniture(l, p.height, s));
  const texts = lines.map((l) => l.pieces.map((q) => q.text).join(' '));
  const noteLine = new RegExp(s.structure.noteStart, 'i');
  const continued = captionContinuations(lines.map((l, k) => ({ ...l.line, text: texts[k], pieces: l.pieces.length })), s.structure.captionStart, s.stream.maxHeaderChars);
  const other = lines.map((l, k) => {
    const text = texts[k];
    // a note line (注：, NOTE:, SOURCE:) ends a table body as a title starts one
    return isTableLead(text) || l.line.size >= body * s.text.heading2Ratio || isNoteLine(text) || noteLine.test(text) || continued[k];
  });
  const stop = lines.map((_, k) => furniture[k] || other[k]);
  const streamLines: StreamLine[] = lines.map((l) => ({ line: l.line, pieces: l.pieces, atoms: splitNumberRuns(lineAtoms(l.line, s.stream.wordGapEm, s.stream.hanCellGapEm), s.text.figureSpaceEm) }));
  const tables = streamTables(streamLines, stop, furniture, p.page, s, p.previousColumns, furniture.map((f, k) => f && !other[k]), p.previousFoot);
  // a table's header alone at the foot of the page, the table going on overleaf
  const foot = footBlock(streamLines, stop, furniture, new Set(tables.flatMap((t) => [...t.lines])), s.stream);
  if (foot) tables.push(footTable(streamLines, foot, p.page, s));
  for (const t of tables) placeGrid(t.grid);
  const inTable = new Set<number>(tables.flatMap((t) => [...t.lines]));
  for (const [k, l] of lines.entries()) {
    if (inTable.has(k)) continue;
    for (const part of spacedTitles(linePieces(l.line, s.text.blockGapEm))) {
      const size = round(part.size);
      const tb: TextBlock = { type: 'text', text: part.text, page: p.page, bbox: bboxOf(part), fontSize: size };
      if (part.size >= body * s.text.heading1Ratio) tb.heading = 1;
      else if (part.size >= body * s.text.heading2Ratio) tb.heading = 2;
      placed.push({ y0: l.line.y0, x0: part.x0, block: tb });
    }
  }
  for (const f of free) {
    if (!f.rotated) continue;
    placed.push({ y0: f.y0, x0: f.x0, block: { type: 'text', text: f.text, page: p.page, bbox: bboxOf(f), fontSize: round(f.size) } });
  }
  placed.sort((a, b) => a.y0 - b.y0 || a.x0 - b.x0);
  return { blocks: placed.map((p2) => p2.block), diagnostics };
}
