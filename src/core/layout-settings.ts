/**
 * Every tuning value of the PDF layout stage (and the one of segmentation that reads positions) in
 * one documented object, in the manner of pdfplumber's table settings: the defaults are what the
 * samples and the corpus are measured with; a caller can override any of them through
 * `extract(input, { layout: { … } })` and they are passed down as plain data, never read from a
 * global. Lengths are PDF points unless the name says `Em` (a multiple of the font size).
 */
export interface RuleSettings {
  /** a filled rectangle thinner than this (points) is a rule, not a shaded area */
  ruleThickness: number;
  /** slant (points) tolerated for a drawn line to still count as horizontal or vertical */
  axisTol: number;
  /** rules shorter than this are tick marks or glyph parts, not table lines */
  minEdge: number;
  /** rule positions closer than this are one line (a double rule, a 0.5 pt offset) */
  snapTol: number;
  /** collinear rules with a gap up to this are joined into one */
  joinTol: number;
  /** horizontal-only rules (tables ruled between rows only) stack into one table up to this gap */
  stackGap: number;
  /** thinner columns/rows are drawing artefacts (a rule drawn twice, a 1 pt padding box) */
  minCell: number;
  /** a frame narrower or lower than this is no table */
  minFrameWidth: number;
  minFrameHeight: number;
  /** a boundary is drawn in a row (column) when rules cover at least this share of it */
  drawnShare: number;
}

export interface TextSettings {
  /** lines: fragments whose middles differ by less than this share of the font size share a line */
  lineTolEm: number;
  /** gap (em) that separates pieces of a line into cells of an unruled table */
  cellGapEm: number;
  /** gap (em) that separates a printed line into separate text blocks */
  blockGapEm: number;
  /** a text line at least this many times the body size is a level-1 heading … */
  heading1Ratio: number;
  /** … and at least this many times a level-2 heading */
  heading2Ratio: number;
  /** running headers/footers: lines above this share of the page height, or below the next … */
  furnitureTop: number;
  furnitureBottom: number;
  /** … and no longer than this (characters) */
  furnitureMaxChars: number;
  /** fragments closer than this (em) are one figure; a wider space between figures parts them (number-runs.ts) */
  figureSpaceEm: number;
}

/** The table finder for pages without ruling lines (stream-finder.ts). */
export interface StreamSettings {
  /** fragments closer than this (em) are words of one cell text (never across a number) */
  wordGapEm: number;
  /** a body line is tabular with at least this many pieces, one of them an amount */
  minPieces: number;
  /** a table needs at least this many tabular lines */
  minRows: number;
  /** a vertical gap larger than this (em) between two lines ends a table body */
  maxRowGapEm: number;
  /** at most this many non-tabular lines (wrapped labels) in a row inside a body */
  maxWrappedLines: number;
  /** header: at most this many lines above the body … */
  maxHeaderLines: number;
  /** … each no further than this (em) above the next … */
  headerGapEm: number;
  /** … and no longer than this (characters): a longer line is prose */
  maxHeaderChars: number;
  /** text edges (left, right or centre) of pieces within this (points) are one alignment */
  alignTol: number;
  /** a line without an amount joins the amount line it is this close to (em, middle to middle) */
  wrapJoinEm: number;
  /** pieces whose x-extents overlap with this slack (points) are one column strip */
  stripTol: number;
  /** a column edge sits this far (em) beyond its right-aligned amounts or before its left-aligned labels */
  edgePadEm: number;
  /** lines whose boxes overlap by this share of the font size are one printed row (a cell centred over several lines) */
  straddleOverlapEm: number;
  /** two runs of Han characters this far apart (em) on a line are two cells (Han text has no word spaces) */
  hanCellGapEm: number;
  /** a line in the page's margin band is a table row when no further from the table than this many times its usual line gap */
  edgeRowGapRatio: number;
  /** texts of lines without amounts that lie in no column make a column of their own when this many lines hold one (a label centred beside several lines) */
  labelOnlyLines: number;
  /** header leaves whose tops are within this (em) of the lowest are in the header's bottom band (headed by a merged cell above) */
  bottomBandEm: number;
  /** a label printed once in a column blank elsewhere covers the rows whose middle is within this share of the row pitch of its own (a cell merged down, merged-down.ts) */
  mergedCentreTol: number;
  // --- the seed's Chromium render without borders (issue 15): shifted-part.ts ---
  /** a gap this many times a continued table's usual line gap, with labels starting elsewhere below it, starts the rest of the table printed as a second table in other widths */
  shiftedGapRatio: number;
}

export interface ConfidenceSettings {
  /** a frame with every boundary drawn */
  ruled: number;
  /** a ruled frame some of whose rows come from text lines */
  ruledVirtualRows: number;
  /** a ruled frame some of whose columns come from text alignment */
  ruledVirtualColumns: number;
  /** both */
  ruledVirtualBoth: number;
  /** an unruled table with at least three aligned rows */
  stream: number;
  /** an unruled table of two aligned rows */
  streamFew: number;
}

export interface SegmentSettings {
  /** column edges of two grids within this (points) are the same edge: one table over a page break */
  continuationEdgeTol: number;
}

// --- table structure beyond the rules (issue 15): caption-rows.ts, header-bands.ts, repeated-headers.ts, adjacent-frames.ts ---
export interface StructureSettings {
  /** a table's first row, one cell of text starting so (case aside), is its caption (a regular expression) */
  captionStart: string;
  /** a one-cell row near the foot starting so opens the table's notes, lifted out with the rows after it */
  noteStart: string;
  /** the rows after a note's first row hold at most this many filled cells (a wrapped note, a page number) */
  noteRowMaxCells: number;
  /** a header line crosses a column boundary found from the text when it reaches this far (points) over it */
  headerCrossPad: number;
  /** a first row of heads repeated this many times across the width is a list wrapped into column groups: one table each */
  minSideBySide: number;
  /** two ruled frames with the same rows, facing each other across a gap up to this (points), are one table drawn in two blocks */
  frameJoinGap: number;
  // --- ICDAR 2013 row and column structure (issue 15, second pass): fill-rows.ts, section-lines.ts, sliver-columns.ts ---
  /** a band of shaded boxes as wide as a ruled frame, this close (points) to its top or bottom, is one more row of it */
  fillRowGap: number;
  /** a line without amounts is a section line of an unruled table when the rows beside it start this far (em) right of it … */
  sectionIndentEm: number;
  /** … and stand at least this share of the row pitch from it */
  sectionPitchShare: number;
  /** a column no wider than this (points), empty in every row, is the sliver between a double rule: no column (sliver-columns.ts) */
  sliverWidth: number;
  /** a line cut by a drawn rule, alone in its cell below it, is the clipped last line of the cell above when a line of that cell ends at most this far (em) over it (clipped-wrap.ts) */
  clippedLineGapEm: number;
}

export interface LayoutSettings {
  rules: RuleSettings;
  text: TextSettings;
  stream: StreamSettings;
  confidence: ConfidenceSettings;
  segment: SegmentSettings;
  structure: StructureSettings;
}

export const DEFAULT_LAYOUT_SETTINGS: Readonly<LayoutSettings> = Object.freeze({
  rules: { ruleThickness: 2.5, axisTol: 0.8, minEdge: 4, snapTol: 2, joinTol: 2.5, stackGap: 120, minCell: 3.5, minFrameWidth: 20, minFrameHeight: 8, drawnShare: 0.5 },
  text: { lineTolEm: 0.45, cellGapEm: 1.2, blockGapEm: 3, heading1Ratio: 1.45, heading2Ratio: 1.15, furnitureTop: 0.07, furnitureBottom: 0.92, furnitureMaxChars: 12, figureSpaceEm: 0.15 },
  stream: { wordGapEm: 0.4, minPieces: 2, minRows: 2, maxRowGapEm: 3.5, maxWrappedLines: 12, maxHeaderLines: 8, headerGapEm: 2.5, maxHeaderChars: 60, alignTol: 2, wrapJoinEm: 1.6, stripTol: 1, edgePadEm: 0.3, straddleOverlapEm: 0.2, hanCellGapEm: 0.2, edgeRowGapRatio: 1.5, labelOnlyLines: 2, bottomBandEm: 0.25, mergedCentreTol: 0.25, shiftedGapRatio: 1.5 },
  confidence: { ruled: 0.95, ruledVirtualRows: 0.8, ruledVirtualColumns: 0.75, ruledVirtualBoth: 0.7, stream: 0.6, streamFew: 0.45 },
  segment: { continuationEdgeTol: 6 },
  structure: {
    captionStart: String.raw`^(table|exhibit|figure|chart)\s+[a-z]?\.?\d`,
    noteStart: String.raw`^(notes?|sources?|abbreviations?|exhibit reads)\s*[:.]`,
    noteRowMaxCells: 2,
    headerCrossPad: 2,
    minSideBySide: 3,
    frameJoinGap: 6,
    fillRowGap: 6,
    sectionIndentEm: 0.5,
    sectionPitchShare: 0.9,
    sliverWidth: 10,
    clippedLineGapEm: 0.6,
  },
});

/** What a caller may give: any subset of any group. */
export type LayoutOverrides = { [K in keyof LayoutSettings]?: Partial<LayoutSettings[K]> };

/** The defaults with the caller's overrides laid over them, group by group. */
export function layoutSettings(over: LayoutOverrides = {}): LayoutSettings {
  const d = DEFAULT_LAYOUT_SETTINGS;
  return {
    rules: { ...d.rules, ...over.rules },
    text: { ...d.text, ...over.text },
    stream: { ...d.stream, ...over.stream },
    confidence: { ...d.confidence, ...over.confidence },
    segment: { ...d.segment, ...over.segment },
    structure: { ...d.structure, ...over.structure },
  };
}
