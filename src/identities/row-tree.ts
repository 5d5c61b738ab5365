/**
 * The hierarchy of uncoded rows, read from how they are numbered: 一、 / （一） / 1、 / （1） / ①
 * are list styles, and a row whose style is not yet open starts a sub-list of the row above it; a
 * style already open closes the deeper lists (a sibling of that level). Three things make a
 * sub-list even with a style already in use: numbering that restarts (① after ③: the 公务用车 row's
 * own ①购置 ②运行), a 其中： prefix, and the known sub-items of a table kind (公务用车购置费 under
 * 公务用车购置及运行费). An unnumbered row under a numbered one is its sub-item, beside an unnumbered
 * one its sibling; rows after a total row start afresh (上年结转 after 本年收入合计). Only the printed structure decides: figures never do.
 */
import type { Row } from '../../schemas/document.js';

export type ListStyle = 'cn' | 'pcn' | 'num' | 'pnum' | 'circ' | 'none';

export interface Marker {
  style: ListStyle;
  /** the list number (1 for 一、 / （1） / ①), 0 when unnumbered */
  n: number;
  /** 其中： before the marker: always a sub-item of the row above */
  sub: boolean;
  /** the label without 其中： and the marker */
  text: string;
}

const CN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

function cnNumber(s: string): number {
  if (s.length === 1) return CN_DIGITS[s] ?? 0;
  // 十一 … 九十九
  const m = /^([一二三四五六七八九])?十([一二三四五六七八九])?$/.exec(s);
  return m ? (m[1] ? CN_DIGITS[m[1]] : 1) * 10 + (m[2] ? CN_DIGITS[m[2]] : 0) : 0;
}

export function markerOf(label: string): Marker {
  let t = label.replace(/\s+/g, '');
  const sub = /^其中[:：]?/.test(t);
  t = t.replace(/^其中[:：]?/, '');
  let m: RegExpExecArray | null;
  if ((m = /^([一二三四五六七八九十]+)[、.．]/.exec(t))) return { style: 'cn', n: cnNumber(m[1]), sub, text: t.slice(m[0].length) };
  if ((m = /^[（(]([一二三四五六七八九十]+)[)）]/.exec(t))) return { style: 'pcn', n: cnNumber(m[1]), sub, text: t.slice(m[0].length) };
  if ((m = /^(\d{1,2})[、.．](?!\d)/.exec(t))) return { style: 'num', n: Number(m[1]), sub, text: t.slice(m[0].length) };
  if ((m = /^[（(](\d{1,2})[)）]/.exec(t))) return { style: 'pnum', n: Number(m[1]), sub, text: t.slice(m[0].length) };
  if ((m = /^([①-⑳])/.exec(t))) return { style: 'circ', n: m[1].charCodeAt(0) - 0x2460 + 1, sub, text: t.slice(1) };
  return { style: 'none', n: 0, sub, text: t };
}

export interface RowNode {
  row: Row;
  marker: Marker;
  parent?: RowNode;
  children: RowNode[];
}

/** A sub-item a table kind knows by name: [child label, parent label]. */
export type KnownSub = [RegExp, RegExp];

/**
 * The forest of one run of rows (no total rows in it). `known` are the sub-items of the table's
 * kind that stand under a named parent even when printed without a marker of their own.
 */
export function rowForest(rows: Row[], known: KnownSub[] = []): RowNode[] {
  const roots: RowNode[] = [];
  // the open lists, outermost first: the style of each level and its last node
  const open: RowNode[] = [];
  for (const row of rows) {
    const marker = markerOf(row.labels.find((l) => l.trim()) ?? row.item);
    const node: RowNode = { row, marker, children: [] };
    const prev = open[open.length - 1];
    const knownParent = known.find(([child]) => child.test(marker.text));
    let depth: number;
    const at = open.findIndex((o) => o.marker.style === marker.style);
    // under the nearest open row the kind names as its parent (公务用车购置及运行费)
    const named = knownParent ? open.length - [...open].reverse().findIndex((o) => knownParent[1].test(o.marker.text)) : -1;
    if (!prev) depth = 0;
    else if (marker.sub) depth = open.length;
    else if (knownParent && named <= open.length) depth = named;
    // after a sub-list the kind names (①购置 ②运行), an unnumbered row is back at the named parent's level
    else if (marker.style === 'none' && prev.parent && isKnownSub(prev, known)) depth = open.indexOf(prev.parent);
    // an unnumbered row under a numbered one is its sub-item; beside an unnumbered one, its sibling
    else if (marker.style === 'none') depth = prev.marker.style === 'none' ? open.length - 1 : open.length;
    else if (at < 0) depth = open.length;
    else if (marker.n === 1 && open[at].marker.n >= 1 && at === open.length - 1) depth = open.length; // numbering restarts: a sub-list of the row above
    else depth = at;
    open.length = depth;
    const parent = depth > 0 ? open[depth - 1] : undefined;
    if (parent) {
      node.parent = parent;
      parent.children.push(node);
    } else roots.push(node);
    open.push(node);
  }
  return roots;
}

function isKnownSub(n: RowNode, known: KnownSub[]): boolean {
  return !!n.parent && known.some(([child, parent]) => child.test(n.marker.text) && parent.test(n.parent!.marker.text));
}

/** True when some row of the run is numbered (一、 （一） 1、 （1） ①); 其中： alone does not make a list. */
export function hasMarkers(rows: Row[]): boolean {
  return rows.some((r) => markerOf(r.labels.find((l) => l.trim()) ?? r.item).style !== 'none');
}

export function* walk(nodes: RowNode[]): Generator<RowNode> {
  for (const n of nodes) {
    yield n;
    yield* walk(n.children);
  }
}
