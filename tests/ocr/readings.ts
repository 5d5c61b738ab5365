/** Recogniser readings for OCR unit tests: a text read at 0.99 but at the places given, with their runners-up. */
import type { Reading } from '../../extractors/ocr/ocr-correct.js';

export function reading(text: string, unsure: [number, number, { ch: string; p: number }[]][] = []): Reading {
  const chars = Array.from(text);
  const probs = chars.map(() => 0.99);
  const alts = chars.map(() => [] as { ch: string; p: number }[]);
  for (const [i, p, a] of unsure) (probs[i] = p), (alts[i] = a);
  return { text, probs, alts };
}
