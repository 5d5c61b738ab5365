/**
 * An HTML <table> (as converters embed in markdown, or in a whole HTML page) to grid rows,
 * keeping rowspan/colspan as printed: interpretation expands them.
 */
import type { Element } from 'domhandler';
import { DomUtils } from 'htmlparser2';
import type { GridRow } from '../../schemas/intermediate.js';

function span(el: Element, name: string): number {
  const n = Number.parseInt(el.attribs[name] ?? '1', 10);
  return Number.isFinite(n) && n > 0 ? Math.min(n, 1000) : 1;
}

/** Cell text: <br> and block children become spaces, so wrapped labels read like the text rendering. */
export function cellText(el: Element): string {
  const parts: string[] = [];
  const walk = (nodes: Element['children']) => {
    for (const n of nodes) {
      if (n.type === 'text') parts.push((n as unknown as { data: string }).data);
      else if (n.type === 'tag') {
        const e = n as Element;
        if (e.name === 'br') parts.push(' ');
        else {
          walk(e.children);
          if (/^(p|div|li)$/.test(e.name)) parts.push(' ');
        }
      }
    }
  };
  walk(el.children);
  return parts.join('');
}

function isBold(el: Element): boolean {
  return el.name === 'th' || DomUtils.findOne((e) => e.name === 'b' || e.name === 'strong', el.children, true) !== null;
}

/** Rows of one table element; nested tables are not descended into for the outer grid. */
export function tableToRows(table: Element): GridRow[] {
  const rows: GridRow[] = [];
  const visit = (el: Element) => {
    for (const child of el.children) {
      if (child.type !== 'tag') continue;
      const e = child as Element;
      if (e.name === 'tr') {
        const cells = e.children
          .filter((c): c is Element => c.type === 'tag' && ((c as Element).name === 'td' || (c as Element).name === 'th'))
          .map((td) => ({
            text: cellText(td).replace(/\s+/g, ' ').trim(),
            colSpan: span(td, 'colspan'),
            rowSpan: span(td, 'rowspan'),
            ...(isBold(td) ? { bold: true } : {}),
          }));
        rows.push({ cells });
      } else if (e.name !== 'table') {
        visit(e); // thead, tbody, tfoot
      }
    }
  };
  visit(table);
  return rows;
}
