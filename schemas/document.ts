/**
 * The document model: what yusuan knows about one disclosure after interpretation.
 * TypeScript types are inferred from these schemas; `npm run schemas` writes JSON Schema from them.
 *
 * Amounts are decimal strings, never floats. Every value carries its provenance (page and bbox
 * in PDF points, origin top-left, y downwards) where the source has pages.
 */
import { z } from 'zod';
import { BBox, Diagnostic, GridMethod, SourceInfo } from './intermediate.js';
import { TableKind } from './table-kinds.js';

export const Unit = z.enum(['元', '万元']);
export type Unit = z.infer<typeof Unit>;

export const DecimalString = z.string().regex(/^-?\d+(\.\d+)?$/, 'a decimal number without separators');

export const Provenance = z.object({
  page: z.number().int().positive().optional(),
  bbox: BBox.optional(),
  /** where there is no page (spreadsheets, CSV): the sheet and cell as Excel names them, `公开05表!C7` */
  cell: z.string().optional(),
  /** set when the value was read by OCR from a page image: the lowest character probability */
  ocr: z.number().min(0).max(1).optional(),
  /** OCR: a reading below the certainty threshold, emitted because this identity holds exactly with it (src/confirm) */
  confirmedBy: z.string().optional(),
});
export type Provenance = z.infer<typeof Provenance>;

/**
 * OCR: a numeric cell the recogniser was unsure of (below minCharProb), kept beside what was read
 * and never as a value: src/confirm moves it to the amounts only when an identity of the document
 * holds exactly with it (docs/ocr.md "Unsure readings confirmed by the document's identities").
 */
export const WithheldReading = z.object({
  reading: DecimalString.describe('what the recogniser read, as a decimal; not a value of the document'),
  raw: z.string().describe('the text read'),
  ocr: z.number().min(0).max(1).describe('the lowest probability of its digits and marks'),
  page: z.number().int().positive().optional(),
  bbox: BBox.optional(),
});
export type WithheldReading = z.infer<typeof WithheldReading>;

export const Block = z.enum(['收入', '支出']);
export type Block = z.infer<typeof Block>;

/**
 * The block of a side-by-side table from the left: 0 and 1 for the two halves; a three-block
 * 收支预算总表 (收入 | 功能分类 | 支出用途) has 0, 1 and 2 (src/interpret/blocks.ts).
 */
export const Part = z.number().int().min(0).max(2).describe('block of a side-by-side table from the left: 0 | 1, or 0 | 1 | 2 for three blocks');

export const ColumnRole = z.enum(['code', 'code-part', 'label', 'amount', 'text']);
export type ColumnRole = z.infer<typeof ColumnRole>;

export const Column = z.object({
  index: z.number().int().nonnegative().describe('0-based position in the printed grid'),
  path: z.array(z.string()).describe('header texts from top to leaf'),
  role: ColumnRole,
  codePart: z.enum(['类', '款', '项']).optional(),
  block: Block.optional(),
  part: Part.optional(),
});
export type Column = z.infer<typeof Column>;

export const Amount = z.object({
  column: z.number().int().nonnegative(),
  path: z.string().describe('column header path joined with " / "'),
  raw: z.string().describe('the cell as printed'),
  value: DecimalString.describe('as printed without thousands separators'),
  yuan: DecimalString.optional().describe('the same amount in 元, exact'),
  ...Provenance.shape,
});
export type Amount = z.infer<typeof Amount>;

export const RowKind = z.enum(['data', 'total', 'subtotal']);
export const CodeKind = z.enum(['functional', 'economic']);
export const CodeLevel = z.enum(['类', '款', '项']);

export const Row = z.object({
  index: z.number().int().positive().describe('1-based body row, counted across continuation pages'),
  block: Block.optional(),
  part: Part.optional(),
  kind: RowKind,
  code: z.string().optional(),
  codeKind: CodeKind.optional(),
  level: CodeLevel.optional(),
  parentCode: z.string().optional(),
  ordinal: z.string().optional().describe('一、 / （一） / ① prefix as printed'),
  labels: z.array(z.string()).describe('label cells, wrap spaces removed'),
  item: z.string().describe('labels joined with " / "'),
  amounts: z.array(Amount),
  withheld: z.array(WithheldReading.extend({ column: z.number().int().nonnegative(), path: z.string() })).optional().describe('OCR readings of amount cells withheld as unsure'),
  ...Provenance.shape,
});
export type Row = z.infer<typeof Row>;

export const PrintedCell = z.object({
  text: z.string(),
  colSpan: z.number().int().min(2).optional().describe('a merged cell: the columns it spans (the positions it covers print empty)'),
  rowSpan: z.number().int().min(2).optional().describe('a merged cell: the rows it spans'),
  ...Provenance.shape,
});
export type PrintedCell = z.infer<typeof PrintedCell>;

export const TableQuality = z.object({
  method: GridMethod,
  confidence: z.number().min(0).max(1),
  headerRows: z.number().int().nonnegative(),
  bodyRows: z.number().int().nonnegative(),
  amountCells: z.number().int().nonnegative(),
  unreadCells: z.number().int().nonnegative().describe('non-blank cells of amount columns that are not numbers'),
  raggedRows: z.number().int().nonnegative(),
});

export const Table = z.object({
  id: z.number().int().positive(),
  label: z.string().optional().describe('预算公开表1, 公开01表, 表一 …'),
  title: z.string().describe('as printed, without the label'),
  kind: TableKind.describe('canonical table kind, see schemas/table-kinds.ts'),
  department: z.string().optional(),
  unit: Unit.optional(),
  year: z.number().int().optional(),
  pages: z.array(z.number().int().positive()),
  empty: z.boolean().describe('no amounts printed (e.g. 注：本表无数据)'),
  note: z.string().optional(),
  sideBySide: z.boolean(),
  columns: z.array(Column),
  rows: z.array(Row),
  printed: z.array(z.array(PrintedCell)).describe('every grid row as printed, header included'),
  quality: TableQuality,
  diagnostics: z.array(Diagnostic),
  ...Provenance.shape,
});
export type Table = z.infer<typeof Table>;

export const Funds = z.object({
  total: DecimalString.optional(),
  central: DecimalString.optional(),
  provincial: DecimalString.optional(),
  local: DecimalString.optional(),
  self: DecimalString.optional(),
  other: DecimalString.optional(),
  fiscal: DecimalString.optional().describe('其中：财政资金 / 当年财政拨款'),
  carryover: DecimalString.optional().describe('上年结转资金'),
});
export type Funds = z.infer<typeof Funds>;

export const Indicator = z.object({
  level1: z.string().optional().describe('一级指标'),
  level2: z.string().optional().describe('二级指标'),
  level3: z.string().optional().describe('三级指标'),
  value: z.string().optional().describe('指标值'),
  period: z.enum(['实施期', '年度']),
  ...Provenance.shape,
});
export type Indicator = z.infer<typeof Indicator>;

export const Project = z.object({
  tableId: z.number().int().positive(),
  name: z.string(),
  department: z.string().optional().describe('主管部门及代码 as printed'),
  departmentCode: z.string().optional(),
  implementingUnit: z.string().optional(),
  attribute: z.string().optional().describe('项目属性'),
  period: z.string().optional().describe('项目期'),
  fundsUnit: Unit.optional(),
  implementationFunds: Funds.describe('实施期资金'),
  annualFunds: Funds.describe('年度资金'),
  goals: z.object({ implementation: z.string().optional(), annual: z.string().optional() }),
  fundCells: z
    .array(z.object({ period: z.enum(['实施期', '年度']), key: z.string(), label: z.string(), value: DecimalString, ...Provenance.shape }))
    .describe('every fund amount as printed, with its position'),
  indicators: z.array(Indicator),
  withheldFunds: z
    .array(WithheldReading.extend({ period: z.enum(['实施期', '年度']), key: z.string(), label: z.string() }))
    .optional()
    .describe('OCR readings of fund cells withheld as unsure'),
  ...Provenance.shape,
});
export type Project = z.infer<typeof Project>;

export const OverallPerformance = z.object({
  tableId: z.number().int().positive(),
  title: z.string(),
  department: z.string().optional(),
  facts: z.array(z.object({ label: z.string(), value: z.string(), ...Provenance.shape })).describe('key/value cells such as 内设职能部门数 4个'),
  funds: z.array(z.object({ label: z.string(), value: DecimalString, unit: Unit.optional(), ...Provenance.shape })),
  indicators: z.array(Indicator),
  ...Provenance.shape,
});
export type OverallPerformance = z.infer<typeof OverallPerformance>;

export const NarrativeFigure = z.object({
  kind: z.enum(['amount', 'change', 'growth', 'share']).describe(
    'amount: X万元; change: 比上年增加/减少 X; growth: 增长/下降 Y%; share: 占 Z%',
  ),
  subject: z.string().describe('what the figure is about, as worded before it'),
  value: DecimalString,
  unit: z.enum(['元', '万元', '亿元', '%']),
  direction: z.enum(['increase', 'decrease', 'same']).optional(),
  previous: z.string().optional().describe('the year compared against, when stated'),
  sentence: z.string(),
  ...Provenance.shape,
});
export type NarrativeFigure = z.infer<typeof NarrativeFigure>;

/** success; partial (something could not be read); no-content (nothing of a budget disclosure in it). src/interpret/status.ts decides. */
export const ConversionStatus = z.enum(['success', 'partial', 'no-content']);
export type ConversionStatus = z.infer<typeof ConversionStatus>;

export const DocKind = z.enum(['部门预算', '单位预算', '部门决算', '单位决算']);

/** Who published the document, for which year, of what kind: decided once, carried by every output. */
export const DocIdentity = z.object({
  organisation: z.string().optional().describe('the organisation as printed (cover, department lines, narrative, titles; the file name last)'),
  org: z.string().optional().describe('canonical organisation name: one per organisation across years, spellings and calibers (src/interpret/org-names.ts, data/org-aliases.csv)'),
  year: z.number().int().optional(),
  doc_kind: DocKind.optional(),
  sha256: z.string().describe('SHA-256 of the source bytes'),
  source: z.enum(['cover', 'title', 'department-line', 'narrative', 'filename', 'none']).describe('where the organisation was read'),
});
export type DocIdentity = z.infer<typeof DocIdentity>;

export const HeadlineFigure = z.enum([
  'income_total', 'expenditure_total', 'basic_expenditure', 'project_expenditure', 'three_public_total',
  'outbound_travel', 'official_reception', 'official_vehicles', 'operating_expenses',
]);
export type HeadlineFigure = z.infer<typeof HeadlineFigure>;

/** A figure people quote, traced to the printed cell it was read from. Absent when not printed (never 0). */
export const Headline = z.object({
  figure: HeadlineFigure,
  value: DecimalString.describe('as printed'),
  unit: Unit,
  value_yuan: DecimalString.describe('the same in 元, exact'),
  table: z.number().int().nonnegative().describe('index into doc.tables'),
  table_kind: z.string(),
  page: z.number().int().positive().optional(),
  bbox: BBox.optional(),
  row: z.number().int().positive().describe('the row index of the cell'),
  column: z.string().describe('the column path of the cell'),
  basis: z.enum(['预算数', '决算数']).optional().describe('决算: which column of the pair the figure is'),
});
export type Headline = z.infer<typeof Headline>;

export const Document = z.object({
  yusuan: z.string().describe('yusuan version that made this'),
  source: SourceInfo,
  status: ConversionStatus,
  department: z.string().optional(),
  year: z.number().int().optional(),
  docKind: DocKind.optional(),
  identity: DocIdentity.optional().describe('always set by interpretation; optional only for documents made by older versions'),
  tables: z.array(Table),
  projects: z.array(Project),
  overallPerformance: z.array(OverallPerformance),
  narrative: z.array(NarrativeFigure),
  /** additive (issue 4): the text blocks that belong to no table, for the form checks of validation */
  text: z
    .array(z.object({ text: z.string(), page: z.number().int().positive().optional(), heading: z.number().int().optional() }))
    .optional()
    .describe('narrative text blocks (headings and paragraphs outside tables), in reading order'),
  headlines: z.array(Headline).optional().describe('the headline figures (src/interpret/headlines.ts); always set by interpretation'),
  diagnostics: z.array(Diagnostic),
});
export type Document = z.infer<typeof Document>;

/** One row of facts.csv (see ../shared/tools/README.md for the contract). */
export const Fact = z.object({
  document: z.string(),
  department: z.string(),
  year: z.string(),
  table_no: z.string(),
  table_kind: z.string(),
  table_title: z.string(),
  page: z.string(),
  block: z.string(),
  row: z.string(),
  code: z.string(),
  item: z.string(),
  column: z.string(),
  value: z.string(),
  unit: z.string(),
  // additive (issue 9): after the 14 contract columns
  doc_kind: z.string().describe('部门预算 / 单位预算 / 部门决算 / 单位决算'),
  org: z.string().describe('canonical organisation name'),
  value_yuan: z.string().describe('the value in 元, exact; empty when the table prints no unit'),
  period: z.string().describe('the year the figure is for: the year the column names, else the document year'),
  measure: z.string().describe('the column path without its year (2024年“三公”经费预算数 / 合计 → “三公”经费预算数 / 合计)'),
  sha256: z.string().describe('SHA-256 of the source document'),
});
export type Fact = z.infer<typeof Fact>;
export const FACT_COLUMNS = Object.keys(Fact.shape) as (keyof Fact)[];
