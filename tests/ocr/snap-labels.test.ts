/**
 * OCR reads an unsure label against what the project knows (extractors/ocr/vocabulary.ts): a
 * subject name against the name of its printed code, only where the recogniser itself was unsure
 * of every character that differs and the edit is small.
 */
import { describe, expect, it } from 'vitest';
import { TABLE_KIND_DEFS } from '../../schemas/table-kinds.js';
import { SUBJECT_NAMES } from '../../src/core/subject-names.js';
import { snapToSubjectName } from '../../extractors/ocr/snap-labels.js';
import { BUDGET_WORDS, SUBJECT_NAMES_BY_CODE } from '../../extractors/ocr/vocabulary.js';

const probs = (text: string, unsure: Record<number, number> = {}) => Array.from(text).map((_, i) => unsure[i] ?? 0.99);

describe('OCR vocabulary', () => {
  it('reads the table-kind registry and the subject names, not a list of its own', () => {
    for (const d of TABLE_KIND_DEFS.filter((d) => d.kind !== 'unknown')) expect(BUDGET_WORDS.has(d.name.split(' / ')[0])).toBe(true);
    for (const s of SUBJECT_NAMES) expect(SUBJECT_NAMES_BY_CODE.get(s.code)).toEqual(expect.arrayContaining([s.name, ...s.former]));
    expect(SUBJECT_NAMES_BY_CODE.get('2010101')).toContain('行政运行');
    // printed half-width, held in the full-width form OCR text is given in
    expect(SUBJECT_NAMES_BY_CODE.get('30213')).toContain('维修（护）费');
  });
});

describe('snapToSubjectName', () => {
  it('reads a label one unsure character off as the name of its code', () => {
    expect(snapToSubjectName('2010101', '行政运衍', probs('行政运衍', { 3: 0.6 }))).toEqual({ text: '行政运行', changed: [3] });
    // a character read where none is printed, unsure
    expect(snapToSubjectName('2010101', '行政运行一', probs('行政运行一', { 4: 0.5 }))).toEqual({ text: '行政运行', changed: [4] });
  });

  it('leaves a label whose differing characters the recogniser was sure of', () => {
    expect(snapToSubjectName('2010101', '行政运衍', probs('行政运衍'))).toBeUndefined();
  });

  it('leaves a label that is far from every name of the code, or already one', () => {
    expect(snapToSubjectName('2010101', '机关服务', probs('机关服务', { 0: 0.1, 1: 0.1, 2: 0.1, 3: 0.1 }))).toBeUndefined();
    expect(snapToSubjectName('2010101', '行政运行', probs('行政运行', { 0: 0.1 }))).toBeUndefined();
    expect(snapToSubjectName('9999999', '行政运衍', probs('行政运衍', { 3: 0.1 }))).toBeUndefined();
  });

  it('puts in no character the recogniser did not read', () => {
    expect(snapToSubjectName('2010101', '行政运', probs('行政运', { 2: 0.1 }))).toBeUndefined();
  });
});
