/**
 * The intermediate form to the document model: segmentation, then each table, the 绩效目标表
 * records and the narrative figures, with document-level department, year and kind.
 */
import type { Document, OverallPerformance, Project, Table } from '../../schemas/document.js';
import type { Diagnostic, SourceDocument } from '../../schemas/intermediate.js';
import type { SegmentSettings } from '../../extractors/pdf/layout-settings.js';
import { segment } from '../segment/segment.js';
import { VERSION } from '../version.js';
import { buildMatrix } from './matrix.js';
import { narrativeFigures } from './narrative.js';
import { isOverallPerformanceGrid, isProjectPerformanceGrid, readOverallPerformance, readProject } from './performance.js';
import { interpretTable, titleYear } from './table.js';

function mostCommon<T>(xs: (T | undefined)[]): T | undefined {
  const counts = new Map<T, number>();
  for (const x of xs) if (x !== undefined) counts.set(x, (counts.get(x) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
}

function documentKind(texts: string[], name: string): Document['docKind'] {
  const hay = `${name} ${texts.join(' ')}`;
  const m = /(部门|单位)(预算|决算)/.exec(hay);
  return m ? (`${m[1]}${m[2]}` as Document['docKind']) : undefined;
}

export function interpretDocument(src: SourceDocument, settings?: SegmentSettings): Document {
  const seg = segment(src.blocks, settings);
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
  const department = mostCommon(tables.map((t) => t.department));
  const year = mostCommon(tables.map((t) => t.year)) ?? titleYear(seg.narrative.slice(0, 10).map((b) => b.text).join(' '));
  const docKind = documentKind(src.blocks.slice(0, 40).flatMap((b) => (b.type === 'text' ? [b.text] : [])), src.source.name);
  const standard = tables.filter((t) => t.kind !== 'project_performance' && t.kind !== 'overall_performance');
  if (!tables.length) {
    // a narrative-only part of a disclosure (…公开文件) is normal; nothing readable at all is not
    const hasText = seg.narrative.length > 0;
    diagnostics.push(
      hasText
        ? { severity: 'warning', code: 'document.no-tables', message: `${src.source.name}: no tables found; text only (a narrative document, or a layout yusuan does not know)` }
        : { severity: 'error', code: 'document.unknown-layout', message: `${src.source.name}: no tables and no text found (unknown layout)` },
    );
  }
  for (const t of standard) diagnostics.push(...t.diagnostics);
  for (const t of tables.filter((t) => !standard.includes(t))) diagnostics.push(...t.diagnostics);
  const status: Document['status'] = diagnostics.some((d) => d.severity === 'error' || (d.severity === 'warning' && /^(cell\.unreadable|grid\.)/.test(d.code)))
      ? 'partial'
      : 'success';
  return {
    yusuan: VERSION,
    source: { ...src.source },
    status,
    ...(department ? { department } : {}),
    ...(year ? { year } : {}),
    ...(docKind ? { docKind } : {}),
    tables,
    projects,
    overallPerformance: overall,
    narrative: narrativeFigures(seg.narrative),
    text: seg.narrative.map((b) => ({ text: b.text, ...(b.page ? { page: b.page } : {}), ...(b.heading ? { heading: b.heading } : {}) })),
    diagnostics,
  };
}
