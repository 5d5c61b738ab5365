/**
 * The seed text against its ground truth with the shared scorer (skipped without ../shared).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extract } from '../src/pipeline.js';
import { writeDocumentOutputs } from '../src/export/write-outputs.js';
import { SEED, SHARED, TRUTH, hasShared } from './helpers.js';

describe.skipIf(!hasShared)('seed text (../shared)', () => {
  it('scores recall 1 and precision 1', async () => {
    const out = mkdtempSync(join(tmpdir(), 'yusuan-seed-'));
    const doc = await extract(SEED);
    await writeDocumentOutputs(doc, join(out, 'xinzhou-xinfang-2024-budget'));
    const printed = execFileSync('python3', [join(SHARED, 'tools/score.py'), TRUTH, join(out, 'xinzhou-xinfang-2024-budget/facts.csv')], { encoding: 'utf8' });
    expect(printed.trim().split('\n').pop()).toBe('recall 1.0000 (291/291) precision 1.0000 (291/291)');
  });

  it('holds the 10 projects with their annual funds, the 部门整体 table and the narrative figures', async () => {
    const doc = await extract(SEED);
    expect(doc.projects).toHaveLength(10);
    expect(doc.projects.find((p) => p.name === '安保人员及委托业务经费')?.annualFunds.total).toBe('400000');
    expect(doc.projects.every((p) => p.indicators.length >= 10)).toBe(true);
    expect(doc.overallPerformance).toHaveLength(1);
    expect(doc.overallPerformance[0].funds.find((f) => f.label.includes('基本支出'))?.value).toBe('298.21');
    const n = doc.narrative;
    expect(n).toContainEqual(expect.objectContaining({ kind: 'amount', subject: expect.stringContaining('预算收入总计'), value: '694.34', unit: '万元' }));
    expect(n).toContainEqual(expect.objectContaining({ kind: 'change', value: '151.26', direction: 'increase', subject: expect.stringContaining('预算收入总计') }));
    expect(n).toContainEqual(expect.objectContaining({ kind: 'growth', value: '27.85', unit: '%' }));
  });
});
