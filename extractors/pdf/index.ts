/**
 * PDF → the common intermediate form (schemas/intermediate.ts): per page, in reading order, text
 * blocks and grid blocks, with a pagebreak block between pages.
 */
import type { Block, Diagnostic, SourceDocument } from '../../schemas/intermediate.js';
import type { ExtractOptions, PdfTimings, SourceInput } from '../source-input.js';
import { ExtractionError } from '../../src/core/errors.js';
import { isAllocationFailure } from '../../src/core/memory.js';
import { classifyPdfError, openPdf } from './load-document.js';
import { layoutSettings } from '../../src/core/layout-settings.js';
import { hintsForPage } from '../../src/core/table-settings.js';
import { layoutPage, mayHoldTable } from './page-layout.js';
import { columnFeet, type ColumnFoot } from './cut-merged-cells.js';
import { extractRulings, type OpCodes } from './rulings.js';
import { fillBoxes } from './fill-rows.js';
import type { Box } from './ruled-grid.js';
import { toFragments, type RawTextItem, type TextFrag } from './text-items.js';
import type { Segment } from './rulings.js';
import { readPageImage } from '../ocr/index.js';

export { ExtractionError };

/** Adds the time a pdf.js call takes to one of the timings counters (when timings are asked for). */
function timed<T>(timings: PdfTimings | undefined, key: keyof PdfTimings, call: () => Promise<T>): Promise<T> {
  if (!timings) return call();
  const t0 = performance.now();
  return call().finally(() => {
    timings[key] += performance.now() - t0;
  });
}

export async function extractPdf(input: SourceInput, opts: ExtractOptions = {}): Promise<SourceDocument> {
  const file = input.path;
  const tm = opts.timings;
  const settings = layoutSettings(opts.layout);
  const opened = await timed(tm, 'openMs', () => openPdf(file, input.bytes, opts.password));
  try {
    const { doc, pdfjs } = opened;
    const n = doc.numPages;
    if (n === 0) throw new ExtractionError(file, 'empty', 'the PDF has no pages');
    const OPS = pdfjs.OPS as unknown as OpCodes;
    const blocks: Block[] = [];
    const diagnostics: Diagnostic[] = [];
    const emptyPages: number[] = [];
    const ocrPages: number[] = [];
    const ocrMode = opts.ocr ?? 'auto';
    let readable = 0;
    let firstError: unknown;
    // the last table's columns, for an unruled table that goes on at the top of the next page
    let previousColumns: number[] | undefined;
    let previousFoot: ColumnFoot[] | undefined;
    for (let p = 1; p <= n; p++) {
      if (p > 1) blocks.push({ type: 'pagebreak', page: p });
      let page;
      try {
        page = await timed(tm, 'openMs', () => doc.getPage(p));
      } catch (err) {
        // out of memory on one page: the worker's ceiling is reached, the document is too large
        if (isAllocationFailure(err)) throw classifyPdfError(file, err, opts.password !== undefined);
        firstError ??= err;
        diagnostics.push({ severity: 'warning', code: 'pdf.page-unreadable', message: `page ${p} could not be read: ${(err as Error)?.message ?? err}`, page: p });
        continue;
      }
      try {
        const viewport = page.getViewport({ scale: 1 });
        const content = await timed(tm, 'textMs', () => page.getTextContent());
        readable++;
        const items = content.items.filter((it): it is typeof it & RawTextItem => 'str' in it);
        let frags: TextFrag[] = toFragments(items, viewport.transform);
        let rules: Segment[] = [];
        let fills: Box[] = [];
        let ocr: Awaited<ReturnType<typeof readPageImage>> | undefined;
        if (ocrMode === 'force' || (ocrMode === 'auto' && !frags.length)) {
          // a page image: recognised into the same fragments and rules a text layer gives
          ocr = await readPageImage(page, opts.ocrSettings);
          frags = ocr.page.frags;
          rules = ocr.page.rules;
          ocrPages.push(p);
        } else {
          // the operator list (for rules) is read only where a table is possible: it is half the cost
          const ops = mayHoldTable(frags, settings) ? await timed(tm, 'operatorsMs', () => page.getOperatorList({ annotationMode: pdfjs.AnnotationMode.DISABLE })) : undefined;
          const ruled = ops ? extractRulings(ops, OPS, viewport.transform, viewport.width, viewport.height, settings.rules) : undefined;
          rules = ruled?.rules ?? [];
          fills = ruled ? fillBoxes(ruled.boxEdges) : [];
        }
        if (!frags.length) emptyPages.push(p);
        const hints = hintsForPage(opts.tables, p);
        const out = layoutPage({ page: p, width: viewport.width, height: viewport.height, frags, rules, previousColumns, previousFoot, fills, ...(hints.length ? { hints } : {}) }, settings);
        if (ocr) ocr.finish(out.blocks, out.diagnostics, p);
        const grids = out.blocks.filter((b) => b.type === 'grid');
        previousColumns = grids.length ? grids[grids.length - 1].columnEdges : undefined;
        previousFoot = grids.length ? columnFeet(grids[grids.length - 1]) : undefined;
        blocks.push(...out.blocks);
        diagnostics.push(...out.diagnostics);
        opts.onPage?.(p, n, !!ocr);
      } catch (err) {
        if (err instanceof ExtractionError || isAllocationFailure(err)) throw classifyPdfError(file, err, opts.password !== undefined);
        firstError ??= err;
        diagnostics.push({ severity: 'warning', code: 'pdf.page-unreadable', message: `page ${p} could not be read: ${(err as Error)?.message ?? err}`, page: p });
      } finally {
        page.cleanup();
      }
    }
    if (readable === 0) throw classifyPdfError(file, firstError ?? new Error('no page could be read'), opts.password !== undefined);
    if (emptyPages.length === readable) {
      throw new ExtractionError(
        file,
        'no-text-layer',
        ocrMode === 'off' ? 'no page has a text layer (a scanned document?): run with --ocr auto to read it' : 'no page has text, in its text layer or by OCR',
      );
    }
    for (const p of emptyPages) {
      diagnostics.push({ severity: 'warning', code: 'pdf.page-without-text', message: ocrMode === 'off' ? `page ${p} has no text layer (an image or a scan?)` : `page ${p} has no text, in its text layer or by OCR`, page: p });
    }
    return {
      source: { path: input.path, name: input.name, format: 'pdf', sha256: input.sha256, bytes: input.bytes.length, pages: n, producer: opened.producer, ...(ocrPages.length ? { ocrPages } : {}) },
      blocks,
      diagnostics,
    };
  } finally {
    await timed(tm, 'openMs', () => opened.close()).catch(() => undefined);
  }
}
