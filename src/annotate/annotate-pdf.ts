/**
 * A source PDF with the findings of its review as PDF annotations (pdf-lib): each finding located
 * at a cell becomes a highlight over that cell, whose comment carries the rule id, the Chinese
 * message and the figures (expected / found / difference); a finding located on a page only (a
 * sentence of the narrative) becomes a note in the page's margin. The page content is untouched.
 */
import { PDFArray, PDFDocument, PDFHexString, PDFName, PDFPage, PDFString, type PDFDict, type PDFRef } from 'pdf-lib';
import type { Finding } from '../../schemas/findings.js';
import type { Severity } from '../../schemas/intermediate.js';
import { invert, toUserRect, viewportTransform, type Matrix } from './page-space.js';

const COLOUR: Record<Severity, [number, number, number]> = { error: [0.95, 0.2, 0.2], warning: [1, 0.65, 0], info: [0.3, 0.6, 1] };
const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export interface AnnotateOptions {
  /** the least severe finding annotated (default info: every finding) */
  minSeverity?: Severity;
}

export interface AnnotateResult {
  bytes: Uint8Array;
  /** findings at a cell, drawn as highlights */
  highlights: number;
  /** findings on a page without a cell, drawn as margin notes */
  notes: number;
  /** findings with no page, or a page the PDF does not have */
  unplaced: number;
}

/** The comment of one finding: what a reviewer reads when opening the annotation. */
export function findingComment(f: Finding): string {
  const where = [f.where.table, f.where.code, f.where.item, f.where.column].filter(Boolean).join(' · ');
  const lines = [`${f.rule} [${f.severity}]`, f.message.zh];
  if (where) lines.push(`位置: ${where}`);
  if (f.expected !== undefined) lines.push(`应为 expected: ${f.expected}`);
  if (f.found !== undefined) lines.push(`实为 found: ${f.found}`);
  if (f.difference !== undefined) lines.push(`差额 difference: ${f.difference}`);
  return lines.join('\n');
}

function pageViewToUser(page: PDFPage): Matrix {
  // pdf.js's view box is the crop box (clipped to the media box); pdf-lib gives it with the crop box defaulting to the media box
  const c = page.getCropBox();
  const m = page.getMediaBox();
  const x0 = Math.max(c.x, m.x);
  const y0 = Math.max(c.y, m.y);
  const x1 = Math.min(c.x + c.width, m.x + m.width);
  const y1 = Math.min(c.y + c.height, m.y + m.height);
  return invert(viewportTransform([x0, y0, x1, y1], page.getRotation().angle));
}

/** A translucent fill as the highlight's appearance, so that every reader shows it the same. */
function highlightAppearance(doc: PDFDocument, rect: number[], rgb: [number, number, number]): PDFRef {
  const [x0, y0, x1, y1] = rect;
  const content = `q /GS0 gs ${rgb.map((v) => v.toFixed(3)).join(' ')} rg ${x0} ${y0} ${x1 - x0} ${y1 - y0} re f Q`;
  const gs = doc.context.obj({ Type: 'ExtGState', CA: 0.35, ca: 0.35, BM: 'Multiply' });
  const stream = doc.context.stream(content, {
    Type: 'XObject',
    Subtype: 'Form',
    BBox: [x0, y0, x1, y1],
    Resources: { ExtGState: { GS0: gs } },
  });
  return doc.context.register(stream);
}

function addAnnotation(page: PDFPage, dict: PDFDict): void {
  const ref = page.doc.context.register(dict);
  const existing = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
  if (existing) existing.push(ref);
  else page.node.set(PDFName.of('Annots'), page.doc.context.obj([ref]));
}

export async function annotatePdf(pdf: Uint8Array, findings: readonly Finding[], opts: AnnotateOptions = {}): Promise<AnnotateResult> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const pages = doc.getPages();
  const least = RANK[opts.minSeverity ?? 'info'];
  const now = PDFString.fromDate(new Date());
  const result = { highlights: 0, notes: 0, unplaced: 0 };
  const noteCount = new Map<number, number>();
  findings.forEach((f, i) => {
    if (RANK[f.severity] > least) return;
    const page = f.where.page === undefined ? undefined : pages[f.where.page - 1];
    if (!page) {
      result.unplaced++;
      return;
    }
    const common = {
      Type: 'Annot',
      C: COLOUR[f.severity],
      T: PDFHexString.fromText('yusuan'),
      Subj: PDFHexString.fromText(f.rule),
      Contents: PDFHexString.fromText(findingComment(f)),
      NM: PDFHexString.fromText(`yusuan-${i + 1}`),
      M: now,
      F: 4, // print
    };
    const toUser = pageViewToUser(page);
    if (f.where.bbox) {
      const rect = toUserRect(f.where.bbox, toUser);
      const [x0, y0, x1, y1] = rect;
      const dict = page.doc.context.obj({
        ...common,
        Subtype: 'Highlight',
        Rect: rect,
        // upper-left, upper-right, lower-left, lower-right
        QuadPoints: [x0, y1, x1, y1, x0, y0, x1, y0],
        CA: 0.35,
        AP: { N: highlightAppearance(doc, rect, COLOUR[f.severity]) },
      });
      addAnnotation(page, dict);
      result.highlights++;
    } else {
      // a note in the top-left margin, stacked downwards when a page has several
      const k = noteCount.get(f.where.page!) ?? 0;
      noteCount.set(f.where.page!, k + 1);
      const [nx, ny] = toUserRect({ x0: 4, y0: 4 + 22 * k, x1: 22, y1: 22 + 22 * k }, toUser);
      const dict = page.doc.context.obj({
        ...common,
        Subtype: 'Text',
        Rect: [nx, ny, nx + 18, ny + 18],
        Name: 'Comment',
        Open: false,
      });
      addAnnotation(page, dict);
      result.notes++;
    }
  });
  const bytes = await doc.save({ useObjectStreams: false });
  return { bytes, ...result };
}
