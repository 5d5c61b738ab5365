/**
 * Tables without ruling lines (WPS/Excel exports with gridlines off, HTML printed without borders),
 * in the spirit of pdfplumber's text strategy and Camelot's stream: a chain of small pure steps
 * over the page's free text lines.
 *
 *   lines → atoms (cell texts: fragments joined only across word spaces, never onto a number)
 *         → tabular lines (two atoms or more, one an amount) → table runs (dense runs of them,
 *           with the rows without amounts between, the rows above that sit in the body's columns,
 *           then the header lines above those)
 *         → body columns (x-strips that no body atom crosses: left-, right- or centre-aligned text
 *           all stays inside its strip) → header cells (wrapped header text stacked into one cell)
 *           → columns only a header names (a column printed empty) → header levels and spans (a
 *           header cell over others spans the columns it is centred on)
 *         → rows (baselines; a wrapped label joins the amount line it belongs to) → grid.
 *
 * The grid is the same GridBlock the ruled path gives (method `aligned`), so interpretation
 * cannot tell them apart except by the method and confidence it reports.
 */
import type { GridBlock, GridCell, GridRow } from '../../schemas/intermediate.js';
import { columnOf, columnStrips, groupRows, isAmount, type Interval } from './aligned-grid.js';
import type { LayoutSettings } from '../../src/core/layout-settings.js';
import { labelOnlyStrips, reachDownOverStraddling, reachUpOverStraddling, textsUnder } from './centred-rows.js';
import { hanCellGap } from './han-gap.js';
import { claimBottomLeaves } from './header-spans.js';
import { raisedColumns } from './raised-leaves.js';
import { headerDepth, spansHeaderBelow } from './spanning-header-line.js';
import { isTrailingNote } from './trailing-note.js';
import { withTopRow } from './page-top-row.js';
import { withRowUnderTopHeader } from './top-row-under-header.js';
import { joinTotalIntoCodes } from './code-column-total.js';
import { columnsInOrder, splitAtLayoutChange } from './layout-split.js';
import { shiftedPartCut } from './shifted-part.js';
import { headsAmountColumns, repeatedHeaderTop } from './repeated-header-top.js';
import { codePartColumn, headerOverLabels } from './unheaded-label-column.js';
import { headerOverAmounts } from './unheaded-amount-column.js';
import { wrappedBetweenRows } from './wrapped-between-rows.js';
import { amountsInOneColumn, applyMergedDown, mergedDownRanges } from './merged-down.js';
import { startsNextRow } from './next-row-line.js';
import { openMergedDownRanges, withCutEnds, type ColumnFoot } from './cut-merged-cells.js';
import { isEdgeRow, usualLineGap } from './page-edge-rows.js';
import { onlyWrapBelow } from './foot-row-wrap.js';
import { columnNumberRow, isColumnNumberLine, numberedColumns } from './column-number-row.js';
import { wordsLength } from './number-runs.js';
import { spansSeveral } from './spanning-heads.js';
import { isSectionLine, sectionOverBody } from './section-lines.js';
import { cellText, linePieces, type LinePiece, type TextFrag, type TextLine } from './text-items.js';

/** A cell's text on one line: fragments joined across word spaces. */
export type Atom = LinePiece;

export interface StreamLine {
  line: TextLine;
  /** the line cut at cell gaps (text.cellGapEm): whether it is a table row is read from these */
  pieces: LinePiece[];
  atoms: Atom[];
}

/** A number as printed in a table, loosely (12.5%, (3.4), -7): never joined with the word before or after it. */
const NUMERIC = /^[-−–(]?[$€£¥]?\d[\d.,]*%?\)?$/;

const round = (v: number) => Math.round(v * 100) / 100;

/**
 * A line's atoms: fragments (whitespace-free runs) joined when the gap between them is a word
 * space (below `wordGapEm`), unless either is a number. pdf.js may run a right-aligned amount and
 * the next cell's label into one item with one space between (`694.34 一、一般公共服务支出`):
 * the split at the space stays a split.
 */
export function lineAtoms(line: TextLine, wordGapEm: number, hanGapEm = Infinity): Atom[] {
  return linePieces(line, wordGapEm, (prev, next) => !NUMERIC.test(prev.text) && !NUMERIC.test(next.text) && !hanCellGap(prev, next, hanGapEm));
}

/**
 * A table row line: at least `minPieces` pieces apart by a cell gap, one of them an amount (so
 * that prose with a figure in it is no table row; the finer atoms only place text in columns).
 */
export function isTabular(pieces: readonly LinePiece[], minPieces: number): boolean {
  return pieces.length >= minPieces && pieces.some((a) => isAmount(a.text));
}

/** Indices into the page's lines: the first header line, the first body line and the last body line. */
export interface TableRun {
  top: number;
  bodyTop: number;
  bottom: number;
}

/**
 * Dense runs of tabular lines. A body goes down from a tabular line over lines no further apart
 * than `maxRowGapEm` (lines without amounts between tabular ones are rows too: a 收支总表's
 * expenditure-only rows, wrapped labels) and ends at its last tabular line; `stop` lines (titles,
 * unit lines, notes, page furniture, long prose) end it.
 */
export function tableRuns(lines: readonly StreamLine[], tab: readonly boolean[], stop: readonly boolean[], s: LayoutSettings['stream']): TableRun[] {
  const out: TableRun[] = [];
  let i = 0;
  while (i < lines.length) {
    if (!tab[i]) {
      i++;
      continue;
    }
    let j = i;
    let last = i;
    let nTab = 1;
    while (j + 1 < lines.length && !stop[j + 1]) {
      const gap = lines[j + 1].line.y0 - lines[j].line.y1;
      if (gap > s.maxRowGapEm * lines[j].line.size) break;
      j++;
      if (tab[j]) {
        last = j;
        nTab++;
      } else if (j - last > s.maxWrappedLines) break;
    }
    // one row at the foot of a page (a table's header and first row before it goes on overleaf)
    // (its labels' lower lines may wrap under it)
    const atFoot = onlyWrapBelow(lines, last, tab, stop, s.wrapJoinEm);
    if (nTab >= s.minRows || (atFoot && lines[last].atoms.length >= 3)) out.push({ top: i, bodyTop: i, bottom: last });
    i = last + 1;
  }
  return out;
}

/** Column strips of a body: x-extents of its tabular lines' atoms, overlapping ones merged. */
export function bodyStrips(lines: readonly StreamLine[], tol: number): Interval[] {
  return columnStrips(lines.flatMap((l) => l.atoms), tol);
}

/**
 * Strips widened by the text of the body's other lines (wrapped labels, rows without amounts):
 * an atom that overlaps exactly one strip belongs to it.
 */
export function widenStrips(strips: readonly Interval[], atoms: readonly Interval[]): Interval[] {
  const out = strips.map((st) => ({ ...st }));
  for (const a of atoms) {
    const hit = out.filter((st) => Math.min(st.x1, a.x1) - Math.max(st.x0, a.x0) > 0);
    if (hit.length !== 1) continue;
    const k = out.indexOf(hit[0]);
    const x0 = Math.min(hit[0].x0, a.x0);
    const x1 = Math.max(hit[0].x1, a.x1);
    // never into the neighbours
    if ((k > 0 && x0 <= out[k - 1].x1) || (k + 1 < out.length && x1 >= out[k + 1].x0)) continue;
    hit[0].x0 = x0;
    hit[0].x1 = x1;
  }
  return out;
}

/** An atom sits in the body's columns when it lies inside one strip (with `tol` slack). */
export function fitsStrips(a: Interval, strips: readonly Interval[], tol: number): boolean {
  return strips.some((st) => a.x0 >= st.x0 - tol && a.x1 <= st.x1 + tol);
}

/**
 * Boundaries between columns from how their text is aligned: a column of amounts is right-aligned,
 * so its right edge is just after its widest amount; a column of labels is left-aligned, so its
 * left edge is just before its labels; between a label column and an amount column, the middle
 * of the gap. Such edges stay put from page to page whatever the widths of the texts.
 */
export function alignedBoundaries(cols: readonly Interval[], numeric: readonly (boolean | undefined)[], pad: number): number[] {
  const out: number[] = [];
  for (let k = 0; k + 1 < cols.length; k++) {
    const [here, next] = [cols[k], cols[k + 1]];
    if (numeric[k] === true) out.push(Math.min(here.x1 + pad, next.x0));
    else if (numeric[k + 1] === false) out.push(Math.max(here.x1, next.x0 - pad));
    else out.push((here.x1 + next.x0) / 2);
  }
  return out;
}

/** A header cell: header text stacked over one or more lines (a wrapped header) as one box. */
export interface HeaderCell extends Interval {
  y0: number;
  y1: number;
  atoms: Atom[];
}

/**
 * Header atoms → header cells: atoms that overlap horizontally and sit one right under the other
 * (a gap under `stackEm` em) are lines of one wrapped cell (一般公共 / 预算).
 */
export function headerCells(atoms: readonly Atom[], stackEm = 0.7, strips: readonly Interval[] = []): HeaderCell[] {
  const parent = atoms.map((_, k) => k);
  const find = (k: number): number => (parent[k] === k ? k : (parent[k] = find(parent[k])));
  for (let a = 0; a < atoms.length; a++) {
    for (let b = a + 1; b < atoms.length; b++) {
      const p = atoms[a];
      const q = atoms[b];
      const overlapX = Math.min(p.x1, q.x1) - Math.max(p.x0, q.x0);
      const gapY = Math.max(p.y0, q.y0) - Math.min(p.y1, q.y1);
      if (overlapX > 0 && gapY >= -0.5 * Math.min(p.size, q.size) && gapY < stackEm * Math.min(p.size, q.size) && !spansSeveral(p, q, atoms, strips)) parent[find(a)] = find(b);
    }
  }
  const groups = new Map<number, Atom[]>();
  atoms.forEach((a, k) => {
    const g = groups.get(find(k));
    if (g) g.push(a);
    else groups.set(find(k), [a]);
  });
  return [...groups.values()].map((as) => ({
    x0: Math.min(...as.map((a) => a.x0)),
    x1: Math.max(...as.map((a) => a.x1)),
    y0: Math.min(...as.map((a) => a.y0)),
    y1: Math.max(...as.map((a) => a.y1)),
    atoms: as.sort((a, b) => a.y0 - b.y0 || a.x0 - b.x0),
  }));
}

/**
 * Header cells with nothing under them are leaves (they name one column); the others head
 * several. Without `bounds`, "under" is by the texts' overlap; with the columns known, by the
 * columns the texts lie over (项目 printed over 科目名称 heads 科目编码 too).
 */
export function isLeaf(cell: HeaderCell, all: readonly HeaderCell[], bounds?: readonly number[]): boolean {
  const cols = (c: Interval) => (bounds ? columnsUnder(c, bounds) : undefined);
  const mine = cols(cell);
  return !all.some((o) => {
    if (o === cell || o.y0 < cell.y1 - 1) return false;
    if (!mine) return Math.min(o.x1, cell.x1) - Math.max(o.x0, cell.x0) > 0;
    const theirs = cols(o)!;
    return Math.min(mine[1], theirs[1]) >= Math.max(mine[0], theirs[0]);
  });
}

/**
 * The table's columns: the body strips, plus a column for each leaf header cell over no strip
 * (a column the table prints empty). Returned left to right.
 */
export function tableColumns(strips: readonly Interval[], leaves: readonly HeaderCell[]): Interval[] {
  const cols: Interval[] = strips.map((st) => ({ x0: st.x0, x1: st.x1 }));
  for (const h of leaves) {
    const over = cols.some((c) => Math.min(c.x1, h.x1) - Math.max(c.x0, h.x0) > 0);
    if (!over) cols.push({ x0: h.x0, x1: h.x1 });
  }
  return cols.sort((a, b) => a.x0 - b.x0);
}

/** Columns (indices) a header cell's text lies over. */
function columnsUnder(cell: Interval, bounds: readonly number[]): [number, number] {
  return atomColumns(cell, [-Infinity, ...bounds, Infinity]);
}

/**
 * The columns a spanning header cell heads: of the spans that contain the columns its text lies
 * over and only `allowed` columns (its territory: nearer to it than to the other cells of its
 * level), the one whose middle is nearest the middle of the text — merged header text is printed
 * centred over what it heads. Near-ties go to the wider span: a narrower one would leave a column
 * unheaded.
 */
export function centredSpan(cell: Interval, edges: readonly number[], centres: readonly number[], allowed: readonly boolean[]): [number, number] {
  const [a0, b0] = columnsUnder(cell, edges.slice(1, -1));
  const mid = (cell.x0 + cell.x1) / 2;
  // the span's middle from its edges, or from its end columns' header texts: whichever fits
  // (edges are sure beside labels, header texts beside amounts)
  const off = (p: number, q: number) => Math.min(Math.abs((centres[p] + centres[q]) / 2 - mid), Math.abs((edges[p] + edges[q + 1]) / 2 - mid));
  let best: [number, number] = [a0, b0];
  let bestOff = off(a0, b0);
  for (let a = a0; a >= 0 && (a === a0 || allowed[a]); a--) {
    for (let b = b0; b < centres.length && (b === b0 || allowed[b]); b++) {
      const o = off(a, b);
      if (o < bestOff + 4 && b - a > best[1] - best[0]) {
        best = [a, b];
        bestOff = Math.min(o, bestOff);
      } else if (o < bestOff - 1) {
        best = [a, b];
        bestOff = o;
      }
    }
  }
  return best;
}

/**
 * Header rows from header cells: spanning cells stack in levels (a cell under another is one
 * level lower); leaves go in the bottom row and reach up (rowSpan) over levels where no spanning
 * cell heads their column.
 */
export function headerRows(cells: readonly HeaderCell[], bounds: readonly number[], edges: readonly number[], page: number, bandEm?: number): GridRow[] {
  const nc = bounds.length + 1;
  const leaves = cells.filter((c) => isLeaf(c, cells, bounds));
  const uppers = cells.filter((c) => !leaves.includes(c)).sort((a, b) => a.y0 - b.y0);
  // levels of spanning cells: bands of cells printed on the same lines, top to bottom (a cell
  // heading the cells of the band under it need not overlap their texts: 支出 over 金额)
  const level = new Map<HeaderCell, number>();
  let band = -1;
  let bandBottom = -Infinity;
  for (const u of uppers) {
    if (u.y0 >= bandBottom - 1) {
      band++;
      bandBottom = u.y1;
    } else bandBottom = Math.max(bandBottom, u.y1);
    level.set(u, band);
  }
  const nLevels = uppers.length ? Math.max(...uppers.map((u) => level.get(u)!)) + 1 : 0;
  const nRows = nLevels + 1;
  // slot grid: owner cell id per (row, column)
  const owner: number[][] = Array.from({ length: nRows }, () => new Array<number>(nc).fill(-1));
  const spans: { r: number; c0: number; c1: number; r1: number; cell?: HeaderCell }[] = [];
  const leafOf = new Map<number, HeaderCell[]>();
  for (const l of leaves) {
    const c = columnOf(bounds, (l.x0 + l.x1) / 2);
    leafOf.set(c, [...(leafOf.get(c) ?? []), l]);
  }
  const centres = Array.from({ length: nc }, (_, k) => {
    const l = leafOf.get(k)?.[0];
    return l ? (l.x0 + l.x1) / 2 : (edges[k] + edges[k + 1]) / 2;
  });
  const mid = (c: Interval) => (c.x0 + c.x1) / 2;
  // a leaf printed between the bands (项目名称 merged down both rows) is headed by no spanning cell
  // of the levels it reaches up over
  const levelTops = Array.from({ length: nLevels }, (_, lv) => Math.min(...uppers.filter((u) => level.get(u) === lv).map((u) => u.y0)));
  const raised = bandEm === undefined ? new Map<number, number>() : raisedColumns(leafOf, leaves, levelTops, Math.max(...cells.map((c) => c.y1)), bandEm);
  for (let lv = 0; lv < nLevels; lv++) {
    const here = uppers.filter((u) => level.get(u) === lv).sort((a, b) => mid(a) - mid(b));
    const own = here.map((u) => columnsUnder(u, bounds));
    here.forEach((u, i) => {
      const allowed = centres.map((_, k) => owner[lv][k] < 0 && !(lv >= (raised.get(k) ?? Infinity)) && !own.some(([a, b], j) => j !== i && k >= a && k <= b));
      const [a, b] = centredSpan(u, edges, centres, allowed);
      if ([...Array(b - a + 1).keys()].some((k) => owner[lv][a + k] >= 0)) return;
      for (let k = a; k <= b; k++) owner[lv][k] = spans.length;
      spans.push({ r: lv, c0: a, c1: b, r1: lv, cell: u });
    });
  }
  for (let c = 0; c < nc; c++) {
    let top = nLevels;
    while (top > 0 && owner[top - 1][c] < 0) top--;
    const ls = leafOf.get(c) ?? [];
    const id = spans.length;
    for (let r = top; r < nRows; r++) owner[r][c] = id;
    spans.push({ r: top, c0: c, c1: c, r1: nRows - 1, cell: ls.length ? { ...ls[0], atoms: ls.flatMap((l) => l.atoms) } : undefined });
  }
  const rows: GridRow[] = Array.from({ length: nRows }, () => ({ cells: [] }));
  const y0 = Math.min(...cells.map((c) => c.y0));
  const y1 = Math.max(...cells.map((c) => c.y1));
  for (let r = 0; r < nRows; r++) {
    for (let c = 0; c < nc; c++) {
      const id = owner[r][c];
      if (id < 0) {
        // a level where nothing heads this column, under a cell that does
        rows[r].cells.push({ text: '', colSpan: 1, rowSpan: 1, page, bbox: { x0: round(edges[c]), y0: round(y0), x1: round(edges[c + 1]), y1: round(y1) } });
        continue;
      }
      const sp = spans[id];
      if (sp.r !== r || sp.c0 !== c) continue;
      const frags: TextFrag[] = sp.cell ? sp.cell.atoms.flatMap((a) => a.frags) : [];
      const cy0 = sp.cell ? sp.cell.y0 : y0;
      const cy1 = sp.cell ? sp.cell.y1 : y1;
      rows[r].cells.push({ text: cellText(frags), colSpan: sp.c1 - sp.c0 + 1, rowSpan: sp.r1 - sp.r + 1, page, bbox: { x0: round(edges[sp.c0]), y0: round(cy0), x1: round(edges[sp.c1 + 1]), y1: round(cy1) } });
    }
  }
  return rows.filter((r) => r.cells.length);
}

/**
 * Body rows: lines grouped into printed rows (a wrapped label joins its amount line), each row's
 * atoms placed in the column their start lies in; an atom reaching over later boundaries spans
 * those columns.
 */
export function bodyRows(lines: readonly StreamLine[], edges: readonly number[], page: number, wrapJoinEm: number, mergedCentreTol = 0, foot?: readonly ColumnFoot[], section?: { sectionIndentEm: number; sectionPitchShare: number }): GridRow[] {
  const rows: GridRow[] = [];
  const bounds = edges.slice(1, -1);
  const nc = edges.length - 1;
  const asPieces = mergeOverlapping(lines).map((l) => ({ line: l.line, pieces: l.atoms }));
  // each row's texts by the column they start in, for label cells merged down several rows
  const starts: Map<number, { frags: TextFrag[]; y0: number; y1: number; span: number }>[] = [];
  // section lines kept apart from the rows they head: rows of their own, which no merged cell crosses
  const sections = new Set<(typeof asPieces)[number]>();
  const apart =
    section &&
    ((l: (typeof asPieces)[number], t: (typeof asPieces)[number], pitch: number) => {
      const yes = isSectionLine(l, t, pitch, section.sectionIndentEm, section.sectionPitchShare);
      if (yes) sections.add(l);
      return yes;
    });
  const sectionRow: boolean[] = [];
  for (const rl of groupRows(asPieces, bounds, wrapJoinEm, apart)) {
    sectionRow.push(rl.length === 1 && sections.has(rl[0]));
    const atoms = rl.flatMap((l) => l.pieces);
    const y0 = Math.min(...rl.map((l) => l.line.y0));
    const y1 = Math.max(...rl.map((l) => l.line.y1));
    const placed = atoms.map((a) => ({ a, cols: atomColumns(a, edges) }));
    const cells: GridCell[] = [];
    const here = new Map<number, { frags: TextFrag[]; y0: number; y1: number; span: number }>();
    let c = 0;
    while (c < nc) {
      const inCol = placed.filter((p) => p.cols[0] === c);
      let span = Math.max(1, ...inCol.map((p) => p.cols[1] - c + 1));
      // a text reaching over a column that holds text of its own in this row stops before it
      for (let k = c + 1; k < c + span; k++) {
        if (placed.some((p) => p.cols[0] === k)) {
          span = k - c;
          break;
        }
      }
      const frags = inCol.flatMap((p) => p.a.frags);
      if (inCol.length) here.set(c, { frags, y0: Math.min(...inCol.map((p) => p.a.y0)), y1: Math.max(...inCol.map((p) => p.a.y1)), span });
      cells.push({ text: cellText(frags), colSpan: span, rowSpan: 1, page, bbox: { x0: round(edges[c]), y0: round(y0), x1: round(edges[c + span]), y1: round(y1) } });
      c += span;
    }
    starts.push(here);
    rows.push({ cells });
  }
  return mergedCentreTol > 0 ? withMergedDown(rows, starts, nc, mergedCentreTol, foot, sectionRow) : rows;
}

/**
 * Label columns whose texts are each printed once, centred over the rows they cover (a unit name
 * beside its projects), with those cells merged down (merged-down.ts); amount columns never.
 */
function withMergedDown(rows: GridRow[], starts: readonly Map<number, { frags: TextFrag[]; y0: number; y1: number; span: number }>[], nc: number, tol: number, foot?: readonly ColumnFoot[], sectionRow: readonly boolean[] = []): GridRow[] {
  let out = rows;
  // rows above the first amount row are a header read as body: no merged cell reaches into them
  const firstAmounts = starts.findIndex((m) => [...m.values()].some((t) => isAmount(cellText(t.frags))));
  for (let col = 0; col < nc; col++) {
    const texts = starts.map((m, k) => {
      const t = m.get(col);
      if (k < firstAmounts || sectionRow[k]) return null;
      return t && t.span === 1 && !isAmount(cellText(t.frags)) ? { y0: t.y0, y1: t.y1 } : t ? null : undefined;
    });
    // a row's place from its amounts (the merged labels beside it may sit off its middle)
    const bands = starts.map((m) => {
      const others = [...m].filter(([k]) => k !== col).map(([, t]) => t);
      const amounts = others.filter((t) => isAmount(cellText(t.frags)));
      const other = amounts.length ? amounts : others;
      return other.length ? { y0: Math.min(...other.map((t) => t.y0)), y1: Math.max(...other.map((t) => t.y1)) } : { y0: m.get(col)?.y0 ?? 0, y1: m.get(col)?.y1 ?? 0 };
    });
    // a cell cut by the page break: on a page the table goes on to, rows beyond its edges counted in; blank ends kept merged (cut-merged-cells.ts)
    const amounts = starts.some((m) => isAmount(cellText(m.get(col)?.frags ?? [])));
    const closed = mergedDownRanges(bands, texts, tol);
    const ranges = amounts ? closed : withCutEnds(closed ?? (foot ? openMergedDownRanges(bands, texts, tol, foot[col]?.blank ?? 0) : undefined), texts, foot?.[col]);
    if (ranges) out = applyMergedDown(out, col, ranges, (a, z) => cellText(starts.slice(a, z + 1).flatMap((m) => m.get(col)?.frags ?? [])));
  }
  return out;
}

/**
 * Lines whose boxes overlap (by a fifth of their size or more) are one printed row: cells of a
 * row are centred vertically, so a two-line label (三、国有资本经营预 / 算) straddles the one-line
 * label beside it (三、国防支出), and none of them need carry an amount. So is a line right under
 * another (less than half a line apart, and less than half the table's usual gap between lines)
 * whose texts all continue texts of the line above, or whose line above holds only the first lines
 * of its texts (其他巩固脱贫攻坚 over 成果衔接乡村振兴支出 at the top of a page).
 */
export function mergeOverlapping(lines: readonly StreamLine[]): StreamLine[] {
  const out: StreamLine[] = [];
  // a wrapped cell's lines are much closer than the table's rows are to each other
  // (between lines apart: the lines of cells centred beside each other overlap)
  const gaps = lines.slice(1).map((l, k) => l.line.y0 - lines[k].line.y1).filter((g) => g > 0).sort((a, b) => a - b);
  const rowGap = gaps.length ? gaps[Math.floor(gaps.length / 2)] : 0;
  lines.forEach((l, k) => {
    const last = out[out.length - 1];
    const size = Math.min(last?.line.size ?? 0, l.line.size);
    const overlapping = last && last.line.y1 - l.line.y0 >= 0.2 * size;
    // or the next line of a wrapped cell: close under it, every text under a text of the line above
    // (not the lower and upper lines of two rows' labels centred on their amounts)
    const gap = last ? l.line.y0 - last.line.y1 : Infinity;
    const wrapped = last && gap < 0.6 * size && gap < 0.5 * rowGap && (textsUnder(l.atoms, last.atoms) || textsUnder(last.atoms, l.atoms)) && !wrappedBetweenRows(lines, k - 1, 0.6);
    // (two lines with amounts in one column stay two rows, whatever straddles them)
    // (a line touching the row only through a merged label between rows goes with the next amount line)
    if (last && (overlapping || wrapped) && !amountsInOneColumn(last.atoms, l.atoms) && !startsNextRow(last.atoms, l.line, lines[k + 1], 0.2)) {
      const frags = [...last.line.frags, ...l.line.frags].sort((a, b) => a.x0 - b.x0);
      out[out.length - 1] = {
        line: { frags, x0: Math.min(last.line.x0, l.line.x0), x1: Math.max(last.line.x1, l.line.x1), y0: last.line.y0, y1: Math.max(last.line.y1, l.line.y1), base: last.line.base, size: Math.max(last.line.size, l.line.size) },
        pieces: [...last.pieces, ...l.pieces].sort((a, b) => a.x0 - b.x0),
        atoms: [...last.atoms, ...l.atoms].sort((a, b) => a.x0 - b.x0),
      };
    } else out.push(l);
  });
  return out;
}

/**
 * The columns a text lies in: those it covers for more than half their width or for more than
 * a third of its own (a label that starts a little left of its column, in a table continued with
 * slightly different widths, still belongs to that column); at least the one it overlaps most.
 */
export function atomColumns(a: Interval, edges: readonly number[]): [number, number] {
  const w = Math.max(0.1, a.x1 - a.x0);
  let first = -1;
  let last = -1;
  let best = 0;
  let bestOv = -Infinity;
  for (let k = 0; k + 1 < edges.length; k++) {
    const ov = Math.min(a.x1, edges[k + 1]) - Math.max(a.x0, edges[k]);
    if (ov > bestOv) {
      bestOv = ov;
      best = k;
    }
    if (ov > 0.5 * (edges[k + 1] - edges[k]) || ov > w / 3) {
      if (first < 0) first = k;
      last = k;
    }
  }
  return first < 0 ? [best, best] : [first, last];
}

/**
 * A table that goes on from the previous page, printed without its header, keeps the previous
 * page's columns when each of its strips lies (mostly) in a different one of them: a column
 * empty on this page is still a column.
 */
export function continuedColumns(strips: readonly Interval[], previous: readonly number[] | undefined): number[] | undefined {
  if (!previous || previous.length < 3 || previous.length - 1 < strips.length) return undefined;
  const seen = new Set<number>();
  for (const st of strips) {
    const [a, b] = atomColumns(st, previous);
    const ov = Math.min(st.x1, previous[a + 1]) - Math.max(st.x0, previous[a]);
    if (a !== b || seen.has(a) || ov < 0.5 * (st.x1 - st.x0)) return undefined;
    seen.add(a);
  }
  return [...previous];
}

/** A column is of amounts when most of the texts inside it are amounts; undefined when it holds none. */
export function amountColumn(col: Interval, atoms: readonly Atom[]): boolean | undefined {
  const inCol = atoms.filter((a) => a.x0 >= col.x0 - 0.5 && a.x1 <= col.x1 + 0.5);
  return inCol.length ? inCol.filter((a) => isAmount(a.text)).length * 2 > inCol.length : undefined;
}

export interface StreamTable {
  grid: GridBlock;
  /** the page lines the table took */
  lines: Set<number>;
}

/**
 * The whole chain for one page's free lines (top to bottom). `stop[k]`: line k can be part of no
 * table (title, unit line, note, page furniture, heading-sized text); `furniture[k]`: line k is a
 * running header, footer or page number; `pageEdge[k]`: stopped only for being one (it may still be
 * a row of a table beside it).
 */
export function streamTables(lines: readonly StreamLine[], stop: readonly boolean[], furniture: readonly boolean[], page: number, s: LayoutSettings, previousColumns?: readonly number[], pageEdge?: readonly boolean[], previousFoot?: readonly ColumnFoot[]): StreamTable[] {
  const st = s.stream;
  // (a column-number row, 1 2 3 …, is the header's last row: its numbers are no amounts)
  const tab = lines.map((l, k) => !stop[k] && isTabular(l.pieces, st.minPieces) && !isColumnNumberLine(l.atoms));
  const out: StreamTable[] = [];
  const used = new Set<number>();
  // the last table's columns and their kinds, for a part printed under it in other widths
  let upper: { numeric: (boolean | undefined)[]; bottom: number } | undefined;
  const topRuns = withRowUnderTopHeader(lines, withTopRow(lines, tableRuns(lines, tab, stop, st), tab, stop, furniture, previousColumns, st.wrapJoinEm), tab, stop, furniture, previousColumns, st.maxHeaderLines);
  const runs = topRuns.flatMap((r) => splitAtLayoutChange(lines, r, tab, st.alignTol));
  for (const run of runs) {
    const body = lines.slice(run.bodyTop, run.bottom + 1);
    const strips = joinTotalIntoCodes(bodyStrips(body.filter((_, k) => tab[run.bodyTop + k]), st.stripTol), body.filter((_, k) => tab[run.bodyTop + k]));
    if (strips.length < 2) continue;
    // a table continued from the previous page starts with its rows, not a header: rows in the
    // body's columns that reach up to the top of the page are body rows (without amounts)
    const near = (a: number, b: number, em: number) => lines[b].line.y0 - lines[a].line.y1 <= em * lines[a].line.size;
    const inColumns = (k: number) => lines[k].atoms.every((a) => strips.filter((q) => Math.min(q.x1, a.x1) - Math.max(q.x0, a.x0) > st.alignTol).length <= 1);
    // a row in the page's margin band is stopped only for its place: it joins when it sits like a row
    const gap = usualLineGap(body.map((l) => l.line));
    const edgeRow = (k: number, edge: number) => !!pageEdge?.[k] && isEdgeRow(lines[k].line, lines[k].atoms.map((a) => a.text).join(''), lines[edge].line, gap, inColumns(k), st.edgeRowGapRatio);
    let up = run.bodyTop;
    while (up - 1 >= 0 && (!stop[up - 1] || edgeRow(up - 1, up)) && !used.has(up - 1) && near(up - 1, up, st.maxRowGapEm) && inColumns(up - 1)) up--;
    // nothing above but running headers (or tables already read): no title, no unit line
    const atTop = (k: number) => lines.slice(0, k).every((_, j) => furniture[j] || used.has(j));
    const bodyAtoms = body.filter((_, k) => tab[run.bodyTop + k]).flatMap((l) => l.atoms);
    const numericStrip = strips.map((q) => amountColumn(q, bodyAtoms));
    // …unless they repeat the table's header (texts over amount columns, no amount)
    const repeatsHeader = lines.slice(up, run.bodyTop).some((l) => headsAmountColumns(l.atoms, strips, numericStrip, st.alignTol));
    let top = atTop(up) && !repeatsHeader ? up : run.bodyTop;
    if (top === run.bodyTop) {
      // rows without amounts above the first amount row (因公出国（境）费 with nothing spent):
      // lines whose texts all sit in the body's label columns; a header line heads an amount
      // column or a column of its own
      const inLabels = (k: number) =>
        lines[k].atoms.every((a) => {
          const hit = strips.map((q, i) => (Math.min(q.x1, a.x1) - Math.max(q.x0, a.x0) > st.alignTol ? i : -1)).filter((i) => i >= 0);
          return hit.length === 1 && !numericStrip[hit[0]];
        });
      while (top - 1 >= 0 && !stop[top - 1] && !used.has(top - 1) && near(top - 1, top, st.maxRowGapEm) && inLabels(top - 1)) top--;
    }
    // the upper lines of a centred cell beside the first row's amounts are body, not header
    top = reachUpOverStraddling(lines, top, (k) => !stop[k] && !used.has(k), st.straddleOverlapEm);
    const bodyTop = top;
    // likewise rows without amounts down to the foot of the page, before it goes on overleaf
    let down = run.bottom;
    while (down + 1 < lines.length && (!stop[down + 1] || edgeRow(down + 1, down)) && near(down, down + 1, st.maxRowGapEm) && inColumns(down + 1) && !isTrailingNote(lines[down + 1].atoms)) down++;
    const bottom = reachDownOverStraddling(lines, lines.slice(down + 1).every((_, j) => stop[down + 1 + j]) ? down : run.bottom, (k) => !stop[k], st.straddleOverlapEm);
    while (
      top - 1 >= 0 &&
      headerDepth(lines.slice(top - 1, bodyTop).map((l) => l.line)) <= st.maxHeaderLines &&
      !stop[top - 1] &&
      !used.has(top - 1) &&
      (near(top - 1, top, st.headerGapEm) || (near(top - 1, top, st.maxRowGapEm) && top < bodyTop && spansHeaderBelow(lines[top - 1].atoms, lines.slice(top, bodyTop).flatMap((l) => l.atoms)))) &&
      wordsLength(lines[top - 1].atoms) <= st.maxHeaderChars &&
      // a `key：value` line (部门名称：…, 编制单位：…) is a caption of the table, not its header
      !/^[^：:]{1,10}[：:]\s*\S/.test(lines[top - 1].atoms[0]?.text ?? '')
    )
      top--;
    // a header repeated at the page top is all of the lines in the body's columns above it, below a
    // running header (and so is a header under its title printed further above the body than
    // headerGapEm: rows of a spreadsheet printed tall)
    if (repeatsHeader) top = atTop(up) ? repeatedHeaderTop(Math.min(top, up), bodyTop, (k) => lines[k].pieces, strips, st.alignTol) : Math.min(top, up);
    // a section line right over the first row is the body's, not the header's (section-lines.ts)
    const bodyStart = sectionOverBody(lines.slice(top, bodyTop), lines[bodyTop]) ? bodyTop - 1 : bodyTop;
    const printedHeader = lines.slice(top, bodyStart);
    const numbers = printedHeader.length && isColumnNumberLine(printedHeader[printedHeader.length - 1].atoms) ? printedHeader[printedHeader.length - 1] : undefined;
    const header = numbers ? printedHeader.slice(0, -1) : printedHeader;
    const bodyLines = lines.slice(bodyStart, bottom + 1);
    const cells = claimBottomLeaves(headerCells(header.flatMap((l) => l.atoms), undefined, strips), (c, all) => isLeaf(c, all), st.bottomBandEm);
    // a header text names a column of its own only where it reaches the lower half of the header
    // (项目 over 科目编码 | 科目名称 heads columns; 上年结转 printed over both header rows names one)
    const headMid = header.length ? (header[0].line.y0 + header[header.length - 1].line.y1) / 2 : 0;
    const leaves = cells.filter((c) => isLeaf(c, cells) && c.y1 > headMid);
    const looseAtoms = bodyLines.filter((_, k) => !tab[bodyStart + k]).flatMap((l) => l.atoms);
    const found = labelOnlyStrips(widenStrips(strips, looseAtoms), looseAtoms, st.labelOnlyLines, st.stripTol);
    const foundNumeric = found.map((c) => (codePartColumn(c, bodyAtoms) ? false : amountColumn(c, bodyAtoms)));
    // (the numbers of a column-number row each name a column, printed empty or not)
    const headed = headerOverAmounts(headerOverLabels(found, foundNumeric, leaves), foundNumeric, leaves);
    const cols = tableColumns(headed, [...numberedColumns(numbers?.atoms ?? [], headed, leaves).map((a) => ({ ...a, atoms: [a] })), ...leaves]);
    const all = lines.slice(top, bottom + 1);
    const x0 = Math.min(...all.map((l) => l.line.x0));
    const x1 = Math.max(...all.map((l) => l.line.x1));
    // (so does one whose header is printed again at the page top: the same header over the same
    // columns; or, with no header, when its amount rows' strips alone do: a form's last fund rows at
    // the page top, then its next section printed in columns of its own, which the previous page's
    // columns still hold)
    const carried = (!header.length || (repeatsHeader && atTop(up))) && !out.length && atTop(top) ? continuedColumns(cols, previousColumns) ?? (header.length ? undefined : continuedColumns(strips, previousColumns)) : undefined;
    const numeric = cols.map((c) => amountColumn(c, bodyLines.flatMap((l) => l.atoms)));
    const size = bodyLines[0].line.size;
    const own = [x0, ...alignedBoundaries(cols, numeric, st.edgePadEm * size), x1];
    const underUpper = !carried && !header.length && upper && upper.bottom === top - 1 ? columnsInOrder(cols, numeric, own, upper.numeric) : undefined;
    const edges = carried ?? underUpper ?? own;
    const bounds = edges.slice(1, -1);
    // the rest of a table going on from the previous page, printed below a gap as a second table in other widths (shifted-part.ts)
    const cut = carried ? shiftedPartCut(bodyLines, st.alignTol, st.shiftedGapRatio) : undefined;
    const foot = !out.length && (atTop(top) || (repeatsHeader && atTop(up))) ? previousFoot : undefined;
    const bodyRowsRead = cut ? shiftedBodyRows(bodyLines, tab.slice(bodyStart), cut, edges, page, st) : bodyRows(bodyLines, edges, page, st.wrapJoinEm, st.mergedCentreTol, foot, s.structure);
    const rows = [...(header.length ? headerRows(cells, bounds, edges, page, st.bottomBandEm) : []), ...(numbers ? [columnNumberRow(numbers.atoms, edges, page)] : []), ...bodyRowsRead];
    const nTab = bodyLines.filter((_, k) => tab[bodyStart + k]).length;
    const bbox = { x0: round(Math.min(x0, edges[0])), y0: round(all[0].line.y0), x1: round(Math.max(x1, edges[edges.length - 1])), y1: round(all[all.length - 1].line.y1) };
    for (let k = top; k <= bottom; k++) used.add(k);
    upper = { numeric: edges.slice(1).map((x, k) => amountColumn({ x0: edges[k], x1: x }, bodyLines.flatMap((l) => l.atoms))), bottom };
    out.push({
      grid: { type: 'grid', rows, method: 'aligned', confidence: nTab >= 3 ? s.confidence.stream : s.confidence.streamFew, page, bbox, columnEdges: edges.map(round) },
      lines: new Set(Array.from({ length: bottom - top + 1 }, (_, k) => top + k)),
    });
  }
  return out;
}

/**
 * Body rows of a table going on from the previous page (in its columns, `edges`) whose lines from
 * `cut` on are a second table laid out on its own (shifted-part.ts): those lines on columns of
 * their own, taken in order onto `edges` (amount columns onto amount columns, layout-split.ts).
 * `tab[k]`: line k has amounts in cells apart.
 */
function shiftedBodyRows(lines: readonly StreamLine[], tab: readonly boolean[], cut: number, edges: readonly number[], page: number, st: LayoutSettings['stream']): GridRow[] {
  const rowsOf = (ls: readonly StreamLine[], es: readonly number[]) => bodyRows(ls, es, page, st.wrapJoinEm, st.mergedCentreTol);
  const [upperLines, lower] = [lines.slice(0, cut), lines.slice(cut)];
  const strips = widenStrips(bodyStrips(lower.filter((_, k) => tab[cut + k]), st.stripTol), lower.filter((_, k) => !tab[cut + k]).flatMap((l) => l.atoms));
  const atoms = lower.flatMap((l) => l.atoms);
  const numeric = strips.map((c) => amountColumn(c, atoms));
  const own = [Math.min(...lower.map((l) => l.line.x0)), ...alignedBoundaries(strips, numeric, st.edgePadEm * lower[0].line.size), Math.max(...lower.map((l) => l.line.x1))];
  const upperNumeric = edges.slice(1).map((x, k) => amountColumn({ x0: edges[k], x1: x }, upperLines.flatMap((l) => l.atoms)));
  const lowerEdges = strips.length >= 2 ? columnsInOrder(strips, numeric, own, upperNumeric) : undefined;
  return lowerEdges ? [...rowsOf(upperLines, edges), ...rowsOf(lower, lowerEdges)] : rowsOf(lines, edges);
}
