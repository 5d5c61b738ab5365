/**
 * A hostile output folder: a file name with `../` and markup in it, and script and HTML in the
 * titles, labels, items and messages of document.json and checks.json. The viewer must show all
 * of it as inert text, serve nothing outside the folder and its recorded sources, and stay read-only.
 */
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Document } from '../../schemas/document.js';
import type { Checks } from '../../schemas/findings.js';
import { startViewer, type Viewer } from '../../src/view/server.js';
import { disclosure, ensureDist, removeTempDirs, runCli, tempDir } from '../batch/helpers.js';
import { hasChromium, launchChromium } from './helpers.js';

const NAME = 'x..%2F..%2Fetc%2Fpasswd<img src=x onerror=window.__pwned=1>';
/** the output folder yusuan gives that input (read from the manifest) */
let FOLDER = '';
const XSS = (tag: string) => `<img src=x onerror="window.__pwned='${tag}'"><script>window.__pwned='${tag}'</script>`;

/** A GET with the path exactly as written (fetch would normalise `..` away). */
function rawGet(url: string, path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<{ status: number; body: string }> {
  const u = new URL(url);
  return new Promise((ok, fail) => {
    const req = request({ host: u.hostname, port: u.port, path, method, headers }, (res) => {
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => ok({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', fail);
    req.end();
  });
}

describe('a hostile output folder', () => {
  let out: string;
  let tampered: string;
  let viewer: Viewer;
  let folderViewer: Viewer;

  beforeAll(async () => {
    ensureDist();
    const dir = tempDir('yusuan-hostile-');
    const input = join(dir, 'in');
    mkdirSync(input);
    writeFileSync(join(input, `${NAME}.md`), disclosure(`测试局${XSS('department')}`));
    out = join(dir, 'out');
    const r = await runCli(['extract', input, '-o', out, '--progress', 'none']);
    expect(r.code, r.stderr).toBe(0);
    // markup everywhere a document's text is shown
    // the folder yusuan gave the input (its name made safe: no markup characters in a folder name)
    FOLDER = (JSON.parse(readFileSync(join(out, 'manifest.jsonl'), 'utf8').split('\n')[0]) as { output: string }).output;
    const docFile = join(out, FOLDER, 'document.json');
    const doc = JSON.parse(readFileSync(docFile, 'utf8')) as Document;
    doc.department = `测试局${XSS('org')}`;
    // the organisation the identity decided (shown where present)
    if (doc.identity) doc.identity = { ...doc.identity, organisation: `测试局${XSS('org')}`, org: `测试局${XSS('org')}` };
    for (const t of doc.tables) {
      t.title = `${XSS('title')}2024年一般公共预算支出表`;
      t.label = XSS('label');
      t.printed[1][1].text = `${XSS('cell')}一般公共服务支出`;
    }
    writeFileSync(docFile, JSON.stringify(doc));
    const checksFile = join(out, FOLDER, 'checks.json');
    const checks = JSON.parse(readFileSync(checksFile, 'utf8')) as Checks;
    checks.findings.push({ rule: 'totals.rows', severity: 'error', message: { zh: '', en: '' }, where: { tableId: 1, page: 1 }, expected: XSS('expected') });
    for (const f of checks.findings) {
      f.message.zh = `${XSS('message')}${f.message.zh}`;
      f.where.item = XSS('item');
    }
    writeFileSync(checksFile, JSON.stringify(checks));
    viewer = await startViewer({ out });

    // a copy whose document.json claims a PDF source outside the folder, with no run records beside it
    tampered = join(dir, 'tampered');
    cpSync(out, tampered, { recursive: true });
    rmSync(join(tampered, 'yusuan.sqlite'), { force: true });
    rmSync(join(tampered, 'manifest.jsonl'), { force: true });
    const evil = JSON.parse(readFileSync(join(tampered, FOLDER, 'document.json'), 'utf8')) as Document;
    evil.source = { ...evil.source, format: 'pdf', path: '../../../../../../../../../../etc/passwd' };
    writeFileSync(join(tampered, FOLDER, 'document.json'), JSON.stringify(evil));
    folderViewer = await startViewer({ out: tampered, db: false });
  });

  afterAll(async () => {
    await viewer?.close();
    await folderViewer?.close();
    removeTempDirs();
  });

  it('refuses every path out of its folders, and anything but reading', async () => {
    const refused = [
      '/assets/../../package.json',
      '/assets/..%2F..%2Fpackage.json',
      '/pdfjs/build/../../../package.json',
      '/pdfjs/build/..%2F..%2F..%2Fpackage.json',
      '/pdfjs/%2e%2e/%2e%2e/package.json',
      '/pdfjs/build/..%5C..%5Cpackage.json',
      `/api/doc/${encodeURIComponent('../../etc')}/source`,
      '/api/doc/..%2F..%2F..%2Fetc%2Fpasswd',
      '/api/doc/%2e%2e/source',
    ];
    for (const p of refused) {
      const r = await rawGet(viewer.url, p);
      expect([403, 404], p).toContain(r.status);
      expect(r.body, p).not.toMatch(/"name"|root:/);
    }
    expect((await rawGet(viewer.url, '/pdfjs/package.json')).status).toBe(404);
    expect((await rawGet(viewer.url, '/api/doc/no-such-folder')).status).toBe(404);
    expect((await rawGet(viewer.url, '/api/documents', {}, 'POST')).status).toBe(405);
    expect((await rawGet(viewer.url, '/api/documents', {}, 'DELETE')).status).toBe(405);
    // another site's name for this address (DNS rebinding) is refused
    expect((await rawGet(viewer.url, '/api/documents', { host: 'attacker.example' })).status).toBe(421);
    // the document with the strange name is served by its folder name, and only that
    const ok = await rawGet(viewer.url, `/api/doc/${encodeURIComponent(FOLDER)}`);
    expect(ok.status).toBe(200);
    // a source path in document.json pointing outside is not followed: the file is not the one that was read
    const src = await rawGet(folderViewer.url, `/api/doc/${encodeURIComponent(FOLDER)}/source`);
    expect(src.status).toBe(404);
    expect(src.body).not.toContain('root:');
  });

  it.skipIf(!hasChromium)('shows every document string as text in the page', async () => {
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      const dialogs: string[] = [];
      page.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      for (const [hash, view] of [['', 'list'], [`#/doc/${encodeURIComponent(FOLDER)}`, 'doc'], [`#/search?q=${encodeURIComponent('<img')}`, 'search']]) {
        await page.goto(`${viewer.url}${hash}`);
        await page.waitForSelector(`body[data-view=${view}]`);
        const state = await page.evaluate(() => ({
          pwned: (window as { __pwned?: unknown }).__pwned,
          imgs: document.querySelectorAll('#content img').length,
          scripts: document.querySelectorAll('#content script').length,
          text: document.querySelector('#content')!.textContent,
        }));
        expect(state.pwned, view).toBeUndefined();
        expect(state.imgs, view).toBe(0);
        expect(state.scripts, view).toBe(0);
        expect(state.text, view).toContain('<img src=x onerror=');
      }
      // the document page shows the hostile title, label, cell, message and file name literally
      await page.goto(`${viewer.url}#/doc/${encodeURIComponent(FOLDER)}`);
      await page.waitForSelector('body[data-view=doc]');
      const text = await page.$eval('#content', (e) => e.textContent!);
      for (const tag of ['title', 'label', 'cell', 'message', 'item', 'expected', 'org']) expect(text).toContain(`window.__pwned='${tag}'</script>`);
      expect(text).toContain(`${NAME}.md`);
      await page.click('#findings tbody tr');
      expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
      expect(dialogs).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
