/**
 * Bounds on what a text rendering may ask of the reader, so that a hostile file ends in bounded
 * time and memory with its own reason (`too-large`) instead of running a worker out of heap or
 * stack: its size, how deep its tables nest before parsing (the HTML parser slows down
 * quadratically on thousands of unclosed tables), and how deep its elements nest after (the
 * walkers recurse).
 */
import type { Document as DomDocument, ChildNode } from 'domhandler';
import { ExtractionError } from '../../src/core/errors.js';

/** Largest text, markdown or HTML input read (bytes): real disclosures are a few MB at most. */
export const MAX_TEXT_BYTES = 32 * 1024 * 1024;
/** Deepest nesting of <table> elements (real pages: 1–3). */
export const MAX_TABLE_NESTING = 32;
/** Deepest element nesting of a parsed page (real pages: a few dozen). */
export const MAX_ELEMENT_DEPTH = 512;

export function checkTextSize(file: string, bytes: number): void {
  if (bytes > MAX_TEXT_BYTES) {
    throw new ExtractionError(file, 'too-large', `the text is ${(bytes / 1048576).toFixed(1)} MB, over the ${MAX_TEXT_BYTES / 1048576} MB limit for text, markdown and HTML inputs`);
  }
}

/** Before parsing: how deep <table> tags nest, closing tags or not. */
export function checkTableNesting(file: string, html: string): void {
  let depth = 0;
  for (const m of html.matchAll(/<(\/?)table\b/gi)) {
    depth = m[1] ? Math.max(0, depth - 1) : depth + 1;
    if (depth > MAX_TABLE_NESTING) throw new ExtractionError(file, 'too-large', `tables nested more than ${MAX_TABLE_NESTING} deep (unclosed or nested <table> tags): not a disclosure page yusuan can read`);
  }
}

/** After parsing: the deepest element, found without recursion. */
export function checkElementDepth(file: string, doc: DomDocument): void {
  const stack: [ChildNode[], number][] = [[doc.children, 1]];
  while (stack.length) {
    const [nodes, depth] = stack.pop()!;
    if (depth > MAX_ELEMENT_DEPTH) throw new ExtractionError(file, 'too-large', `elements nested more than ${MAX_ELEMENT_DEPTH} deep: not a disclosure page yusuan can read`);
    for (const n of nodes) if ('children' in n && n.children.length) stack.push([n.children, depth + 1]);
  }
}
