/**
 * The viewer tests' fixtures: output folders made by the real CLI, and Debian's chromium driven by
 * puppeteer-core (never a downloaded browser). Tests needing the browser skip when it is absent.
 */
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { ROOT } from '../helpers.js';

export const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);
// CI installs chromium (.ci/run) and says so: there a missing browser is a failure, not a skip
if (!hasChromium && process.env.YUSUAN_REQUIRE_CHROMIUM === '1') throw new Error(`${CHROMIUM} is required (YUSUAN_REQUIRE_CHROMIUM=1) but missing`);
export const INJECTED = join(ROOT, 'tests/fixtures/viewer/xinzhou-injected.pdf');

/** Screenshots go to docs/viewer/ when YUSUAN_SCREENSHOTS=1 (to refresh the committed ones), else nowhere. */
export async function screenshot(page: Page, name: string): Promise<void> {
  if (process.env.YUSUAN_SCREENSHOTS !== '1') return;
  const dir = join(ROOT, 'docs/viewer');
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name}.png`) as `${string}.png` });
}

export async function launchChromium(): Promise<Browser> {
  return puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    userDataDir: mkdtempSync(join(tmpdir(), 'yusuan-chromium-')),
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** The page's state once rendering settled: what the test compares with document.json. */
export async function highlightInPagePoints(page: Page, selector: string): Promise<{ x0: number; y0: number; x1: number; y1: number }> {
  return page.evaluate((sel) => {
    const hl = document.querySelector(sel)!.getBoundingClientRect();
    const canvas = document.querySelector('#page-canvas')!.getBoundingClientRect();
    const scale = Number((document.querySelector('#pane') as HTMLElement).dataset.scale);
    return { x0: (hl.left - canvas.left) / scale, y0: (hl.top - canvas.top) / scale, x1: (hl.right - canvas.left) / scale, y1: (hl.bottom - canvas.top) / scale };
  }, selector);
}

export const bboxKey = (b: { x0: number; y0: number; x1: number; y1: number }) => [b.x0, b.y0, b.x1, b.y1].join(',');
