/**
 * The measures of `npm run bench:icdar` (scripts/bench-icdar.mjs), pure functions over plain grids.
 *
 * - Camelot's benchmark figures (its bench/_metrics.py, ported to TypeScript from its description
 *   and behaviour, not copied): per page, tables are paired in order; detection F1 counts
 *   min(truth, found) as true positives with no check of position; the "TEDS" proxy is difflib's
 *   SequenceMatcher ratio over the row-major, lowercased, whitespace-collapsed cell texts times a
 *   shape factor; row-count and column-count accuracy over the pairs.
 * - The ICDAR 2013 adjacency relations (Göbel et al.): every non-empty cell with its nearest
 *   non-empty neighbour to the right and below, compared as (text, text, direction) with the texts
 *   stripped of whitespace; pooled per page (the complete-process track: a table found where the
 *   truth has none costs precision), then micro-averaged over the set.
 */
import { parseDocument } from 'htmlparser2';
import { findAll, getAttributeValue, textContent } from 'domutils';

/** A table as a rectangular matrix of cell texts (a spanned slot is empty). */
export type Matrix = string[][];

/** A table with its cells' spans, for adjacency relations: `ids[r][c]` is the cell covering slot (r, c), -1 when none. */
export interface Structured {
  page: number;
  texts: string[];
  ids: number[][];
}

/** One table region of the ground truth (a table over two pages is two regions). */
export interface TruthRegion extends Structured {
  /** Camelot's view: each cell's text at its start row/column, the grid as large as the largest start */
  matrix: Matrix;
}

/** `<id>-str.xml` → its regions in document order. */
export function parseStructureXml(xml: string): TruthRegion[] {
  const dom = parseDocument(xml, { xmlMode: true });
  const out: TruthRegion[] = [];
  for (const region of findAll((e) => e.name === 'region', dom.children)) {
    const page = Number(getAttributeValue(region, 'page') ?? '1');
    const cells = findAll((e) => e.name === 'cell', region.children).map((c) => {
      const num = (name: string, dflt: number) => {
        const v = getAttributeValue(c, name);
        return v === undefined ? dflt : Number(v);
      };
      const r0 = num('start-row', 0);
      const c0 = num('start-col', 0);
      const content = findAll((e) => e.name === 'content', c.children)[0];
      const text = content ? textContent(content).split(/\s+/).filter(Boolean).join(' ') : '';
      return { r0, c0, r1: num('end-row', r0), c1: num('end-col', c0), text };
    });
    const maxR = Math.max(0, ...cells.map((c) => c.r0));
    const maxC = Math.max(0, ...cells.map((c) => c.c0));
    const matrix: Matrix = Array.from({ length: maxR + 1 }, () => new Array<string>(maxC + 1).fill(''));
    // a start of -1 (two cells of the set have one) lands in the last row/column, as Python's indexing puts it
    const at = (i: number, n: number) => (i < 0 ? n + i : i);
    for (const c of cells) matrix[at(c.r0, maxR + 1)][at(c.c0, maxC + 1)] = c.text;
    const nr = Math.max(0, ...cells.map((c) => c.r1)) + 1;
    const nc = Math.max(0, ...cells.map((c) => c.c1)) + 1;
    const ids = Array.from({ length: nr }, () => new Array<number>(nc).fill(-1));
    cells.forEach((c, i) => {
      for (let r = Math.max(0, c.r0); r <= c.r1; r++) for (let k = Math.max(0, c.c0); k <= c.c1; k++) ids[r][k] = i;
    });
    out.push({ page, matrix, texts: cells.map((c) => c.text), ids });
  }
  return out;
}

/** A found grid (rows of cells with spans) → Camelot's matrix and the span structure. */
export function gridStructure(page: number, rows: readonly { cells: readonly { text: string; colSpan?: number; rowSpan?: number }[] }[]): { matrix: Matrix; structured: Structured } {
  const ids: number[][] = rows.map(() => []);
  const texts: string[] = [];
  rows.forEach((row, r) => {
    let c = 0;
    for (const cell of row.cells) {
      while (ids[r][c] !== undefined) c++;
      const id = texts.length;
      texts.push(cell.text);
      for (let rr = r; rr < Math.min(rows.length, r + (cell.rowSpan ?? 1)); rr++) {
        for (let k = c; k < c + (cell.colSpan ?? 1); k++) ids[rr][k] = id;
      }
      c += cell.colSpan ?? 1;
    }
  });
  const width = Math.max(0, ...ids.map((r) => r.length));
  const full = ids.map((r) => Array.from({ length: width }, (_, k) => r[k] ?? -1));
  const matrix = full.map((r, ri) => r.map((id, k) => (id >= 0 && (ri === 0 || full[ri - 1][k] !== id) && (k === 0 || r[k - 1] !== id) ? texts[id] : '')));
  return { matrix, structured: { page, texts, ids: full } };
}

// ---------------------------------------------------------------------------------------------
// difflib.SequenceMatcher(None, a, b).ratio(), with its autojunk rule (b of 200+ items: an item
// more frequent than 1 % + 1 is not indexed)

function matchingTotal(a: readonly string[], b: readonly string[]): number {
  const b2j = new Map<string, number[]>();
  b.forEach((x, j) => {
    const l = b2j.get(x);
    if (l) l.push(j);
    else b2j.set(x, [j]);
  });
  if (b.length >= 200) {
    const ntest = Math.floor(b.length / 100) + 1;
    for (const [x, idx] of [...b2j]) if (idx.length > ntest) b2j.delete(x);
  }
  const longest = (alo: number, ahi: number, blo: number, bhi: number): [number, number, number] => {
    let bi = alo;
    let bj = blo;
    let bs = 0;
    let j2len = new Map<number, number>();
    for (let i = alo; i < ahi; i++) {
      const next = new Map<number, number>();
      for (const j of b2j.get(a[i]) ?? []) {
        if (j < blo) continue;
        if (j >= bhi) break;
        const k = (j2len.get(j - 1) ?? 0) + 1;
        next.set(j, k);
        if (k > bs) {
          bi = i - k + 1;
          bj = j - k + 1;
          bs = k;
        }
      }
      j2len = next;
    }
    // no junk here: the match grows over equal (also unindexed, "popular") items on both sides
    while (bi > alo && bj > blo && a[bi - 1] === b[bj - 1]) {
      bi--;
      bj--;
      bs++;
    }
    while (bi + bs < ahi && bj + bs < bhi && a[bi + bs] === b[bj + bs]) bs++;
    return [bi, bj, bs];
  };
  let total = 0;
  const queue: [number, number, number, number][] = [[0, a.length, 0, b.length]];
  while (queue.length) {
    const [alo, ahi, blo, bhi] = queue.pop()!;
    const [i, j, k] = longest(alo, ahi, blo, bhi);
    if (!k) continue;
    total += k;
    if (alo < i && blo < j) queue.push([alo, i, blo, j]);
    if (i + k < ahi && j + k < bhi) queue.push([i + k, ahi, j + k, bhi]);
  }
  return total;
}

export function sequenceRatio(a: readonly string[], b: readonly string[]): number {
  const n = a.length + b.length;
  return n ? (2 * matchingTotal(a, b)) / n : 1;
}

const norm = (s: string) => s.split(/\s+/).filter(Boolean).join(' ').toLowerCase();
const width = (m: Matrix) => Math.max(0, ...m.map((r) => r.length));

/** Camelot's TEDS proxy of a found table against its truth. */
export function simpleTeds(pred: Matrix, truth: Matrix): number {
  const p = pred.flat().map(norm);
  const g = truth.flat().map(norm);
  if (!p.length && !g.length) return 1;
  const content = sequenceRatio(p, g);
  const [pr, pc, gr, gc] = [pred.length, width(pred), truth.length, width(truth)];
  return content * (1 - (Math.abs(pr - gr) + Math.abs(pc - gc)) / (pr + pc + gr + gc + 1));
}

/** document → page → tables on that page in order */
export type PerDoc<T> = Map<string, Map<number, T[]>>;

/** Every page of every document either side names, with the truth's and the found tables on it. */
function* pagePairs<T>(pred: PerDoc<T>, truth: PerDoc<T>): Generator<[T[], T[]]> {
  for (const [doc, gPages] of truth) {
    const pPages = pred.get(doc) ?? new Map<number, T[]>();
    for (const page of new Set([...gPages.keys(), ...pPages.keys()])) yield [gPages.get(page) ?? [], pPages.get(page) ?? []];
  }
}

export interface CamelotScore {
  f1: number;
  teds: number;
  row: number;
  col: number;
  matched: number;
}

export function camelotScore(pred: PerDoc<Matrix>, truth: PerDoc<Matrix>): CamelotScore {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let matched = 0;
  let teds = 0;
  let rows = 0;
  let cols = 0;
  for (const [gs, ps] of pagePairs(pred, truth)) {
    tp += Math.min(gs.length, ps.length);
    fp += Math.max(0, ps.length - gs.length);
    fn += Math.max(0, gs.length - ps.length);
    for (let k = 0; k < Math.min(gs.length, ps.length); k++) {
      matched++;
      teds += simpleTeds(ps[k], gs[k]);
      if (ps[k].length === gs[k].length) rows++;
      if (width(ps[k]) === width(gs[k])) cols++;
    }
  }
  const prec = tp + fp ? tp / (tp + fp) : 0;
  const rec = tp + fn ? tp / (tp + fn) : 0;
  return {
    f1: prec + rec ? (2 * prec * rec) / (prec + rec) : 0,
    teds: matched ? teds / matched : 0,
    row: matched ? rows / matched : 0,
    col: matched ? cols / matched : 0,
    matched,
  };
}

/** The adjacency relations of a table: `dir|text|text` for each pair of nearest non-empty neighbours. */
export function adjacencyRelations(t: Structured): string[] {
  const key = (s: string) => s.replace(/\s+/g, '');
  const filled = (id: number) => id >= 0 && key(t.texts[id]) !== '';
  const seen = new Set<string>();
  const out: string[] = [];
  const walk = (dir: 'h' | 'v', line: number[]) => {
    let prev = -1;
    for (const id of line) {
      if (!filled(id) || id === prev) continue;
      if (prev >= 0) {
        const pair = `${dir}${prev},${id}`;
        if (!seen.has(pair)) {
          seen.add(pair);
          out.push(`${dir}|${key(t.texts[prev])}|${key(t.texts[id])}`);
        }
      }
      prev = id;
    }
  };
  for (const row of t.ids) walk('h', row);
  const nc = Math.max(0, ...t.ids.map((r) => r.length));
  for (let c = 0; c < nc; c++) walk('v', t.ids.map((r) => r[c] ?? -1));
  return out;
}

export interface RelationScore {
  precision: number;
  recall: number;
  f1: number;
  truth: number;
  found: number;
  correct: number;
}

/** Adjacency relations pooled per page, compared as multisets, summed over the set. */
export function relationScore(pred: PerDoc<Structured>, truth: PerDoc<Structured>): RelationScore {
  let correct = 0;
  let nTruth = 0;
  let nFound = 0;
  for (const [gt, found] of pagePairs(pred, truth)) {
    const g = gt.flatMap(adjacencyRelations);
    const p = found.flatMap(adjacencyRelations);
    nTruth += g.length;
    nFound += p.length;
    const left = new Map<string, number>();
    for (const r of g) left.set(r, (left.get(r) ?? 0) + 1);
    for (const r of p) {
      const n = left.get(r) ?? 0;
      if (n > 0) {
        correct++;
        left.set(r, n - 1);
      }
    }
  }
  const precision = nFound ? correct / nFound : 0;
  const recall = nTruth ? correct / nTruth : 0;
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0, truth: nTruth, found: nFound, correct };
}

/**
 * The truth's numbering: 46 of the 167 regions of the set number their rows from 1 (35 their
 * columns), so Camelot's reading (the grid as large as the largest start) gives them an empty
 * first row or column that no engine prints. Camelot's figures keep that; this drops it, for the
 * diagnostic figures and the failure list only.
 */
export function withoutEmptyLead(m: Matrix): Matrix {
  let out = m;
  if (out.length > 1 && out[0].every((x) => !x)) out = out.slice(1);
  if (width(out) > 1 && out.every((r) => !r[0])) out = out.map((r) => r.slice(1));
  return out;
}

/** Row and column counts of a matrix, as Camelot's figures count them. */
export const shape = (m: Matrix): [number, number] => [m.length, width(m)];
