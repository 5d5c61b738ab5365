/**
 * How well a scan was read: the facts of the OCR'd document against the text-layer facts of the
 * same pages, on the full key (table, block, row, code, item, column, value, unit; punctuation width
 * folded, below). A wrong OCR
 * amount — its cell is in the text layer with another value, or it is not there at all — counts
 * as flagged when the document itself points at it: a validation finding (error or warning) on
 * its table row, or an OCR warning at its place (same page, within two lines of it: `nearPlace`).
 * An OCR warning elsewhere on the page does not flag it: a reader looking at that fact would not
 * be pointed at it. The target for unflagged wrong amounts is 0.
 */
import type { Document } from '../schemas/document.js';
import type { Checks } from '../schemas/findings.js';
import type { Fact } from '../schemas/document.js';
import { documentFacts } from '../src/export/facts.js';

export interface OcrAccuracy {
  ocrFacts: number;
  textFacts: number;
  matched: number;
  recall: number;
  precision: number;
  /** OCR facts that are not in the text layer */
  wrong: Fact[];
  /** … of which nothing in the document points at */
  unflagged: Fact[];
  /** text-layer facts the OCR did not give */
  missing: Fact[];
}

/**
 * Full- and half-width punctuation are one mark here: （）：，“” against ():,"" is a difference of
 * glyph width a scan cannot show reliably (the sample itself prints 维修(护)费 beside 办公厅（室）).
 */
// the full-width point too: a recogniser cannot tell 1. from 1． (普陀区商务委 2025 p.9)
const fold = (s: string) => s.replace(/[（）：，“”；．]/g, (c) => ({ '（': '(', '）': ')', '：': ':', '，': ',', '“': '"', '”': '"', '；': ';', '．': '.' })[c] ?? c);
const slot = (f: Fact) => fold([f.table_title, f.block, f.row, f.code, f.item, f.column, f.unit].join('|'));
const full = (f: Fact) => `${slot(f)}|${f.value}`;

type Place = { page: number; y: number };

/** A fact's key within its document: table, row, column and value (a facts.csv row carries no position). */
const factPlaceKey = (f: Pick<Fact, 'table_title' | 'row' | 'column' | 'value'>) => `${f.table_title}|${f.row}|${f.column}|${f.value}`;

/** Where each table fact's amount is printed (page, the middle of its box), from the document's rows. */
function factPlaces(doc: Document): Map<string, Place> {
  const out = new Map<string, Place>();
  for (const t of doc.tables) {
    for (const r of t.rows) {
      for (const a of r.amounts) {
        if (a.page && a.bbox) out.set(factPlaceKey({ table_title: t.title, row: String(r.index), column: a.path, value: a.value }), { page: a.page, y: (a.bbox.y0 + a.bbox.y1) / 2 });
      }
    }
  }
  return out;
}

/** OCR warnings with a place: an info diagnostic (ocr.corrected) records a change, it does not point at a doubt. */
function ocrWarnings(doc: Document): Document['diagnostics'] {
  return doc.diagnostics.filter((d) => d.code.startsWith('ocr.') && d.severity !== 'info');
}

/** A diagnostic at a place: on its page, its box's middle within `2 × tol` points of it vertically (the same printed line or the next). */
function nearPlace(d: Document['diagnostics'][number], p: Place, tol = 12): boolean {
  return d.page === p.page && d.bbox !== undefined && Math.abs((d.bbox.y0 + d.bbox.y1) / 2 - p.y) <= 2 * tol;
}

export function ocrAccuracy(ocr: Document, ocrChecks: Checks, text: Document, pages?: ReadonlySet<number>): OcrAccuracy {
  const keep = (f: Fact) => !pages || pages.has(Number(f.page));
  const a = documentFacts(ocr).filter(keep);
  const b = documentFacts(text).filter(keep);
  const inText = new Set(b.map(full));
  const inOcr = new Set(a.map(full));
  const wrong = a.filter((f) => !inText.has(full(f)));
  const missing = b.filter((f) => !inOcr.has(full(f)));
  const flaggedRows = new Set(
    ocrChecks.findings.filter((x) => x.severity !== 'info' && x.where.row !== undefined).map((x) => `${x.where.table ?? ''}|${x.where.row}`),
  );
  const places = factPlaces(ocr);
  const warnings = ocrWarnings(ocr);
  const atPlace = (f: Fact) => {
    const at = places.get(factPlaceKey(f));
    return at !== undefined && warnings.some((d) => nearPlace(d, at));
  };
  const unflagged = wrong.filter((f) => !flaggedRows.has(`${f.table_title}|${f.row}`) && !atPlace(f));
  const matched = a.length - wrong.length;
  return {
    ocrFacts: a.length,
    textFacts: b.length,
    matched,
    recall: b.length ? (b.length - missing.length) / b.length : 1,
    precision: a.length ? matched / a.length : 1,
    wrong,
    unflagged,
    missing,
  };
}

export interface ValueCheck {
  /** OCR amounts with a position */
  amounts: number;
  /** … printed at the same place in the text layer with the same value */
  right: number;
  /** … with another value there, or none: what a reader would take for a wrong number */
  wrong: { page: number; value: string; expected?: string }[];
  /** wrong ones nothing in the document points at (no finding on the row, no OCR warning near it) */
  unflagged: { page: number; value: string; expected?: string }[];
}

/**
 * Every OCR amount against the text layer at the same place on the page: the same value printed on
 * the same page and line (box centres within `tol` points vertically) — a check of the digits
 * themselves, whatever the labels and titles around them were read as; an amount filed under the
 * wrong column is a key error, counted by ocrAccuracy. The scan and the original share their page
 * geometry (deskew is undone in the provenance; scripts/make-scans.mjs turns a page about its
 * centre on a canvas of the same size); 12 pt leaves room for a box read a little wider.
 */
export function ocrValueCheck(ocr: Document, ocrChecks: Checks, text: Document, tol = 12): ValueCheck {
  type Placed = { page: number; x: number; y: number; value: string; table: string; row: number };
  const placed = (doc: Document): Placed[] =>
    doc.tables.flatMap((t) =>
      t.rows.flatMap((r) =>
        r.amounts.filter((a) => a.page && a.bbox).map((a) => ({ page: a.page!, x: (a.bbox!.x0 + a.bbox!.x1) / 2, y: (a.bbox!.y0 + a.bbox!.y1) / 2, value: a.value, table: t.title, row: r.index })),
      ),
    );
  const truth = placed(text);
  const flaggedRows = new Set(ocrChecks.findings.filter((x) => x.severity !== 'info' && x.where.row !== undefined).map((x) => `${x.where.table ?? ''}|${x.where.row}`));
  const warnings = ocrWarnings(ocr);
  const out: ValueCheck = { amounts: 0, right: 0, wrong: [], unflagged: [] };
  for (const p of placed(ocr)) {
    out.amounts++;
    const line = truth.filter((t) => t.page === p.page && Math.abs(t.y - p.y) <= tol);
    const at = line.filter((t) => Math.abs(t.x - p.x) <= tol);
    if (line.some((t) => t.value === p.value)) {
      out.right++;
      continue;
    }
    const w = { page: p.page, value: p.value, ...(at[0] ? { expected: at[0].value } : {}) };
    out.wrong.push(w);
    const flagged = flaggedRows.has(`${p.table}|${p.row}`) || warnings.some((d) => nearPlace(d, p, tol));
    if (!flagged) out.unflagged.push(w);
  }
  return out;
}
