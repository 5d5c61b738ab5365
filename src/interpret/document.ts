/**
 * The intermediate form to the document model: segmentation, then each table, the 绩效目标表
 * records and the narrative figures, with document-level department, year and kind.
 */
import type { Document, OverallPerformance, Project, Table } from '../../schemas/document.js';
import type { Diagnostic, SourceDocument } from '../../schemas/intermediate.js';
import type { SegmentSettings } from '../core/layout-settings.js';
import { segment } from '../segment/segment.js';
import { VERSION } from '../version.js';
import { headlineFigures } from './headlines.js';
import { documentIdentity } from './identity.js';
import { buildMatrix } from './matrix.js';
import { loadOrgAliases, type OrgAliases } from './org-names.js';
import { narrativeFigures } from './narrative.js';
import { isOverallPerformanceGrid, isProjectPerformanceGrid, readOverallPerformance, readProject } from './performance.js';
import { documentStatus, mentionsBudget, NO_BUDGET_CONTENT } from './status.js';
import { interpretTable, titleYear } from './table.js';

function mostCommon<T>(xs: (T | undefined)[]): T | undefined {
  const counts = new Map<T, number>();
  for (const x of xs) if (x !== undefined) counts.set(x, (counts.get(x) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
}

export interface InterpretOptions {
  /** the organisation alias table (default: the project's data/org-aliases.csv and YUSUAN_ORG_ALIASES) */
  orgAliases?: OrgAliases;
  /** segmentation tuning values (the segment part of the layout settings, src/core/layout-settings.ts) */
  segment?: SegmentSettings;
}

export function interpretDocument(src: SourceDocument, opts: InterpretOptions = {}): Document {
  const seg = segment(src.blocks, opts.segment);
  const tables: Table[] = [];
  const projects: Project[] = [];
  const overall: OverallPerformance[] = [];
  const diagnostics: Diagnostic[] = [...src.diagnostics];
  seg.tables.forEach((ts, i) => {
    const id = i + 1;
    const m = buildMatrix(ts.grids);
    const isProject = isProjectPerformanceGrid(m);
    const isOverall = !isProject && isOverallPerformanceGrid(m);
    const title = ts.title || (isProject || isOverall ? ts.caption ?? '' : '');
    const generic = interpretTable({ ...ts, title }, id, isProject ? 'project_performance' : isOverall ? 'overall_performance' : undefined, m);
    const form = isProject || isOverall || generic.kind === 'project_performance' || generic.kind === 'overall_performance';
    // a 绩效目标表 is a form, not a grid of amounts: its figures are in the record, and the
    // grid-level diagnostics (unit line, unread amount cells, ragged rows) do not apply
    const table: Table = form
      ? {
          ...generic,
          rows: [],
          columns: [],
          quality: { ...generic.quality, amountCells: 0, unreadCells: 0 },
          diagnostics: [],
        }
      : generic;
    if (isProject || table.kind === 'project_performance') {
      const p = readProject(m, id, table.diagnostics);
      projects.push(p);
      // a form, not a grid of amounts: its figures are in the project record
      tables.push({ ...table, kind: 'project_performance', empty: !p.annualFunds.total, ...(p.fundsUnit ? { unit: p.fundsUnit } : {}) });
    } else if (isOverall || table.kind === 'overall_performance') {
      overall.push(readOverallPerformance(m, id, title, table.diagnostics));
      tables.push({ ...table, kind: 'overall_performance' });
    } else tables.push(table);
  });
  const printedYear = mostCommon(tables.map((t) => t.year)) ?? titleYear(seg.narrative.slice(0, 10).map((b) => b.text).join(' '));
  const ident = documentIdentity({
    blocks: src.blocks.flatMap((b) => (b.type === 'text' ? [b] : [])),
    narrative: seg.narrative,
    tables,
    ...(printedYear ? { year: printedYear } : {}),
    name: src.source.name,
    sha256: src.source.sha256,
    aliases: opts.orgAliases ?? loadOrgAliases(),
  });
  diagnostics.push(...ident.diagnostics);
  // a department line cut short (江苏省高级人民法 / 院 wrapped under the 单位 line) is the full name
  for (const t of tables) {
    const full = t.department ? ident.fullNames.get(t.department.replace(/\s+/g, '')) : undefined;
    if (full && full !== t.department) t.department = full;
  }
  const { identity } = ident;
  const department = identity.organisation ?? mostCommon(tables.map((t) => t.department));
  const year = identity.year;
  const docKind = identity.doc_kind;
  const standard = tables.filter((t) => t.kind !== 'project_performance' && t.kind !== 'overall_performance');
  if (!tables.length) {
    // a narrative-only part of a disclosure (…公开文件) is normal; text that never speaks of a
    // budget (a saved 404 page, "hello") or no text at all is not a disclosure
    diagnostics.push(
      mentionsBudget(seg.narrative.map((b) => b.text))
        ? { severity: 'warning', code: 'document.no-tables', message: `${src.source.name}: no tables found; text only (a narrative document, or a layout yusuan does not know)` }
        : { severity: 'error', code: NO_BUDGET_CONTENT, message: `${src.source.name}: no budget content: no table and no text about a budget (not a disclosure, or a layout yusuan does not know)` },
    );
  }
  for (const t of standard) diagnostics.push(...t.diagnostics);
  for (const t of tables.filter((t) => !standard.includes(t))) diagnostics.push(...t.diagnostics);
  const status = documentStatus(diagnostics);
  return {
    yusuan: VERSION,
    source: { ...src.source },
    status,
    ...(department ? { department } : {}),
    ...(year ? { year } : {}),
    ...(docKind ? { docKind } : {}),
    identity,
    tables,
    projects,
    overallPerformance: overall,
    narrative: narrativeFigures(seg.narrative),
    text: seg.narrative.map((b) => ({ text: b.text, ...(b.page ? { page: b.page } : {}), ...(b.heading ? { heading: b.heading } : {}) })),
    headlines: headlineFigures({ tables, ...(docKind ? { docKind } : {}) }),
    diagnostics,
  };
}
