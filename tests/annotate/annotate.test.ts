/**
 * annotated.pdf: one highlight per finding that has a cell, at that cell, carrying the rule id and
 * the Chinese message; a note per finding on a page without a cell. Checked twice: with pdf-lib
 * (the annotation dictionaries) and with pdf.js (which must open the file and find each highlight
 * at the bbox document.json records). On the injected-error fixture, and on a corpus document
 * with error findings when ../shared is there.
 */
import { copyFileSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFHexString, degrees } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPdf } from '../../extractors/pdf/load-document.js';
import type { Checks } from '../../schemas/findings.js';
import { annotatePdf } from '../../src/annotate/annotate-pdf.js';
import { ensureDist, removeTempDirs, runCli, tempDir } from '../batch/helpers.js';
import { CORPUS, hasShared } from '../helpers.js';
import { INJECTED } from '../view/helpers.js';

beforeAll(() => ensureDist());
afterAll(() => removeTempDirs());

/** Checks annotated.pdf of one output folder against its checks.json. */
async function checkAnnotated(folder: string): Promise<{ highlights: number; errors: number }> {
  const checks = JSON.parse(readFileSync(join(folder, 'checks.json'), 'utf8')) as Checks;
  const bytes = readFileSync(join(folder, 'annotated.pdf'));
  const withCell = checks.findings.filter((f) => f.where.page && f.where.bbox);
  const onPage = checks.findings.filter((f) => f.where.page && !f.where.bbox);

  // pdf-lib: the annotation dictionaries, page by page
  const lib = await PDFDocument.load(bytes);
  let highlights = 0;
  lib.getPages().forEach((page, i) => {
    const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
    const dicts = (annots?.asArray() ?? []).map((r) => lib.context.lookup(r, PDFDict));
    const hl = dicts.filter((d) => d.get(PDFName.of('Subtype')) === PDFName.of('Highlight'));
    const notes = dicts.filter((d) => d.get(PDFName.of('Subtype')) === PDFName.of('Text'));
    expect(hl.length, `page ${i + 1}`).toBe(withCell.filter((f) => f.where.page === i + 1).length);
    expect(notes.length, `page ${i + 1}`).toBe(onPage.filter((f) => f.where.page === i + 1).length);
    for (const d of hl) {
      const text = d.lookup(PDFName.of('Contents'), PDFHexString).decodeText();
      expect(withCell.some((f) => text.startsWith(`${f.rule} [${f.severity}]\n${f.message.zh}`))).toBe(true);
    }
    highlights += hl.length;
  });

  // pdf.js: opens it, and finds each highlight where the cell is
  const pdf = await openPdf('annotated.pdf', new Uint8Array(bytes));
  try {
    for (const f of withCell) {
      const page = await pdf.doc.getPage(f.where.page!);
      const annots = (await page.getAnnotations()) as { subtype: string; rect: number[]; contentsObj?: { str: string } }[];
      const vp = page.getViewport({ scale: 1 });
      const near = annots.filter((a) => {
        if (a.subtype !== 'Highlight') return false;
        const [x0, y0, x1, y1] = vp.convertToViewportRectangle(a.rect);
        const box = { x0: Math.min(x0, x1), y0: Math.min(y0, y1), x1: Math.max(x0, x1), y1: Math.max(y0, y1) };
        return (['x0', 'y0', 'x1', 'y1'] as const).every((k) => Math.abs(box[k] - f.where.bbox![k]) < 0.01);
      });
      expect(near.length, `${f.rule} p${f.where.page}`).toBeGreaterThan(0);
      expect(near.some((a) => a.contentsObj?.str.includes(f.message.zh))).toBe(true);
    }
  } finally {
    await pdf.close();
  }
  return { highlights, errors: withCell.filter((f) => f.severity === 'error').length };
}

describe('yusuan annotate', () => {
  it('extract --annotate writes annotated.pdf with one highlight per finding at a cell (injected-error fixture)', async () => {
    const out = join(tempDir('yusuan-annotate-'), 'out');
    const r = await runCli(['extract', INJECTED, '-o', out, '--progress', 'none', '--annotate']);
    expect(r.code, r.stderr).toBe(0);
    const { highlights, errors } = await checkAnnotated(join(out, 'xinzhou-injected'));
    expect(errors).toBe(2);
    expect(highlights).toBe(14);
    expect(r.stdout).toContain('xinzhou-injected/annotated.pdf: 14 highlights, 0 notes');
  });

  it('a document whose source is gone gets one line, and exit 1', async () => {
    const dir = tempDir('yusuan-annotate-');
    const copy = join(dir, 'moved.pdf');
    copyFileSync(INJECTED, copy);
    const out = join(dir, 'out');
    expect((await runCli(['extract', copy, '-o', out, '--progress', 'none'])).code).toBe(0);
    rmSync(copy);
    const r = await runCli(['annotate', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^moved: source not found: source moved\.pdf not found/m);
    expect(existsSync(join(out, 'moved', 'annotated.pdf'))).toBe(false);
  });

  it.skipIf(!hasShared)('annotates corpus documents with error findings', async () => {
    const out = join(tempDir('yusuan-annotate-'), 'out');
    const inputs = ['shanghai/普陀区司法局_2026_单位预算.pdf', 'shanghai/普陀区财政局_2024_部门决算_注入错误版.pdf'].map((p) => join(CORPUS, p));
    expect((await runCli(['extract', ...inputs, '-o', out, '--progress', 'none'])).code).toBe(0);
    const r = await runCli(['annotate', out]);
    expect(r.code, r.stderr).toBe(0);
    const sifa = await checkAnnotated(join(out, '普陀区司法局_2026_单位预算'));
    expect(sifa.errors).toBeGreaterThan(0);
    const caizheng = await checkAnnotated(join(out, '普陀区财政局_2024_部门决算_注入错误版'));
    expect(caizheng.highlights).toBeGreaterThan(0);
  });
});

describe('page space → PDF user space', () => {
  // a highlight placed from a page-space box lands, as pdf.js shows the page, on that box —
  // whatever the page's /Rotate and crop box offset
  it.each([0, 90, 180, 270])('on a page rotated %i° with an offset crop box', async (rot) => {
    const src = await PDFDocument.create();
    const p = src.addPage([600, 800]);
    p.setCropBox(10, 20, 500, 700);
    p.setRotation(degrees(rot));
    const bbox = { x0: 50, y0: 60, x1: 150, y1: 90 };
    const finding = { rule: 'totals.rows', severity: 'error' as const, message: { zh: '合计不符', en: 'total differs' }, where: { page: 1, bbox } };
    const res = await annotatePdf(await src.save(), [finding]);
    expect(res.highlights).toBe(1);
    const pdf = await openPdf('rotated.pdf', res.bytes);
    try {
      const page = await pdf.doc.getPage(1);
      const [a] = (await page.getAnnotations()) as { rect: number[] }[];
      const [x0, y0, x1, y1] = page.getViewport({ scale: 1 }).convertToViewportRectangle(a.rect);
      expect([Math.min(x0, x1), Math.min(y0, y1), Math.max(x0, x1), Math.max(y0, y1)].map((v) => Math.round(v * 1000) / 1000)).toEqual([50, 60, 150, 90]);
    } finally {
      await pdf.close();
    }
  });
});
