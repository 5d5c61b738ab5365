/**
 * Bytes of a text rendering to a string. Tried in order: a UTF-16 or UTF-8 byte-order mark;
 * UTF-16 without one (told by its zero bytes: ASCII digits, tabs and newlines of a table have a
 * zero high byte); strict UTF-8; strict GB18030, which Chinese sites still use. A file that is
 * none of these exactly but almost UTF-8 or GB18030 is read with its few invalid bytes replaced
 * (U+FFFD) and a warning that counts them; more than a few, and it is not text.
 */
import { ExtractionError } from '../../src/core/errors.js';

export interface DecodedText {
  text: string;
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';
  /** invalid byte sequences replaced by U+FFFD */
  replaced: number;
}

/** At most this share of the characters may be replacements for a file to count as text. */
const MAX_REPLACED_SHARE = 0.02;

function decode(bytes: Uint8Array, encoding: DecodedText['encoding'], fatal: boolean): string {
  return new TextDecoder(encoding, { fatal, ignoreBOM: false }).decode(bytes);
}

function strict(bytes: Uint8Array, encoding: DecodedText['encoding']): string | undefined {
  try {
    return decode(bytes, encoding, true);
  } catch {
    return undefined;
  }
}

/** UTF-16 without a BOM: many zero bytes, nearly all at even (BE) or odd (LE) offsets. */
function utf16Endianness(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const n = Math.min(bytes.length, 8192) & ~1;
  if (n < 4) return undefined;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  const pairs = n / 2;
  if (odd >= pairs * 0.1 && even <= odd * 0.05) return 'utf-16le';
  if (even >= pairs * 0.1 && odd <= even * 0.05) return 'utf-16be';
  return undefined;
}

const count = (s: string, ch: string) => s.split(ch).length - 1;

export function decodeText(file: string, bytes: Uint8Array): DecodedText {
  const bom = bytes.length >= 2 ? (bytes[0] << 8) | bytes[1] : -1;
  const bomEncoding = bom === 0xfffe ? 'utf-16le' : bom === 0xfeff ? 'utf-16be' : undefined;
  const candidates: DecodedText['encoding'][] = bomEncoding
    ? [bomEncoding]
    : [...(bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? [] : [utf16Endianness(bytes)].filter((e) => e !== undefined)), 'utf-8', 'gb18030'];
  for (const encoding of candidates) {
    const text = strict(bytes, encoding);
    if (text !== undefined) return { text, encoding, replaced: 0 };
  }
  // nearly text: the candidate with the fewest replacements, if they are few
  let best: DecodedText | undefined;
  for (const encoding of candidates) {
    const text = decode(bytes, encoding, false);
    const replaced = count(text, '\uFFFD');
    if (!best || replaced < best.replaced) best = { text, encoding, replaced };
  }
  if (best && best.replaced <= Math.max(1, best.text.length * MAX_REPLACED_SHARE)) return best;
  throw new ExtractionError(file, 'unknown-format', 'not a PDF and not readable as UTF-8, UTF-16 or GB18030 text');
}
