/** yusuan as a library. */
export { extract, extractRead, readInput, type Input } from './pipeline.js';
export { interpretDocument } from './interpret/document.js';
export { documentFacts } from './export/facts.js';
export { writeDocumentOutputs } from './export/write-outputs.js';
export { ExtractionError, type FailureReason } from './core/errors.js';
export { TABLE_KINDS, tableKind } from './interpret/table-kinds.js';
export { VERSION } from './version.js';
export { DEFAULT_LAYOUT_SETTINGS, layoutSettings, type LayoutSettings, type LayoutOverrides } from '../extractors/pdf/layout-settings.js';
export type { ExtractOptions } from '../extractors/source-input.js';
export * from '../schemas/document.js';
export type { SourceDocument, Block, GridBlock, TextBlock, Diagnostic, BBox } from '../schemas/intermediate.js';
