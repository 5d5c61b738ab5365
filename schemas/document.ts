/**
 * The document model: what yusuan knows about one disclosure after interpretation.
 * TypeScript types are inferred from these schemas; `npm run schemas` writes JSON Schema from them.
 *
 * Amounts are decimal strings, never floats. Every value carries its provenance (page and bbox
 * in PDF points, origin top-left, y downwards) where the source has pages.
 */
import { z } from 'zod';
import { BBox, Diagnostic, GridMethod, SourceInfo } from './intermediate.js';

export const Unit = z.enum(['元', '万元']);
export type Unit = z.infer<typeof Unit>;

export const DecimalString = z.string().regex(/^-?\d+(\.\d+)?$/, 'a decimal number without separators');

export const Provenance = z.object({
  page: z.number().int().positive().optional(),
  bbox: BBox.optional(),
  /** set when the value was read by OCR from a page image: the lowest character probability */
  ocr: z.number().min(0).max(1).optional(),
});
export type Provenance = z.infer<typeof Provenance>;

export const Block = z.enum(['收入', '支出']);
export type Block = z.infer<typeof Block>;

export const ColumnRole = z.enum(['code', 'code-part', 'label', 'amount', 'text']);
export type ColumnRole = z.infer<typeof ColumnRole>;

export const Column = z.object({
  index: z.number().int().nonnegative().describe('0-based position in the printed grid'),
  path: z.array(z.string()).describe('header texts from top to leaf'),
  role: ColumnRole,
  codePart: z.enum(['类', '款', '项']).optional(),
  block: Block.optional(),
  part: z.number().int().min(0).max(1).optional().describe('left (0) or right (1) half of a side-by-side table'),
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
  part: z.number().int().min(0).max(1).optional().describe('left (0) or right (1) half of a side-by-side table'),
  kind: RowKind,
  code: z.string().optional(),
  codeKind: CodeKind.optional(),
  level: CodeLevel.optional(),
  parentCode: z.string().optional(),
  ordinal: z.string().optional().describe('一、 / （一） / ① prefix as printed'),
  labels: z.array(z.string()).describe('label cells, wrap spaces removed'),
  item: z.string().describe('labels joined with " / "'),
  amounts: z.array(Amount),
  ...Provenance.shape,
});
export type Row = z.infer<typeof Row>;

export const PrintedCell = z.object({ text: z.string(), ...Provenance.shape });
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
  kind: z.string().describe('canonical table kind, see src/interpret/table-kinds.ts'),
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

export const ConversionStatus = z.enum(['success', 'partial', 'failure']);

export const Document = z.object({
  yusuan: z.string().describe('yusuan version that made this'),
  source: SourceInfo,
  status: ConversionStatus,
  department: z.string().optional(),
  year: z.number().int().optional(),
  docKind: z.enum(['部门预算', '单位预算', '部门决算', '单位决算']).optional(),
  tables: z.array(Table),
  projects: z.array(Project),
  overallPerformance: z.array(OverallPerformance),
  narrative: z.array(NarrativeFigure),
  /** additive (issue 4): the text blocks that belong to no table, for the form checks of validation */
  text: z
    .array(z.object({ text: z.string(), page: z.number().int().positive().optional(), heading: z.number().int().optional() }))
    .optional()
    .describe('narrative text blocks (headings and paragraphs outside tables), in reading order'),
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
});
export type Fact = z.infer<typeof Fact>;
export const FACT_COLUMNS = Object.keys(Fact.shape) as (keyof Fact)[];
