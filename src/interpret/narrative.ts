/**
 * Figures the narrative states about the tables: amounts (X万元), changes (比上年增加/减少 X万元),
 * growth rates (增长/下降 Y%) and shares (占 Z%), each with the sentence it comes from so that a
 * reader can check it against the tables.
 */
import type { NarrativeFigure } from '../../schemas/document.js';
import type { TextBlock } from '../../schemas/intermediate.js';
import { cleanText } from '../core/text.js';

const FIGURE = /(-?\d[\d,]*(?:\.\d+)?)\s*(万元|亿元|元|%)/g;
const BOUNDARY = /[，,：:；;。、]/;
const GROWTH_WORD = /(增长|下降|增加|减少|上升|降低|提高)了?(?:约)?$/;

function clauseBefore(sentence: string, end: number): string {
  let i = end;
  while (i > 0 && !BOUNDARY.test(sentence[i - 1])) i--;
  return sentence.slice(i, end).trim();
}

function direction(word: string): 'increase' | 'decrease' {
  return /增长|增加|上升|提高/.test(word) ? 'increase' : 'decrease';
}

export function sentencesOf(text: string): string[] {
  return text
    .split(/(?<=[。；;])|\n/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

export function figuresOfSentence(sentence: string, where: { page?: number } = {}): NarrativeFigure[] {
  const out: NarrativeFigure[] = [];
  let lastSubject = '';
  let firstSubject: string | undefined;
  let firstEnd = 0;
  for (const m of sentence.matchAll(FIGURE)) {
    const at = m.index ?? 0;
    const value = m[1].replace(/,/g, '');
    if (!/^-?\d+(\.\d+)?$/.test(value)) continue;
    const unit = m[2] as NarrativeFigure['unit'];
    const clause = clauseBefore(sentence, at);
    const base = { value, unit, sentence, ...(where.page ? { page: where.page } : {}) };
    const growth = GROWTH_WORD.exec(clause);
    // after 其中 the sentence lists parts; a change stated after them is about the whole (the first figure)
    const about = firstSubject !== undefined && /其中/.test(sentence.slice(firstEnd, at)) ? firstSubject : lastSubject;
    const comparedTo = /比(上年|上一年|\d{4}年)/.exec(clause) ?? /比(上年|上一年|\d{4}年)/.exec(sentence.slice(0, at));
    if (unit === '%') {
      if (growth) out.push({ kind: 'growth', subject: about, direction: direction(growth[1]), ...(comparedTo ? { previous: comparedTo[1] } : {}), ...base });
      else if (/占/.test(clause)) out.push({ kind: 'share', subject: lastSubject, ...base });
      continue;
    }
    if (growth && comparedTo) {
      out.push({ kind: 'change', subject: about, direction: direction(growth[1]), previous: comparedTo[1], ...base });
      continue;
    }
    const subject = clause.replace(/(为|是|共计|达|约)$/, '').trim();
    lastSubject = subject;
    if (firstSubject === undefined) {
      firstSubject = subject;
      firstEnd = at + m[0].length;
    }
    out.push({ kind: 'amount', subject, ...base });
    // 与上年预算数相同 / 持平: a stated zero change
    const after = sentence.slice(at + m[0].length, at + m[0].length + 16);
    if (/^[，,]?\s*(与上年(预算数?|决算数?)?相同|与上年持平|持平)/.test(after)) {
      out.push({ kind: 'change', subject, value: '0', unit, direction: 'same', previous: '上年', sentence, ...(where.page ? { page: where.page } : {}) });
    }
  }
  return out;
}

const SENTENCE_END = /[。；;：:！？!?]$/;
const STARTS_ITEM = /^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|\d{1,2}[、.．](?!\d)|第[一二三四五六七八九十]+部分|[①②③④⑤⑥⑦⑧⑨⑩])/;

/**
 * PDF text comes one printed line per block: a sentence wrapped over lines (or pages) is joined
 * back into its paragraph before it is read, unless a line ends a sentence, a heading stands
 * alone, or the next line starts a new numbered item.
 */
export function paragraphsOf(blocks: TextBlock[]): TextBlock[] {
  const out: TextBlock[] = [];
  for (const b of blocks) {
    const text = cleanText(b.text);
    const prev = out[out.length - 1];
    if (prev && !prev.heading && !b.heading && !SENTENCE_END.test(prev.text) && !STARTS_ITEM.test(text)) {
      out[out.length - 1] = { ...prev, text: `${prev.text}${text}` };
    } else out.push({ ...b, text });
  }
  return out;
}

export function narrativeFigures(blocks: TextBlock[]): NarrativeFigure[] {
  return paragraphsOf(blocks).flatMap((b) => sentencesOf(b.text).flatMap((s) => figuresOfSentence(s, b.page ? { page: b.page } : {})));
}
