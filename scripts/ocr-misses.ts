/**
 * Why a scan's facts differ from the text layer's: each missed text-layer fact and each wrong OCR
 * fact (ocrAccuracy) put in one class, so the largest classes can be worked on first
 * (`node scripts/bench-ocr.mjs --details`, `node scripts/ocr-report.mjs`).
 *
 * A missed fact is paired with the wrong fact on the same page that shares the most of its key (value
 * included), and a wrong fact with a missed one — a key read otherwise makes one of each; the class
 * names what differs:
 * - `value`: the same key with another value (a wrong or a misplaced number);
 * - `key:<field>`: the same value under a key that differs in one field (a label, a title, a column
 *   header read otherwise), with both readings;
 * - `key:several`: the same value, several fields differ;
 * - `not read`: nothing on the page comes close (a cell not read, a table not found);
 * - `extra`: an OCR fact with no counterpart (a row or table the text layer does not have).
 */
import type { Fact } from '../schemas/document.js';
import type { OcrAccuracy } from './ocr-accuracy.js';

const KEY = ['table_title', 'block', 'row', 'code', 'item', 'column', 'unit', 'value'] as const;
type KeyField = (typeof KEY)[number];

export interface Miss {
  /** the fact: missed (from the text layer) or wrong (from the OCR) */
  fact: Fact;
  side: 'missing' | 'wrong';
  class: string;
  /** the nearest fact on the other side, when one was found */
  other?: Fact;
  /** the fields that differ from it, each as the text layer's → the OCR's reading */
  diff: string[];
}

const differing = (a: Fact, b: Fact): KeyField[] => KEY.filter((k) => a[k] !== b[k]);

function classify(f: Fact, side: Miss['side'], others: readonly Fact[]): Miss {
  let best: { other: Fact; fields: KeyField[] } | undefined;
  for (const o of others) {
    if (o.page !== f.page) continue;
    const fields = differing(f, o);
    // a pairing must share the value or the whole key: otherwise it says nothing
    if (fields.includes('value') && fields.length > 1) continue;
    if (!best || fields.length < best.fields.length) best = { other: o, fields };
  }
  if (!best) return { fact: f, side, class: side === 'missing' ? 'not read' : 'extra', diff: [] };
  const [text, ocr] = side === 'missing' ? [f, best.other] : [best.other, f];
  const diff = best.fields.map((k) => `${k}: ${JSON.stringify(text[k])} → ${JSON.stringify(ocr[k])}`);
  const cls = best.fields[0] === 'value' ? 'value' : best.fields.length === 1 ? `key:${best.fields[0]}` : 'key:several';
  return { fact: f, side, class: cls, other: best.other, diff };
}

/** Every missed and every wrong fact of one document, classified. */
export function classifyMisses(acc: Pick<OcrAccuracy, 'missing' | 'wrong'>): Miss[] {
  return [...acc.missing.map((f) => classify(f, 'missing', acc.wrong)), ...acc.wrong.map((f) => classify(f, 'wrong', acc.missing))];
}

/** Counts by class, largest first: `class side count`. */
export function missClasses(misses: readonly Miss[]): { class: string; side: Miss['side']; count: number }[] {
  const n = new Map<string, number>();
  for (const m of misses) n.set(`${m.side}\t${m.class}`, (n.get(`${m.side}\t${m.class}`) ?? 0) + 1);
  return [...n].map(([k, count]) => ({ side: k.split('\t')[0] as Miss['side'], class: k.split('\t')[1], count })).sort((a, b) => b.count - a.count);
}

/** One line a miss, for a report. */
export function formatMiss(m: Miss): string {
  const f = m.fact;
  const at = `p${f.page} ${f.table_title} | ${f.row} ${f.code} ${f.item} / ${f.column} = ${f.value}`;
  return `${m.side} [${m.class}] ${at}${m.diff.length ? `  (${m.diff.join('; ')})` : ''}`;
}

/** The lines of a document's report: its classes, then every miss. */
export function missReport(acc: Pick<OcrAccuracy, 'missing' | 'wrong'>): string[] {
  const misses = classifyMisses(acc);
  return [...missClasses(misses).map((c) => `  ${c.count} ${c.side} ${c.class}`), ...misses.map((m) => `    ${formatMiss(m)}`)];
}
