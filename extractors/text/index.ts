/**
 * Text renderings of a disclosure (plain text with tab-separated tables, markdown, HTML) to the
 * intermediate form.
 */
import type { SourceDocument } from '../../schemas/intermediate.js';
import type { SourceInput } from '../source-input.js';
import { ExtractionError } from '../../src/core/errors.js';
import { normalizeChars } from '../../src/core/text.js';
import { htmlBlocks } from './html-document.js';
import { lineBlocks } from './line-blocks.js';

export type TextFormat = 'text' | 'markdown' | 'html';

/** Decode as UTF-8 (with or without BOM), falling back to GB18030, which Chinese sites still use. */
export function decodeText(input: SourceInput): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(input.bytes);
  } catch {
    try {
      return new TextDecoder('gb18030', { fatal: true }).decode(input.bytes);
    } catch {
      throw new ExtractionError(input.path, 'unknown-format', 'not a PDF and not readable as UTF-8 or GB18030 text');
    }
  }
}

export function looksLikeHtmlDocument(text: string): boolean {
  return /^\s*(<!doctype html|<html[\s>])/i.test(text);
}

export function detectTextFormat(name: string, text: string): TextFormat {
  if (looksLikeHtmlDocument(text) || /\.html?$/i.test(name)) return 'html';
  if (/\.(md|markdown)$/i.test(name)) return 'markdown';
  return 'text';
}

export function extractText(input: SourceInput): SourceDocument {
  const raw = decodeText(input);
  if (!raw.trim()) throw new ExtractionError(input.path, 'empty', 'the file is empty');
  // binary content that happens to decode: control characters other than tab/newline
  const controls = raw.slice(0, 4096).match(/[\u0000-\u0008\u000e-\u001f]/g)?.length ?? 0;
  if (controls > 8) throw new ExtractionError(input.path, 'unknown-format', 'binary data, not a PDF nor a text/markdown/HTML rendering');
  const text = normalizeChars(raw.replace(/^\uFEFF/, ''));
  const format = detectTextFormat(input.name, text);
  const blocks = format === 'html' ? htmlBlocks(text) : lineBlocks(text);
  return {
    source: { path: input.path, name: input.name, format, sha256: input.sha256, bytes: input.bytes.length },
    blocks,
    diagnostics: [],
  };
}
