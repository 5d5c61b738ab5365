/**
 * The viewer end to end: the real CLI makes an output folder, the real server serves it, Debian's
 * chromium loads the page, and what it shows is compared with document.json and checks.json —
 * the documents list, a document, an amount and a finding highlighted on their source page (the
 * highlight's box, read back in PDF points, against the recorded bbox), the table structure, search.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'puppeteer-core';
import type { Document } from '../../schemas/document.js';
import type { Checks } from '../../schemas/findings.js';
import { startViewer, type Viewer } from '../../src/view/server.js';
import { ensureDist, removeTempDirs, runCli, tempDir } from '../batch/helpers.js';
import { CORPUS, hasShared, ROOT } from '../helpers.js';
import { bboxKey, hasChromium, highlightInPagePoints, INJECTED, launchChromium, screenshot } from './helpers.js';

const SAMPLE = join(ROOT, 'samples/xinzhou-xinfang-2024-budget.chromium.pdf');

describe.skipIf(!hasChromium)('yusuan view in chromium', () => {
  let out: string;
  let viewer: Viewer;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];
  const read = <T>(id: string, f: string) => JSON.parse(readFileSync(join(out, id, f), 'utf8')) as T;

  beforeAll(async () => {
    ensureDist();
    out = join(tempDir('yusuan-view-'), 'out');
    const r = await runCli(['extract', SAMPLE, INJECTED, '-o', out, '--progress', 'none', '--jobs', '2']);
    expect(r.code, r.stderr).toBe(0);
    viewer = await startViewer({ out });
    browser = await launchChromium();
    page = await browser.newPage();
    await page.setViewport({ width: 1500, height: 1000 });
    page.on('pageerror', (e) => errors.push(String(e)));
  });

  afterAll(async () => {
    await browser?.close();
    await viewer?.close();
    removeTempDirs();
  });

  const ready = (p: number) => page.waitForFunction((n) => {
    const pane = document.querySelector('#pane') as HTMLElement;
    return pane.dataset.state === 'ready' && pane.dataset.page === String(n);
  }, { timeout: 30_000 }, p);

  it('lists the documents with org, year, kind, status and finding counts', async () => {
    await page.goto(viewer.url);
    await page.waitForSelector('body[data-view=list] #documents tbody tr');
    const rows = await page.$$eval('#documents tbody tr', (trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)));
    expect(rows).toHaveLength(2);
    const injected = rows.find((r) => r[9] === 'xinzhou-injected.pdf')!;
    expect(injected.slice(0, 5)).toEqual(['忻州市信访局', '2024', '部门预算', 'success', '2']);
    await screenshot(page, 'documents');
  });

  it('shows a document: its tables as printed and its findings', async () => {
    const doc = read<Document>('xinzhou-injected', 'document.json');
    const checks = read<Checks>('xinzhou-injected', 'checks.json');
    await page.goto(`${viewer.url}#/doc/xinzhou-injected`);
    await page.waitForSelector('body[data-view=doc]');
    expect(await page.$eval('h1', (e) => e.textContent)).toContain('忻州市信访局');
    expect(await page.$$eval('table.printed', (t) => t.length)).toBe(doc.tables.length);
    expect(await page.$$eval('#findings tbody tr', (t) => t.length)).toBe(checks.findings.length);
    const t5 = doc.tables.find((t) => t.id === 5)!;
    expect(await page.$eval('#table-5', (e) => e.textContent)).toContain(t5.title);
  });

  it('a click on an amount shows its source page with the cell highlighted where document.json says', async () => {
    const doc = read<Document>('xinzhou-injected', 'document.json');
    const t = doc.tables.find((x) => x.kind === 'general_budget_expenditure')!;
    const a = t.rows.find((r) => r.code === '2013101')!.amounts[0];
    await page.goto(`${viewer.url}#/doc/xinzhou-injected`);
    await page.waitForSelector('body[data-view=doc]');
    await page.click(`table.printed[data-table="${t.id}"] td[data-bbox="${bboxKey(a.bbox!)}"]`);
    await ready(a.page!);
    const got = await highlightInPagePoints(page, '#overlay .hl');
    for (const k of ['x0', 'y0', 'x1', 'y1'] as const) expect(Math.abs(got[k] - a.bbox![k])).toBeLessThan(0.5);
    // the page was really drawn: the canvas is not blank
    const inked = await page.$eval('#page-canvas', (c) => {
      const cv = c as HTMLCanvasElement;
      const d = cv.getContext('2d')!.getImageData(0, 0, cv.width, cv.height).data;
      let n = 0;
      for (let i = 0; i < d.length; i += 4) if (d[i] < 128) n++;
      return n;
    });
    expect(inked).toBeGreaterThan(5000);
    await screenshot(page, 'amount');
  });

  it('a click on a finding highlights its cell on the page and in the table', async () => {
    const checks = read<Checks>('xinzhou-injected', 'checks.json');
    const i = checks.findings.findIndex((f) => f.severity === 'error' && f.where.bbox);
    const f = checks.findings[i];
    await page.goto(`${viewer.url}#/doc/xinzhou-injected`);
    await page.waitForSelector('body[data-view=doc]');
    await page.click(`#findings tr[data-finding="${i}"]`);
    await ready(f.where.page!);
    const got = await highlightInPagePoints(page, '#overlay .hl.finding.error');
    for (const k of ['x0', 'y0', 'x1', 'y1'] as const) expect(Math.abs(got[k] - f.where.bbox![k])).toBeLessThan(0.5);
    expect(await page.$eval('td.flagged', (e) => e.getAttribute('data-bbox'))).toBe(bboxKey(f.where.bbox!));
    await screenshot(page, 'finding');
  });

  it('draws the table structure it read over the page on demand', async () => {
    await page.click('#structure');
    await page.waitForSelector('#overlay .st-frame');
    expect(await page.$$eval('#overlay .st-col', (e) => e.length)).toBeGreaterThan(3);
    expect(await page.$$eval('#overlay .st-cell.header', (e) => e.length)).toBeGreaterThan(0);
    await screenshot(page, 'structure');
    await page.click('#structure');
  });

  it('searches across documents: a figure (三公), a subject code, an org', async () => {
    await page.goto(viewer.url);
    await page.waitForSelector('body[data-view=list]');
    await page.type('#q', '三公');
    await page.keyboard.press('Enter');
    await page.waitForSelector('body[data-view=search] #results tbody tr');
    const tables = await page.$$eval('#results tbody tr', (trs) => trs.map((tr) => tr.querySelectorAll('td')[3].textContent));
    expect(tables.length).toBeGreaterThan(2);
    expect(tables.every((t) => t!.includes('三公'))).toBe(true);
    await screenshot(page, 'search');
    // a result opens its document with the amount on its page
    await page.click('#results tbody tr:nth-child(2) a');
    await page.waitForSelector('body[data-view=doc]');
    await page.waitForFunction(() => (document.querySelector('#pane') as HTMLElement).dataset.state === 'ready', { timeout: 30_000 });
    expect(await page.$$eval('#overlay .hl', (e) => e.length)).toBe(1);
    expect(await page.$eval('td.selected', (e) => e.textContent)).toMatch(/^\d/);

    const code = await (await fetch(`${viewer.url}api/search?q=2013101`)).json();
    expect(code.hits.filter((h: { match: string }) => h.match === 'fact').length).toBeGreaterThanOrEqual(4);
    const org = await (await fetch(`${viewer.url}api/search?q=${encodeURIComponent('信访局')}`)).json();
    expect(org.hits.filter((h: { match: string }) => h.match === 'document')).toHaveLength(2);
  });

  it.skipIf(!hasShared)('a finding about a sentence of the narrative highlights that sentence on its page (corpus)', async () => {
    const out2 = join(tempDir('yusuan-view-'), 'out');
    const pdf = join(CORPUS, 'shanghai/普陀区司法局_2026_单位预算.pdf');
    expect((await runCli(['extract', pdf, '-o', out2, '--progress', 'none'])).code).toBe(0);
    const v2 = await startViewer({ out: out2 });
    try {
      const checks = JSON.parse(readFileSync(join(out2, '普陀区司法局_2026_单位预算', 'checks.json'), 'utf8')) as Checks;
      const i = checks.findings.findIndex((f) => f.where.sentence && !f.where.bbox && f.where.page);
      await page.goto(`${v2.url}#/doc/${encodeURIComponent('普陀区司法局_2026_单位预算')}`);
      await page.waitForSelector('body[data-view=doc]');
      await page.click(`#findings tr[data-finding="${i}"]`);
      await ready(checks.findings[i].where.page!);
      const boxes = await page.$$eval('#overlay .hl.sentence', (e) => e.length);
      expect(boxes).toBeGreaterThan(0);
    } finally {
      await v2.close();
    }
  });

  it('exports what is shown as CSV and XLSX', async () => {
    const csv = await (await fetch(`${viewer.url}api/export?what=table&doc=xinzhou-injected&table=5&format=csv`)).text();
    expect(csv).toContain('169.96');
    const xlsx = await fetch(`${viewer.url}api/export?what=search&q=${encodeURIComponent('三公')}&format=xlsx`);
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
    expect(Buffer.from(await xlsx.arrayBuffer()).subarray(0, 2).toString()).toBe('PK');
    expect(errors).toEqual([]);
  });
});
