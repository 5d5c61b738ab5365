import type { TextFrag } from '../../extractors/pdf/text-items.js';

/** A fragment of text at (x, baseline y), 10pt, width by character class. */
export function frag(text: string, x: number, base: number, size = 10): TextFrag {
  const w = Array.from(text).reduce((s, c) => s + (c.charCodeAt(0) > 0x2e80 ? size : size * 0.55), 0);
  const cuts = [x];
  let cx = x;
  for (const c of text) {
    cx += c.charCodeAt(0) > 0x2e80 ? size : size * 0.55;
    cuts.push(cx);
  }
  return { text, x0: x, x1: x + w, y0: base - size * 0.86, y1: base + size * 0.14, base, size, font: 'f', cuts };
}

