/**
 * Segmentation: the block stream to tables. A table is a title (with its label, department and
 * unit lines) followed by one or more grids; grids that follow each other with nothing but page
 * breaks, page numbers or repeated department/unit lines between them are one table continued
 * over pages. Grids without a title still become tables (kind from content later); text that
 * belongs to no table is narrative.
 */
import type { Block, GridBlock, TextBlock } from '../../schemas/intermediate.js';
import type { Unit } from '../interpret/amount.js';
import { classifyLine } from './line-kinds.js';

export interface TableSegment {
  title: string;
  label?: string;
  department?: string;
  unit?: Unit;
  note?: string;
  noteSaysEmpty: boolean;
  /** text lines between the title and the grid, such as (2024年度) */
  preface: string[];
  /** the last narrative line before an untitled grid, e.g. a bold caption that is not a 表 title */
  caption?: string;
  grids: GridBlock[];
  titleBlock?: TextBlock;
}

export interface Segmentation {
  tables: TableSegment[];
  narrative: TextBlock[];
}

interface Pending {
  title?: string;
  label?: string;
  department?: string;
  unit?: Unit;
  preface: string[];
  titleBlock?: TextBlock;
  note?: string;
  noteSaysEmpty?: boolean;
}

/** A 绩效目标表 form starts with 项目名称 (or 部门名称 for the 部门整体 form) in its first rows. */
function startsForm(grid: GridBlock): boolean {
  return grid.rows.slice(0, 3).some((r) => r.cells.some((c) => /^(项目名称|部门名称)$/.test(c.text.replace(/\s+/g, ''))));
}

const hasAmount = (g: GridBlock) => g.rows.some((r) => r.cells.some((c) => /\d[.,]\d|^\s*-?\d+\s*$/.test(c.text)));

/**
 * Lay a grid's cells out on another grid's columns by position, so that two pieces of one table
 * with different cell layouts read as one grid: a header printed alone at the foot of a page
 * (收入 | 支出) over columns that start on the next page, or a last 合计 row whose merged cells
 * hide some column rules.
 */
export function realignGrid(head: GridBlock, edges: number[] | undefined): GridBlock | undefined {
  if (!edges || edges.length < 2) return undefined;
  const centers = edges.slice(0, -1).map((x, i) => (x + edges[i + 1]) / 2);
  const rows: GridBlock['rows'] = [];
  for (const row of head.rows) {
    const cells: GridBlock['rows'][number]['cells'] = [];
    let col = 0;
    for (const cell of row.cells) {
      if (!cell.bbox) return undefined;
      const covered = centers.map((x, i) => (x > cell.bbox!.x0 && x < cell.bbox!.x1 ? i : -1)).filter((i) => i >= 0);
      if (!covered.length) continue;
      while (col < covered[0]) {
        cells.push({ text: '' });
        col++;
      }
      cells.push({ ...cell, colSpan: covered.length, rowSpan: 1 });
      col += covered.length;
    }
    rows.push({ cells });
  }
  return { ...head, rows, columnEdges: edges };
}

/** Are these grids one table over a page break? Same column layout, when positions are known. */
function continues(prev: GridBlock, next: GridBlock, first: GridBlock): boolean {
  // a form goes on over the page with a different cell layout, until the next form starts
  if (startsForm(first)) return !startsForm(next);
  const a = prev.columnEdges;
  const b = next.columnEdges;
  if (!a || !b) return true;
  // the same number of columns: one table, even when a new page (or a new frame) draws them wider
  if (a.length === b.length) return true;
  // fewer rules where cells are merged: the smaller set of edges stands on the larger one
  const [small, large] = a.length < b.length ? [a, b] : [b, a];
  const tolerance = 6;
  const matched = small.filter((x) => large.some((y) => Math.abs(x - y) <= tolerance)).length;
  return matched >= small.length - (small.length > 3 ? 1 : 0);
}

function isTocGrid(grid: GridBlock): boolean {
  const rows = grid.rows.filter((r) => r.cells.some((c) => c.text.trim()));
  const toc = rows.filter((r) => r.cells.some((c) => /\.{4,}|…{2,}|·{4,}/.test(c.text)));
  return rows.length > 0 && toc.length / rows.length >= 0.5;
}

/**
 * Titles too long for the page wrap onto a second line (…支出预 / 算表): join two consecutive
 * lines of one page when neither is a title alone but together they are.
 */
export function joinWrappedTitles(blocks: Block[]): Block[] {
  const out: Block[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const a = blocks[i];
    const b = blocks[i + 1];
    if (a.type === 'text' && b?.type === 'text' && a.page === b.page && b.text.length <= 20) {
      const joined = `${a.text}${b.text}`;
      // the second line may read as a title by itself (…培训费 / 支出预算表): the fragment before it
      // must then be a title's start, not a sentence
      const bAlone = classifyLine(b.text).kind;
      const fragment = a.text.length <= 40 && !/[。；;，,！？]/.test(a.text);
      if (classifyLine(a.text).kind === 'text' && (bAlone === 'text' || (bAlone === 'title' && fragment)) && classifyLine(joined).kind === 'title') {
        out.push({ ...a, text: joined });
        i++;
        continue;
      }
    }
    out.push(a);
  }
  return out;
}

/**
 * Some producers draw the table frame around its title, (2023年度) line, 单位 line or note: such
 * single-cell rows at the top or bottom of a grid are lines of text, not table rows.
 */
export function liftCaptionRows(blocks: Block[]): Block[] {
  const out: Block[] = [];
  const single = (row: GridBlock['rows'][number]) => {
    const filled = row.cells.filter((c) => c.text.trim());
    return filled.length === 1 ? filled[0] : undefined;
  };
  const asText = (cell: GridBlock['rows'][number]['cells'][number], grid: GridBlock): TextBlock => ({
    type: 'text',
    text: cell.text,
    ...(cell.page ?? grid.page ? { page: cell.page ?? grid.page } : {}),
    ...(cell.bbox ? { bbox: cell.bbox } : {}),
    ...(cell.cell ? { cell: cell.cell } : {}),
  });
  for (const b of blocks) {
    if (b.type !== 'grid') {
      out.push(b);
      continue;
    }
    let top = 0;
    while (top < b.rows.length - 1) {
      const cell = single(b.rows[top]);
      const kind = cell && classifyLine(cell.text).kind;
      if (!cell || !(kind === 'title' || kind === 'label' || kind === 'meta' || /^[(（]\s*\d{4}\s*年度?\s*[)）]$/.test(cell.text.trim()))) break;
      out.push(asText(cell, b));
      top++;
    }
    let bottom = b.rows.length;
    const notes: TextBlock[] = [];
    while (bottom > top + 1) {
      const cell = single(b.rows[bottom - 1]);
      if (!cell || classifyLine(cell.text).kind !== 'note') break;
      notes.unshift(asText(cell, b));
      bottom--;
    }
    out.push(top === 0 && bottom === b.rows.length ? b : { ...b, rows: b.rows.slice(top, bottom) });
    out.push(...notes);
  }
  return out;
}

/**
 * The grids of a table with `next` appended when `next` continues it (undefined when it does
 * not). Pieces with different column rules are laid out on the finer columns: a continuation
 * whose merged cells hide rules, or a header printed alone before the page break.
 */
export function joinContinuation(grids: GridBlock[], next: GridBlock): GridBlock[] | undefined {
  const first = grids[0];
  const last = grids[grids.length - 1];
  const widths = (g: GridBlock) => g.columnEdges?.length ?? 0;
  const headerPiece = grids.length === 1 && last.rows.length <= 3 && !hasAmount(last);
  if (!continues(last, next, first)) {
    const realigned = headerPiece ? realignGrid(last, next.columnEdges) : undefined;
    return realigned ? [realigned, next] : undefined;
  }
  const differ = widths(next) > 0 && widths(last) > 0 && widths(next) !== widths(last) && !startsForm(first);
  if (differ && widths(next) < widths(last)) return [...grids, realignGrid(next, last.columnEdges) ?? next];
  if (differ && grids.length === 1) return [realignGrid(last, next.columnEdges) ?? last, next];
  return [...grids, next];
}

export function segment(input: Block[]): Segmentation {
  const blocks = joinWrappedTitles(liftCaptionRows(input));
  const tables: TableSegment[] = [];
  const narrative: TextBlock[] = [];
  let pending: Pending = { preface: [] };
  let current: TableSegment | undefined;
  // true while only page furniture has been seen since the current table's last grid
  let open = false;
  let lastNarrative: string | undefined;

  for (const block of blocks) {
    if (block.type === 'pagebreak') continue;
    if (block.type === 'text') {
      const line = classifyLine(block.text);
      switch (line.kind) {
        case 'pagenumber':
        case 'toc':
          break;
        case 'title':
          pending = { preface: [], title: line.title, titleBlock: block, ...(line.label ? { label: line.label } : pending.label ? { label: pending.label } : {}) };
          open = false;
          break;
        case 'label':
          pending.label = line.label;
          break;
        case 'meta':
          if (line.department) pending.department = line.department;
          if (line.unit) pending.unit = line.unit;
          break;
        case 'note':
          if (current && open && !pending.title) {
            current.note = current.note ? `${current.note} ${line.text}` : line.text;
            current.noteSaysEmpty ||= line.empty;
          } else if (pending.title) {
            pending.note = line.text;
            pending.noteSaysEmpty = line.empty;
          } else narrative.push(block);
          break;
        case 'text':
          if (pending.title && pending.preface.length < 3 && block.text.length < 40) pending.preface.push(line.text);
          else {
            narrative.push(block);
            // (2024)年度 under a caption is not the caption
            if (!/^[(（]?\s*\d{4}\s*[)）]?\s*年度?\s*[)）]?$/.test(line.text)) lastNarrative = line.text;
            open = false;
            if (pending.title) pending = { preface: [] };
          }
          break;
      }
      continue;
    }
    // a grid
    if (isTocGrid(block)) continue;
    const joined = !pending.title && current && open ? joinContinuation(current.grids, block) : undefined;
    if (current && joined) {
      current.grids = joined;
      if (pending.unit && !current.unit) current.unit = pending.unit;
      pending = { preface: [] };
      continue;
    }
    current = {
      title: pending.title ?? '',
      ...(pending.label ? { label: pending.label } : {}),
      ...(pending.department ? { department: pending.department } : {}),
      ...(pending.unit ? { unit: pending.unit } : {}),
      ...(pending.note ? { note: pending.note } : {}),
      noteSaysEmpty: pending.noteSaysEmpty ?? false,
      preface: pending.preface,
      ...(!pending.title && lastNarrative ? { caption: lastNarrative } : {}),
      grids: [block],
      ...(pending.titleBlock ? { titleBlock: pending.titleBlock } : {}),
    };
    tables.push(current);
    pending = { preface: [] };
    open = true;
    lastNarrative = undefined;
  }
  return { tables, narrative };
}
