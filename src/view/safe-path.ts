/**
 * Request paths to files, refusing everything that could leave the folder it names: `..` and `.`
 * segments (also percent-encoded), encoded slashes and backslashes, NUL, and anything whose
 * resolved path is not inside the root. Pure: the server answers 403 when this returns undefined.
 */
import { resolve, sep } from 'node:path';

/** The decoded segments of a URL path, or undefined when a segment is a traversal or undecodable. */
export function pathSegments(rawPath: string): string[] | undefined {
  // an encoded / or \ inside a segment would become a separator after decoding
  if (/%(2f|5c|00)/i.test(rawPath) || rawPath.includes('\\') || rawPath.includes('\0')) return undefined;
  const parts = rawPath.split('/').slice(1);
  const out: string[] = [];
  for (const p of parts) {
    let s: string;
    try {
      s = decodeURIComponent(p);
    } catch {
      return undefined;
    }
    if (s === '..' || s === '.' || s.includes('/') || s.includes('\\') || s.includes('\0')) return undefined;
    out.push(s);
  }
  // a trailing slash gives one empty segment; empty segments elsewhere are refused too
  if (out.slice(0, -1).some((s) => s === '')) return undefined;
  return out.at(-1) === '' ? out.slice(0, -1) : out;
}

/** `root` joined with `segments` when the result stays strictly inside `root`, else undefined. */
export function insideRoot(root: string, segments: string[]): string | undefined {
  if (segments.length === 0) return undefined;
  const base = resolve(root);
  const full = resolve(base, ...segments);
  return full.startsWith(base + sep) ? full : undefined;
}
