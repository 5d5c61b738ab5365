/** Issue case 6: text cells that a spreadsheet would run as formulas are neutralised in every CSV. */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { toCsv } from '../../src/export/csv.js';
import { neutralizeFormula } from '../../src/export/formula-guard.js';
import { writeDocumentOutputs } from '../../src/export/write-outputs.js';
import { extract } from '../../src/pipeline.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('formula neutralisation', () => {
  it('prefixes = + - @ TAB CR text, never numbers', () => {
    expect(neutralizeFormula('=HYPERLINK("http://x","y")')).toBe(`'=HYPERLINK("http://x","y")`);
    expect(neutralizeFormula(`=cmd|' /C calc'!A0`)).toBe(`'=cmd|' /C calc'!A0`);
    for (const c of ['+1+2', '-A1', '@SUM(A1)', '\tx', '\rx']) expect(neutralizeFormula(c)).toBe(`'${c}`);
    for (const c of ['-12.50', '1633000', '+3', '0', '基本支出', '']) expect(neutralizeFormula(c)).toBe(c);
  });

  it('toCsv writes the neutralised text (quoted where needed) and numbers as they are', async () => {
    const csv = await toCsv(['a', 'b', 'c'], [['=1+1', -5, '-5.00']]);
    expect(csv.split('\n')[1]).toBe(`'=1+1,-5,-5.00`);
  });

  it('an HTML disclosure whose labels are formulas: facts.csv, tables/*.csv and findings.csv carry none', async () => {
    const html = `<html><body><p>2024年部门预算</p><table><tr><td colspan="2">收支预算总表</td></tr><tr><td>单位：万元</td></tr>
<tr><td>项目</td><td>预算数</td></tr>
<tr><td>=HYPERLINK("http://evil.example","点击")</td><td>10.00</td></tr>
<tr><td>=cmd|' /C calc'!A0</td><td>-2.00</td></tr>
<tr><td>@SUM(1+1)</td><td>3.00</td></tr>
<tr><td>合计</td><td>11.00</td></tr></table></body></html>`;
    const doc = await extract({ bytes: new TextEncoder().encode(html), name: 'formula.html' });
    const dir = mkdtempSync(join(tmpdir(), 'yusuan-formula-'));
    dirs.push(dir);
    await writeDocumentOutputs(doc, dir);
    const texts = [readFileSync(join(dir, 'facts.csv'), 'utf8'), ...readdirSync(join(dir, 'tables')).map((f) => readFileSync(join(dir, 'tables', f), 'utf8'))];
    const all = texts.join('\n');
    expect(all).toContain('HYPERLINK');
    for (const line of all.split('\n')) {
      for (const cell of line.split(',')) expect(cell.replace(/^"/, '')).not.toMatch(/^[=+@\t\r]/);
    }
  });
});
