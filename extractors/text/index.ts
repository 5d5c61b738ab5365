/**
 * Text renderings of a disclosure (plain text with tab-separated tables, markdown, HTML) to the
 * intermediate form.
 */
import type { Diagnostic, SourceDocument } from '../../schemas/intermediate.js';
import type { SourceInput } from '../source-input.js';
import { ExtractionError } from '../../src/core/errors.js';
import { normalizeChars } from '../../src/core/text.js';
import { decodeText } from './decode.js';
import { htmlBlocks } from './html-document.js';
import { checkTableNesting, checkTextSize } from './limits.js';
import { lineBlocks } from './line-blocks.js';

export type TextFormat = 'text' | 'markdown' | 'html';

export function looksLikeHtmlDocument(text: string): boolean {
  return /^\s*(<!doctype html|<html[\s>])/i.test(text);
}

export function detectTextFormat(name: string, text: string): TextFormat {
  if (looksLikeHtmlDocument(text) || /\.html?$/i.test(name)) return 'html';
  if (/\.(md|markdown)$/i.test(name)) return 'markdown';
  return 'text';
}

export function extractText(input: SourceInput): SourceDocument {
  checkTextSize(input.path, input.bytes.length);
  const { text: raw, encoding, replaced } = decodeText(input.path, input.bytes);
  if (!raw.trim()) throw new ExtractionError(input.path, 'empty', 'the file is empty');
  // binary content that happens to decode: control characters other than tab/newline
  const controls = raw.slice(0, 4096).match(/[\u0000-\u0008\u000e-\u001f]/g)?.length ?? 0;
  if (controls > 8) throw new ExtractionError(input.path, 'unknown-format', 'binary data, not a PDF nor a text/markdown/HTML rendering');
  const text = normalizeChars(raw.replace(/^\uFEFF/, ''));
  const format = detectTextFormat(input.name, text);
  checkTableNesting(input.path, text);
  const blocks = format === 'html' ? htmlBlocks(text, input.path) : lineBlocks(text, input.path);
  const diagnostics: Diagnostic[] = [];
  if (replaced) {
    diagnostics.push({ severity: 'warning', code: 'text.invalid-bytes', message: `${input.name}: ${replaced} invalid byte sequence${replaced === 1 ? '' : 's'} in ${encoding} replaced by U+FFFD; a cell that held one is not read` });
  }
  return {
    source: { path: input.path, name: input.name, format, sha256: input.sha256, bytes: input.bytes.length },
    blocks,
    diagnostics,
  };
}
