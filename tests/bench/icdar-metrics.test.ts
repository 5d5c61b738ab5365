/**
 * The ICDAR 2013 bench's measures (scripts/icdar-metrics.ts). The SequenceMatcher figures are
 * Python difflib's own results for the same inputs, so the TEDS proxy is Camelot's.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { adjacencyRelations, camelotScore, gridStructure, parseStructureXml, relationScore, sequenceRatio, shape, simpleTeds, withoutEmptyLead } from '../../scripts/icdar-metrics.js';
import { SHARED } from '../helpers.js';

describe('difflib ratio', () => {
  it('matches Python on small and on autojunk-sized sequences', () => {
    expect(sequenceRatio([...'abcd'], [...'axcd'])).toBeCloseTo(0.75, 12);
    expect(sequenceRatio(['1', '2', ''], ['1', '', '2'])).toBeCloseTo(2 / 3, 12);
    const a = [...Array(150).fill('x'), 'a', 'b', ...Array(100).fill('x')];
    const b = [...Array(120).fill('x'), 'a', 'b', 'c', ...Array(130).fill('x')];
    expect(sequenceRatio(a, b)).toBeCloseTo(0.48316831683168315, 12);
  });
});

const xml = `<document><table id='1'><region page='2' id='1'>
  <cell start-row='0' start-col='0' end-col='1'><content>Country</content></cell>
  <cell start-row='1' start-col='0'><content>Austria</content></cell>
  <cell start-row='1' start-col='1'><content>86.2</content></cell>
</region></table></document>`;

describe('ground truth and found grids', () => {
  it('places a spanning cell at its start, as Camelot does, and keeps its span for relations', () => {
    const [r] = parseStructureXml(xml);
    expect(r.page).toBe(2);
    expect(r.matrix).toEqual([['Country', ''], ['Austria', '86.2']]);
    expect(adjacencyRelations(r).sort()).toEqual(['h|Austria|86.2', 'v|Country|86.2', 'v|Country|Austria'].sort());
  });

  it('scores a found grid equal to the truth as perfect, and a row read into one cell as not', () => {
    const [r] = parseStructureXml(xml);
    const good = gridStructure(2, [{ cells: [{ text: 'Country', colSpan: 2 }] }, { cells: [{ text: 'Austria' }, { text: '86.2' }] }]);
    expect(good.matrix).toEqual(r.matrix);
    const truth = new Map([['d', new Map([[2, [r.matrix]]])]]);
    expect(camelotScore(new Map([['d', new Map([[2, [good.matrix]]])]]), truth)).toMatchObject({ f1: 1, teds: 1, row: 1, col: 1 });
    const bad = gridStructure(2, [{ cells: [{ text: 'Country' }] }, { cells: [{ text: 'Austria 86.2' }] }]);
    const s = camelotScore(new Map([['d', new Map([[2, [bad.matrix]]])]]), truth);
    expect(s.col).toBe(0);
    expect(simpleTeds(bad.matrix, r.matrix)).toBeLessThan(0.5);
    const rel = relationScore(new Map([['d', new Map([[2, [bad.structured]]])]]), new Map([['d', new Map([[2, [r]]])]]));
    expect(rel).toMatchObject({ truth: 3, found: 1, correct: 0 });
  });

  it('a region numbered from 1 keeps its empty first row and column in Camelot\'s reading; the diagnostic drops them', () => {
    const [r] = parseStructureXml(
      `<document><table><region page="2"><cell start-row="1" start-col="1"><content>Species</content></cell><cell start-row="1" start-col="2"><content>Percent</content></cell><cell start-row="2" start-col="1"><content>Mink</content></cell><cell start-row="2" start-col="2"><content>29%</content></cell></region></table></document>`,
    );
    // as Camelot's bench parses it: the grid as large as the largest start, so 3 x 3
    expect(shape(r.matrix)).toEqual([3, 3]);
    expect(withoutEmptyLead(r.matrix)).toEqual([['Species', 'Percent'], ['Mink', '29%']]);
    // a region numbered from 0 is left as it is
    const [z] = parseStructureXml(xml);
    expect(withoutEmptyLead(z.matrix)).toEqual(z.matrix);
  });

  const us025 = resolve(SHARED, 'benchmarks/icdar2013/competition-dataset-us/us-025-str.xml');
  it.skipIf(!existsSync(us025))('reads a structure file of the set (when the set is beside the project)', () => {
    const regions = parseStructureXml(readFileSync(us025, 'utf8'));
    expect(regions.length).toBeGreaterThan(0);
    expect(regions[0].matrix[0][0]).toBe('Characteristic');
  });
});
