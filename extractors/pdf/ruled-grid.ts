/**
 * Ruled tables: from rule segments to table frames, as a chain of small pure steps
 * (in the manner of pdfplumber): segments → edges → snapped → joined → connected groups → frames
 * (column and row boundaries, and which boundaries are drawn in which row/column) → cells.
 *
 * A merged cell is where a boundary is not drawn; a table ruled only horizontally gets its
 * columns elsewhere (aligned-grid.ts) as "virtual" boundaries.
 */
import { DEFAULT_LAYOUT_SETTINGS, type RuleSettings } from '../../src/core/layout-settings.js';
import { isVertical, type Segment } from './rulings.js';

export interface Edge {
  orient: 'h' | 'v';
  /** y of a horizontal edge, x of a vertical one */
  pos: number;
  /** start and end along the edge (a < b) */
  a: number;
  b: number;
}

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

const D = DEFAULT_LAYOUT_SETTINGS.rules;

export function segmentsToEdges(segs: readonly Segment[], minLen = D.minEdge): Edge[] {
  const out: Edge[] = [];
  for (const s of segs) {
    if (s.y0 === s.y1 && s.x1 - s.x0 >= minLen) out.push({ orient: 'h', pos: s.y0, a: s.x0, b: s.x1 });
    else if (isVertical(s) && s.y1 - s.y0 >= minLen) out.push({ orient: 'v', pos: s.x0, a: s.y0, b: s.y1 });
  }
  return out;
}

/** Clusters the positions of parallel edges (a double rule or a 0.5pt offset is one line). */
export function snapEdges(edges: readonly Edge[], tol = D.snapTol): Edge[] {
  const out: Edge[] = [];
  for (const orient of ['h', 'v'] as const) {
    const list = edges.filter((e) => e.orient === orient).sort((p, q) => p.pos - q.pos);
    let i = 0;
    while (i < list.length) {
      let j = i + 1;
      while (j < list.length && list[j].pos - list[i].pos <= tol) j++;
      let sum = 0;
      let wsum = 0;
      for (let k = i; k < j; k++) {
        const w = list[k].b - list[k].a;
        sum += list[k].pos * w;
        wsum += w;
      }
      const pos = wsum > 0 ? sum / wsum : list[i].pos;
      for (let k = i; k < j; k++) out.push({ ...list[k], pos });
      i = j;
    }
  }
  return out;
}

/** Joins collinear edges that overlap or nearly touch into one. */
export function joinEdges(edges: readonly Edge[], tol = D.joinTol): Edge[] {
  const byLine = new Map<string, Edge[]>();
  for (const e of edges) {
    const key = `${e.orient}${e.pos.toFixed(3)}`;
    const l = byLine.get(key);
    if (l) l.push(e);
    else byLine.set(key, [e]);
  }
  const out: Edge[] = [];
  for (const list of byLine.values()) {
    list.sort((p, q) => p.a - q.a);
    let cur = { ...list[0] };
    for (let k = 1; k < list.length; k++) {
      const e = list[k];
      if (e.a <= cur.b + tol) cur.b = Math.max(cur.b, e.b);
      else {
        out.push(cur);
        cur = { ...e };
      }
    }
    out.push(cur);
  }
  return out;
}

export function edgesCross(h: Edge, v: Edge, tol = D.snapTol): boolean {
  return v.pos >= h.a - tol && v.pos <= h.b + tol && h.pos >= v.a - tol && h.pos <= v.b + tol;
}

/**
 * Groups edges into tables: edges that cross or touch are connected. Horizontal rules with no
 * verticals (tables ruled only between rows) are connected when stacked closely with a common span.
 */
export function groupEdges(edges: readonly Edge[], tol = D.snapTol, stackGap = D.stackGap): Edge[][] {
  const parent = edges.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  };
  const union = (i: number, j: number) => {
    const a = find(i);
    const b = find(j);
    if (a !== b) parent[a] = b;
  };
  const hs: number[] = [];
  const vs: number[] = [];
  edges.forEach((e, i) => (e.orient === 'h' ? hs : vs).push(i));
  for (const i of hs) for (const j of vs) if (edgesCross(edges[i], edges[j], tol)) union(i, j);
  // collinear pieces of one line separated by a gap (a merged cell's missing segment) belong together
  // only through crossings; stacked horizontals are joined when they share most of their span
  // only groups without any vertical are stacked: a ruled table is complete through its crossings,
  // and stacking it would swallow the next table of the same width
  const hasV = new Set<number>();
  for (const j of vs) hasV.add(find(j));
  const hOnly = hs.filter((i) => !hasV.has(find(i)));
  hOnly.sort((i, j) => edges[i].pos - edges[j].pos);
  for (let k = 0; k + 1 < hOnly.length; k++) {
    const p = edges[hOnly[k]];
    for (let m = k + 1; m < hOnly.length && edges[hOnly[m]].pos - p.pos <= stackGap; m++) {
      const q = edges[hOnly[m]];
      const overlap = Math.min(p.b, q.b) - Math.max(p.a, q.a);
      // the same span (a table's width), not merely overlapping: page header/footer rules stay apart
      if (overlap >= 0.9 * Math.max(p.b - p.a, q.b - q.a) && Math.min(p.b - p.a, q.b - q.a) > 30) {
        union(hOnly[k], hOnly[m]);
        break;
      }
    }
  }
  const groups = new Map<number, Edge[]>();
  edges.forEach((e, i) => {
    const r = find(i);
    const g = groups.get(r);
    if (g) g.push(e);
    else groups.set(r, [e]);
  });
  return [...groups.values()];
}

export function edgesBox(edges: readonly Edge[]): Box {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const e of edges) {
    if (e.orient === 'h') {
      x0 = Math.min(x0, e.a);
      x1 = Math.max(x1, e.b);
      y0 = Math.min(y0, e.pos);
      y1 = Math.max(y1, e.pos);
    } else {
      y0 = Math.min(y0, e.a);
      y1 = Math.max(y1, e.b);
      x0 = Math.min(x0, e.pos);
      x1 = Math.max(x1, e.pos);
    }
  }
  return { x0, y0, x1, y1 };
}

/**
 * A table frame: column boundaries `xs` and row boundaries `ys` (both ascending, outer ones
 * included), and for every inner boundary whether it is drawn where it could be.
 */
export interface Frame {
  box: Box;
  /** the rules the frame was built from, to rebuild it with more boundaries */
  edges: Edge[];
  xs: number[];
  ys: number[];
  /** per xs index: true when a vertical rule exists there (false = virtual, from text alignment) */
  ruledX: boolean[];
  /** per ys index: false for a boundary added from text lines (a band holding several printed rows) */
  ruledY: boolean[];
  /** right[r][k]: the boundary xs[k+1] separates columns k and k+1 in row r */
  right: boolean[][];
  /** down[r][c]: the boundary ys[r+1] separates rows r and r+1 in column c */
  down: boolean[][];
}

/** Positions closer than `minGap` collapse to their mean (a rule drawn twice, a 1pt padding box). */
export function clusterPositions(values: readonly number[], minGap: number): number[] {
  const s = [...values].sort((a, b) => a - b);
  const out: number[] = [];
  let i = 0;
  while (i < s.length) {
    let j = i + 1;
    while (j < s.length && s[j] - s[j - 1] < minGap) j++;
    out.push(s.slice(i, j).reduce((a, b) => a + b, 0) / (j - i));
    i = j;
  }
  return out;
}

/** Share of [a, b] covered by the edges (sorted or not, non-overlapping after joinEdges). */
export function coverage(edges: readonly Edge[], a: number, b: number): number {
  if (b <= a) return 1;
  let c = 0;
  for (const e of edges) c += Math.max(0, Math.min(b, e.b) - Math.max(a, e.a));
  return c / (b - a);
}

/** Edges at a position (within tol). */
function edgesAt(edges: readonly Edge[], pos: number, tol: number): Edge[] {
  return edges.filter((e) => Math.abs(e.pos - pos) <= tol);
}


/**
 * Builds the frame of a group of edges. Outer boundaries come from the group's box even where no
 * rule is drawn (tables with open sides); a boundary is drawn in a row when rules cover at least
 * half of that row's height.
 */
export function buildFrame(group: readonly Edge[], extraXs: readonly number[] = [], extraYs: readonly number[] = [], settings: RuleSettings = D): Frame {
  const { snapTol: tol, minCell, drawnShare } = settings;
  const box = edgesBox(group);
  const hs = group.filter((e) => e.orient === 'h');
  const vs = group.filter((e) => e.orient === 'v');
  const xs = clusterPositions([box.x0, box.x1, ...vs.map((e) => e.pos)], minCell);
  const ys = clusterPositions([box.y0, box.y1, ...hs.map((e) => e.pos)], minCell);
  xs[0] = box.x0;
  xs[xs.length - 1] = box.x1;
  ys[0] = box.y0;
  ys[ys.length - 1] = box.y1;
  const ruledX = xs.map(() => true);
  const ruledY = ys.map(() => true);
  // virtual boundaries (from text) go in where no rule is near
  for (const x of extraXs) if (x > box.x0 + minCell && x < box.x1 - minCell && xs.every((q) => Math.abs(q - x) >= minCell)) insertSorted(xs, ruledX, x);
  for (const y of extraYs) if (y > box.y0 + minCell / 2 && y < box.y1 - minCell / 2 && ys.every((q) => Math.abs(q - y) >= minCell / 2)) insertSorted(ys, ruledY, y);
  const vAt = xs.map((x, k) => (ruledX[k] ? edgesAt(vs, x, minCell / 2 + tol) : []));
  const hAt = ys.map((y, k) => (ruledY[k] ? edgesAt(hs, y, minCell / 2 + tol) : []));
  const nr = ys.length - 1;
  const nc = xs.length - 1;
  const right: boolean[][] = [];
  const down: boolean[][] = [];
  for (let r = 0; r < nr; r++) {
    const row: boolean[] = [];
    for (let k = 0; k + 1 < nc; k++) row.push(!ruledX[k + 1] || coverage(vAt[k + 1], ys[r], ys[r + 1]) >= drawnShare);
    right.push(row);
  }
  for (let r = 0; r + 1 < nr; r++) {
    const row: boolean[] = [];
    for (let c = 0; c < nc; c++) row.push(!ruledY[r + 1] || coverage(hAt[r + 1], xs[c], xs[c + 1]) >= drawnShare);
    down.push(row);
  }
  return { box, edges: [...group], xs, ys, ruledX: ruledX.map((v, k) => v && vAt[k].length > 0), ruledY, right, down };
}

function insertSorted(arr: number[], flags: boolean[], v: number): void {
  let i = 0;
  while (i < arr.length && arr[i] < v) i++;
  arr.splice(i, 0, v);
  flags.splice(i, 0, false);
}

export interface FrameCell {
  r: number;
  c: number;
  rowSpan: number;
  colSpan: number;
  box: Box;
}

/**
 * Cells of a frame: slots joined across undrawn boundaries. A non-rectangular merge (rare, from a
 * missing stub of rule) takes its bounding rectangle; slots already taken stay with their cell.
 */
export function frameCells(f: Frame): FrameCell[] {
  const nr = f.ys.length - 1;
  const nc = f.xs.length - 1;
  const owner: number[][] = Array.from({ length: nr }, () => new Array<number>(nc).fill(-1));
  const cells: FrameCell[] = [];
  for (let r = 0; r < nr; r++) {
    for (let c = 0; c < nc; c++) {
      if (owner[r][c] >= 0) continue;
      // flood fill over undrawn boundaries
      let r0 = r;
      let r1 = r;
      let c0 = c;
      let c1 = c;
      const seen = new Set<number>([r * nc + c]);
      const queue: [number, number][] = [[r, c]];
      while (queue.length) {
        const [qr, qc] = queue.pop()!;
        r0 = Math.min(r0, qr);
        r1 = Math.max(r1, qr);
        c0 = Math.min(c0, qc);
        c1 = Math.max(c1, qc);
        const next: [number, number, boolean][] = [
          [qr, qc + 1, qc + 1 < nc && !f.right[qr][qc]],
          [qr, qc - 1, qc > 0 && !f.right[qr][qc - 1]],
          [qr + 1, qc, qr + 1 < nr && !f.down[qr][qc]],
          [qr - 1, qc, qr > 0 && !f.down[qr - 1][qc]],
        ];
        for (const [nr2, nc2, ok] of next) {
          const key = nr2 * nc + nc2;
          if (ok && !seen.has(key) && owner[nr2][nc2] < 0) {
            seen.add(key);
            queue.push([nr2, nc2]);
          }
        }
      }
      const id = cells.length;
      for (let rr = r0; rr <= r1; rr++) for (let cc = c0; cc <= c1; cc++) if (owner[rr][cc] < 0) owner[rr][cc] = id;
      cells.push({ r: r0, c: c0, rowSpan: r1 - r0 + 1, colSpan: c1 - c0 + 1, box: { x0: f.xs[c0], x1: f.xs[c1 + 1], y0: f.ys[r0], y1: f.ys[r1 + 1] } });
    }
  }
  return cells;
}

/** The whole chain for one page: rule segments → frames of candidate tables. */
export function findFrames(segs: readonly Segment[], settings: RuleSettings = D): Frame[] {
  const s = settings;
  const edges = joinEdges(snapEdges(segmentsToEdges(segs, s.minEdge), s.snapTol), s.joinTol);
  const frames: Frame[] = [];
  for (const g of groupEdges(edges, s.snapTol, s.stackGap)) {
    const nh = g.filter((e) => e.orient === 'h').length;
    const nv = g.length - nh;
    if (nh < 2 || (nv < 2 && nh < 3)) continue;
    const f = buildFrame(g, [], [], s);
    if (f.box.x1 - f.box.x0 < s.minFrameWidth || f.box.y1 - f.box.y0 < s.minFrameHeight) continue;
    frames.push(f);
  }
  return frames;
}
