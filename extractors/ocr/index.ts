/**
 * OCR of one PDF page into the text-layer form. Everything heavy (onnxruntime, the models, the
 * canvas) is imported here lazily, on the first page that needs it.
 */
import type { PDFPageProxy } from 'pdfjs-dist/types/src/display/api.js';
import type { Block, Diagnostic } from '../../schemas/intermediate.js';
import { applyOcr } from './apply-ocr.js';
import { OCR_DEFAULTS, ocrPage, type OcrPage, type OcrSettings } from './ocr-page.js';

export { OCR_DEFAULTS, type OcrSettings } from './ocr-page.js';

export interface PageImageReading {
  page: OcrPage;
  /** after layout: cell confidences, uncertain numbers reported, boxes back on the printed page */
  finish(blocks: Block[], diagnostics: Diagnostic[], pageNo: number): void;
}

export async function readPageImage(page: PDFPageProxy, overrides: Partial<OcrSettings> = {}): Promise<PageImageReading> {
  const settings = { ...OCR_DEFAULTS, ...overrides };
  const [{ ocrEngine }, { renderPage }, { pageImageAt }] = await Promise.all([import('./paddle.js'), import('./render-page.js'), import('./page-image.js')]);
  const engine = await ocrEngine();
  const image = (settings.imageDirect ? await pageImageAt(page, settings.dpi) : undefined) ?? (await renderPage(page, settings.dpi));
  const result = await ocrPage(engine, image, settings);
  return {
    page: result,
    finish: (blocks, diagnostics, pageNo) => applyOcr(blocks, diagnostics, result, pageNo, settings.minCharProb),
  };
}
