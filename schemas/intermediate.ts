/**
 * The common intermediate form: what every extractor (text, markdown, HTML, PDF) produces and
 * what every later stage consumes. From here on there is one path, whatever the source format.
 *
 * It is deliberately close to what is printed: lines of text and grids of cells in reading order,
 * with positions where the source has them. It knows nothing about budgets; segmentation and
 * interpretation (src/) give it meaning.
 *
 * Geometry: PDF points, origin at the TOP-LEFT of the page, y growing downwards
 * (pdf.js user space flipped), so that "above" is a smaller y, as on the printed page.
 */
import { z } from 'zod';

export const BBox = z
  .object({ x0: z.number(), y0: z.number(), x1: z.number(), y1: z.number() })
  .describe('PDF points, origin top-left of the page, y downwards');
export type BBox = z.infer<typeof BBox>;

export const Severity = z.enum(['error', 'warning', 'info']);
export type Severity = z.infer<typeof Severity>;

/** A message about the content, kept apart from the content (unified's vfile messages). */
export const Diagnostic = z.object({
  severity: Severity,
  code: z.string().describe('stable id, e.g. pdf.encrypted, grid.ragged-row'),
  message: z.string(),
  page: z.number().int().positive().optional(),
  bbox: BBox.optional(),
});
export type Diagnostic = z.infer<typeof Diagnostic>;

export const SourceFormat = z.enum(['pdf', 'text', 'markdown', 'html', 'xlsx', 'xls', 'ods', 'csv', 'docx']);
export type SourceFormat = z.infer<typeof SourceFormat>;

/** One printed cell. Spanned positions are not repeated: a merged cell has colSpan/rowSpan > 1. */
export const GridCell = z.object({
  text: z.string(),
  colSpan: z.number().int().positive().default(1),
  rowSpan: z.number().int().positive().default(1),
  page: z.number().int().positive().optional(),
  bbox: BBox.optional(),
  /** spreadsheets (and CSV), which have no pages: the cell as Excel names it, `公开05表!C7` (`C7` for CSV) */
  cell: z.string().optional(),
  bold: z.boolean().optional(),
  /** read by OCR: the lowest probability of the cell's characters (0–1) */
  ocr: z.number().min(0).max(1).optional(),
  /**
   * OCR: what the recogniser saw in a numeric cell it was unsure of. The cell's `text` stays empty,
   * so nothing reads this as the cell's content; only an identity of the document can confirm it
   * (src/confirm). Its box is the cell's.
   */
  unsure: z.object({ text: z.string(), ocr: z.number().min(0).max(1) }).optional(),
});
export type GridCell = z.input<typeof GridCell>;

export const GridRow = z.object({ cells: z.array(GridCell) });
export type GridRow = z.input<typeof GridRow>;

/**
 * How a grid was found: text renderings give tab-separated rows (tsv), markdown pipe tables (pipe)
 * or HTML tables (html); spreadsheets and CSV give their cells (sheet), Word files their tables (docx); PDFs give ruled grids (cells from ruling-line intersections) or aligned
 * grids (columns from text alignment, for tables without rules).
 */
export const GridMethod = z.enum(['tsv', 'pipe', 'html', 'ruled', 'aligned', 'sheet', 'docx']);
export type GridMethod = z.infer<typeof GridMethod>;

export const TextBlock = z.object({
  type: z.literal('text'),
  text: z.string(),
  /** markdown heading level (1–6) or, for PDFs, a level derived from font size; absent for body text */
  heading: z.number().int().min(1).max(6).optional(),
  page: z.number().int().positive().optional(),
  bbox: BBox.optional(),
  fontSize: z.number().optional(),
  bold: z.boolean().optional(),
  /** spreadsheets: the cell this line was read from (`公开05表!A2`) */
  cell: z.string().optional(),
});
export type TextBlock = z.input<typeof TextBlock>;

export const GridBlock = z.object({
  type: z.literal('grid'),
  rows: z.array(GridRow),
  method: GridMethod,
  /** 0–1: how sure the extractor is of the cell structure (1 for explicit tables in text sources) */
  confidence: z.number().min(0).max(1),
  page: z.number().int().positive().optional(),
  bbox: BBox.optional(),
  /** x positions of the column boundaries (PDF only), used to join a table continued on the next page */
  columnEdges: z.array(z.number()).optional(),
});
export type GridBlock = z.input<typeof GridBlock>;

/** A page boundary (PDF, or a page-break artefact in a text rendering). */
export const PageBreakBlock = z.object({
  type: z.literal('pagebreak'),
  page: z.number().int().positive().optional(),
});
export type PageBreakBlock = z.input<typeof PageBreakBlock>;

export const Block = z.discriminatedUnion('type', [TextBlock, GridBlock, PageBreakBlock]);
export type Block = z.input<typeof Block>;

export const SourceInfo = z.object({
  /** the path as given by the user (or a name for in-memory input) */
  path: z.string(),
  /** basename with extension: the `document` column of facts.csv */
  name: z.string(),
  format: SourceFormat,
  sha256: z.string(),
  bytes: z.number().int().nonnegative(),
  pages: z.number().int().nonnegative().optional(),
  producer: z.string().optional(),
  /** pages read by OCR (no usable text layer, or OCR forced) */
  ocrPages: z.array(z.number().int().positive()).optional(),
});
export type SourceInfo = z.infer<typeof SourceInfo>;

export const SourceDocument = z.object({
  source: SourceInfo,
  blocks: z.array(Block),
  diagnostics: z.array(Diagnostic),
});
export type SourceDocument = z.input<typeof SourceDocument>;
