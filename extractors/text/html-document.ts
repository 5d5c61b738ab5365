/**
 * A whole HTML page to blocks: headings and paragraphs as text, tables as grids, in document order.
 */
import { parseDocument } from 'htmlparser2';
import type { Element, ChildNode } from 'domhandler';
import type { Block } from '../../schemas/intermediate.js';
import { cellText, tableToRows } from './html-table.js';
import { checkElementDepth } from './limits.js';

const BLOCK_TAGS = new Set(['p', 'div', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'caption', 'pre', 'blockquote', 'section', 'article', 'body', 'header', 'footer', 'main']);

export function htmlBlocks(html: string, file = 'input'): Block[] {
  const doc = parseDocument(html);
  checkElementDepth(file, doc);
  const blocks: Block[] = [];
  let inline = '';
  const flush = (heading?: number) => {
    const t = inline.replace(/\s+/g, ' ').trim();
    if (t) blocks.push(heading ? { type: 'text', text: t, heading } : { type: 'text', text: t });
    inline = '';
  };
  const walk = (nodes: ChildNode[]) => {
    for (const n of nodes) {
      if (n.type === 'text') inline += (n as unknown as { data: string }).data;
      else if (n.type === 'tag') {
        const e = n as Element;
        if (e.name === 'script' || e.name === 'style' || e.name === 'head') continue;
        if (e.name === 'table') {
          flush();
          blocks.push({ type: 'grid', rows: tableToRows(e), method: 'html', confidence: 1 });
          continue;
        }
        if (e.name === 'br') { inline += ' '; continue; }
        const hm = /^h([1-6])$/.exec(e.name);
        if (hm) {
          flush();
          inline = cellText(e);
          flush(Number(hm[1]));
          continue;
        }
        if (e.name === 'hr' || (e.attribs.style ?? '').includes('page-break-before') || (e.attribs.class ?? '').split(/\s+/).includes('page-break')) {
          flush();
          blocks.push({ type: 'pagebreak' });
          if (e.name === 'hr') continue;
        }
        if (BLOCK_TAGS.has(e.name)) {
          flush();
          walk(e.children);
          flush();
        } else walk(e.children);
      }
    }
  };
  walk(doc.children);
  flush();
  return blocks;
}
