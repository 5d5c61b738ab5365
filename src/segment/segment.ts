/**
 * Segmentation: the block stream to tables. A table is a title (with its label, department and
 * unit lines) followed by one or more grids; grids that follow each other with nothing but page
 * breaks, page numbers or repeated department/unit lines between them are one table continued
 * over pages. Grids without a title still become tables (kind from content later); text that
 * belongs to no table is narrative.
 */
import type { Block, GridBlock, TextBlock } from '../../schemas/intermediate.js';
import type { Unit } from '../core/amount.js';
import { DEFAULT_LAYOUT_SETTINGS, type SegmentSettings } from '../core/layout-settings.js';
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
function continues(prev: GridBlock, next: GridBlock, first: GridBlock, tolerance: number): boolean {
  // a page that repeats the table's header rows goes on with it, whatever its kind (a 项目支出
  // table's 项目名称 header is no new 绩效目标表 form)
  if (repeatsHeader(first, next)) return true;
  // a form goes on over the page with a different cell layout, until the next form starts
  if (startsForm(first)) return !startsForm(next);
  const a = prev.columnEdges;
  const b = next.columnEdges;
  if (!a || !b) return true;
  // the same number of columns: one table, even when a new page (or a new frame) draws them wider
  if (a.length === b.length) return true;
  // fewer rules where cells are merged: the smaller set of edges stands on the larger one
  const [small, large] = a.length < b.length ? [a, b] : [b, a];
  const matched = small.filter((x) => large.some((y) => Math.abs(x - y) <= tolerance)).length;
  return matched >= small.length - (small.length > 3 ? 1 : 0);
}

const DEPARTMENT_LABEL = /^(?:部门名称|编制部门|编制单位|预算单位|预算主管部门|主管部门|单位名称|部门)\s*[:：]$/;

const rowKey = (row: GridBlock['rows'][number]) => row.cells.map((c) => c.text.replace(/\s+/g, '')).join('\t');

/**
 * Does `next` start with the header rows of the table that `first` starts? The header rows are
 * the leading rows without an amount (at most four); a 绩效目标表 form's first row names its own
 * project, so two forms never repeat each other this way.
 */
export function repeatsHeader(first: GridBlock, next: GridBlock): boolean {
  let k = 0;
  while (k < Math.min(4, first.rows.length - 1) && !hasAmount({ ...first, rows: [first.rows[k]] })) k++;
  if (!k || next.rows.length <= k) return false;
  for (let i = 0; i < k; i++) if (rowKey(first.rows[i]) !== rowKey(next.rows[i])) return false;
  return first.rows.slice(0, k).some((r) => r.cells.some((c) => c.text.trim()));
}

/** The title a continued table prints again: the same, or marked （续） / 续表. */
function continuedTitle(title: string): string {
  return title.replace(/\s+/g, '').replace(/[（(]续(表)?[)）]$|续表$/, '');
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
      // (an amount left outside its table by a scan, 23.99, starts no title)
      const fragment = a.text.length <= 40 && !/[。；;，,！？]/.test(a.text) && /\p{Script=Han}/u.test(a.text);
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
 * A unit line wrapped at the right margin: `单位：万` with its `元` on a line of its own below, the
 * department line printed between them (江苏省高院 2019 公开09表). The two pieces are one unit line.
 */
export function joinWrappedUnits(blocks: Block[]): Block[] {
  const out = [...blocks];
  for (let i = 0; i < out.length; i++) {
    const a = out[i];
    if (a.type !== 'text' || !/单位\s*[:：]\s*万\s*$/.test(a.text)) continue;
    for (let j = i + 1; j <= i + 2 && j < out.length; j++) {
      const b = out[j];
      if (b.type !== 'text' || b.page !== a.page) break;
      if (b.text.trim() !== '元') continue;
      out[i] = { ...a, text: `${a.text.trimEnd()}元` };
      out.splice(j, 1);
      break;
    }
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
export function joinContinuation(grids: GridBlock[], next: GridBlock, settings: SegmentSettings = DEFAULT_LAYOUT_SETTINGS.segment): GridBlock[] | undefined {
  const first = grids[0];
  const last = grids[grids.length - 1];
  const widths = (g: GridBlock) => g.columnEdges?.length ?? 0;
  const headerPiece = grids.length === 1 && last.rows.length <= 3 && !hasAmount(last);
  if (!continues(last, next, first, settings.continuationEdgeTol)) {
    const realigned = headerPiece ? realignGrid(last, next.columnEdges) : undefined;
    return realigned ? [realigned, next] : undefined;
  }
  const differ = widths(next) > 0 && widths(last) > 0 && widths(next) !== widths(last) && !startsForm(first);
  if (differ && widths(next) < widths(last)) return [...grids, realignGrid(next, last.columnEdges) ?? next];
  if (differ && grids.length === 1) return [realignGrid(last, next.columnEdges) ?? last, next];
  return [...grids, next];
}

/**
 * Running page headers and footers: a line of text printed alike on three pages or more (示例区
 * 市场监督管理局2024年部门预算 at the top of every page). Page furniture, like a page number: it
 * neither ends a table that goes on over the page nor is narrative.
 */
export function runningLines(blocks: Block[]): Set<string> {
  const pages = new Map<string, Set<number>>();
  const elsewhere = new Set<string>();
  const content = blocks.filter((b) => b.type !== 'pagebreak');
  content.forEach((b, i) => {
    if (b.type !== 'text' || b.page === undefined) return;
    const key = b.text.replace(/\s+/g, '');
    if (!key || /[。，；;！？]/.test(key) || classifyLine(b.text).kind !== 'text') return;
    // the first or the last block of its page, every time it is printed
    const edge = content[i - 1]?.page !== b.page || content[i + 1]?.page !== b.page;
    if (!edge) elsewhere.add(key);
    if (!pages.has(key)) pages.set(key, new Set());
    pages.get(key)!.add(b.page);
  });
  return new Set([...pages].filter(([k, p]) => p.size >= 3 && !elsewhere.has(k)).map(([k]) => k));
}

export function segment(input: Block[], settings: SegmentSettings = DEFAULT_LAYOUT_SETTINGS.segment): Segmentation {
  const lifted = liftCaptionRows(input);
  const furniture = runningLines(lifted);
  const isFurniture = (b: Block) => b.type === 'text' && furniture.has(b.text.replace(/\s+/g, ''));
  const blocks = joinWrappedTitles(joinWrappedUnits(furniture.size ? lifted.filter((b) => !isFurniture(b)) : lifted));
  const tables: TableSegment[] = [];
  const narrative: TextBlock[] = [];
  let pending: Pending = { preface: [] };
  let current: TableSegment | undefined;
  // true while only page furniture has been seen since the current table's last grid
  let open = false;
  let lastNarrative: string | undefined;
  // a department label printed alone (部门：) with the name as the next line
  let awaitingDepartment = false;
  // a unit line wrapped after 万 (单位：万 … 元), the 元 a line or two later
  let unitHead = false;

  for (const block of blocks) {
    if (block.type === 'pagebreak') continue;
    if (block.type === 'text') {
      const line = classifyLine(block.text);
      if (line.kind === 'text' && DEPARTMENT_LABEL.test(line.text)) {
        awaitingDepartment = true;
        continue;
      }
      if (line.kind === 'text' && /^(?:金额)?单位\s*[:：]\s*万$/.test(line.text)) {
        unitHead = true;
        continue;
      }
      if (unitHead && line.kind === 'text' && line.text === '元') {
        unitHead = false;
        pending.unit = '万元';
        continue;
      }
      if (awaitingDepartment) {
        awaitingDepartment = false;
        if (line.kind === 'text' && line.text.length <= 40 && !/[，,。；;：:]/.test(line.text)) {
          pending.department = line.text;
          continue;
        }
      }
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
    unitHead = false;
    if (isTocGrid(block)) continue;
    // without a title of its own, a grid goes on with the table before it when nothing but page
    // furniture came between, or when it repeats that table's header rows (a running page header
    // line between them does not make it a new table)
    const follows = current && (open || (block.page !== undefined && block.page > (current.grids.at(-1)?.page ?? Infinity) && repeatsHeader(current.grids[0], block)));
    // a title printed again over the repeated header rows (…预算表（续）) is the same table
    const titledAgain = !!pending.title && !!current?.title && continuedTitle(pending.title) === current.title && repeatsHeader(current.grids[0], block);
    // the same title printed again over the next page's piece, without a label of its own, continues the table
    const lastPage = current?.grids[current.grids.length - 1].page;
    const repeated = !!pending.title && !pending.label && pending.title === current?.title && lastPage !== undefined && block.page === lastPage + 1;
    const joined = current && ((!pending.title && follows) || titledAgain || repeated) ? joinContinuation(current.grids, block, settings) : undefined;
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
