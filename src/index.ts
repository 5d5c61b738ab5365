/**
 * yusuan as a library: a small named surface (README "Library").
 *
 *   extract            an input (path, bytes, { bytes, name }) → the document model
 *   validateDocument   the document → its review (checks.json)
 *   writeDocumentOutputs  every file of one document (document.json, .xlsx, CSVs, checks.json, findings.csv)
 *   runExtract         the batch runner behind `yusuan extract` (files, folders, globs, URLs, -)
 *   the types of the document model, the facts, the findings and the manifest
 */
export { extract, extractRead, readInput, type Input } from './pipeline.js';
export type { ExtractOptions, SourceInput } from '../extractors/index.js';
export { validateDocument } from './validate/index.js';
export { findingsCsv } from './export/findings-csv.js';
export { headlineRows, HEADLINE_COLUMNS } from './export/headlines.js';
export { DEFAULT_LAYOUT_SETTINGS, layoutSettings, type LayoutSettings, type LayoutOverrides } from './core/layout-settings.js';
export { documentFacts } from './export/facts.js';
export { writeDocumentOutputs, type WriteOptions, type WrittenOutputs } from './export/write-outputs.js';
export { documentWorkbook } from './export/workbook.js';
export { factsParquet } from './export/parquet.js';
export { runExtract, EXIT, EXIT_MEANING, type RunOptions } from './batch/run.js';
export { ExtractionError, type FailureReason } from './core/errors.js';
export { TABLE_KINDS, tableKind } from './interpret/table-kinds.js';
export { VERSION } from './version.js';
export { FACT_COLUMNS } from '../schemas/document.js';
export type {
  Document,
  Table,
  Row,
  Column,
  Amount,
  Project,
  Indicator,
  OverallPerformance,
  NarrativeFigure,
  Provenance,
  PrintedCell,
  Fact,
  Unit,
  DocIdentity,
  Headline,
} from '../schemas/document.js';
export type { Checks, Finding } from '../schemas/findings.js';
export type { ManifestEntry } from '../schemas/manifest.js';
export type { SourceDocument, Block, GridBlock, TextBlock, Diagnostic, BBox } from '../schemas/intermediate.js';
