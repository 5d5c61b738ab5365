/**
 * Han text has no word spaces: two runs of Han characters a visible gap apart on one line are two
 * cells printed edge to edge (当年预算安排 | 上年结转安排 in columns just wide enough for them), even
 * where the gap is narrower than a Latin word space.
 */
import type { TextFrag } from './text-items.js';

const HAN_END = /\p{Script=Han}$/u;
const HAN_START = /^\p{Script=Han}/u;

/** Whether fragments `prev` then `next` are Han text at least `minGapEm` apart (so, two cells). */
export function hanCellGap(prev: TextFrag, next: TextFrag, minGapEm: number): boolean {
  return HAN_END.test(prev.text) && HAN_START.test(next.text) && next.x0 - prev.x1 >= minGapEm * Math.min(prev.size, next.size);
}
