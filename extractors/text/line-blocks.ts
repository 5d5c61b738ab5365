/**
 * Text and markdown renderings (what PDF-to-markdown converters produce) to blocks:
 * `#` headings, paragraphs, tab-separated rows, markdown pipe tables, embedded HTML <table>
 * fragments, and the `---------` page-break artefact. Blank lines end a grid; the segmenter
 * joins grids that continue one table.
 */
import { parseDocument } from 'htmlparser2';
import { DomUtils } from 'htmlparser2';
import type { Element } from 'domhandler';
import type { Block, GridRow } from '../../schemas/intermediate.js';
import { tableToRows } from './html-table.js';
import { checkElementDepth } from './limits.js';

const HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/;
const PIPE_ROW = /^\s*\|.*\|\s*$/;
const PIPE_SEPARATOR = /^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/;
const DASHES = /^-{3,}$/;

function splitPipeRow(line: string): string[] {
  const inner = line.trim().replace(/^\|/, '').replace(/\|$/, '');
  // split on unescaped pipes
  return inner.split(/(?<!\\)\|/).map((c) => c.replace(/\\\|/g, '|').trim());
}

function isPageBreakRow(cells: string[]): boolean {
  const filled = cells.map((c) => c.trim()).filter(Boolean);
  return filled.length > 0 && filled.every((c) => DASHES.test(c));
}

export function lineBlocks(text: string, file = 'input'): Block[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  let grid: { rows: GridRow[]; method: 'tsv' | 'pipe' } | null = null;
  const endGrid = () => {
    if (grid && grid.rows.length) blocks.push({ type: 'grid', rows: grid.rows, method: grid.method, confidence: 1 });
    grid = null;
  };
  const addRow = (cells: string[], method: 'tsv' | 'pipe') => {
    if (isPageBreakRow(cells)) {
      endGrid();
      blocks.push({ type: 'pagebreak' });
      return;
    }
    if (grid && grid.method !== method) endGrid();
    grid ??= { rows: [], method };
    grid.rows.push({ cells: cells.map((text) => ({ text })) });
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (/<table[\s>]/i.test(line)) {
      endGrid();
      // gather the fragment up to its closing tag (tables may span many lines)
      let html = line;
      let depth = (line.match(/<table[\s>]/gi) ?? []).length - (line.match(/<\/table>/gi) ?? []).length;
      while (depth > 0 && i + 1 < lines.length) {
        const next = lines[++i];
        html += `\n${next}`;
        depth += (next.match(/<table[\s>]/gi) ?? []).length - (next.match(/<\/table>/gi) ?? []).length;
      }
      const doc = parseDocument(html);
      checkElementDepth(file, doc);
      const before = html.slice(0, html.search(/<table[\s>]/i)).trim();
      if (before) blocks.push({ type: 'text', text: before });
      for (const t of DomUtils.findAll((e) => e.name === 'table', doc.children) as Element[]) {
        if (DomUtils.findOne((e) => e.name === 'table', t.children, true)) continue; // outer layout table
        blocks.push({ type: 'grid', rows: tableToRows(t), method: 'html', confidence: 1 });
      }
      const after = html.slice(html.toLowerCase().lastIndexOf('</table>') + 8).trim();
      if (after) blocks.push({ type: 'text', text: after });
      continue;
    }
    if (line.includes('\t')) {
      addRow(line.split('\t'), 'tsv');
      continue;
    }
    if (PIPE_ROW.test(line)) {
      if (PIPE_SEPARATOR.test(line)) continue;
      addRow(splitPipeRow(line), 'pipe');
      continue;
    }
    endGrid();
    const trimmed = line.trim();
    if (!trimmed) continue;
    if (DASHES.test(trimmed)) {
      blocks.push({ type: 'pagebreak' });
      continue;
    }
    const h = HEADING.exec(trimmed);
    if (h) blocks.push({ type: 'text', text: h[2], heading: h[1].length });
    else blocks.push({ type: 'text', text: trimmed.replace(/^[-*+]\s+/, '') });
  }
  endGrid();
  return blocks;
}
