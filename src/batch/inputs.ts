/**
 * Command-line inputs to files: files as given, directories walked (recursively) for the formats
 * yusuan reads, simple globs (* ? **) expanded. Sorted, de-duplicated.
 */
import { readdir, stat } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';

export const SUPPORTED = /\.(pdf|txt|md|markdown|html?|xlsx|xlsm|xls|ods|csv|docx|doc)$/i;

/** `skip`: absolute folders a walk does not enter (the run's own output folder: its CSVs and workbooks are not inputs). */
async function walk(dir: string, out: string[], skip: ReadonlySet<string>, nested = false): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  // a folder yusuan wrote (a document's outputs, or a run's) holds outputs, not disclosures
  if (nested && entries.some((e) => e.name === '.yusuan-complete.json' || e.name === 'manifest.jsonl')) return;
  for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    // hidden files and a folder's own documentation are not disclosures
    if (e.name.startsWith('.') || /^readme(\.|$)/i.test(e.name)) continue;
    const p = join(dir, e.name);
    if (e.isDirectory() && skip.has(resolve(p))) continue;
    if (e.isDirectory()) await walk(p, out, skip, true);
    else if (e.isFile() && SUPPORTED.test(e.name)) out.push(p);
  }
}

function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i];
    if (ch === '*' && glob[i + 1] === '*') {
      re += '.*';
      i++;
      if (glob[i + 1] === '/') i++;
    } else if (ch === '*') re += '[^/]*';
    else if (ch === '?') re += '[^/]';
    else re += ch.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

export interface ExpandedInputs {
  files: string[];
  /** inputs that matched nothing: reported, not silently dropped */
  missing: string[];
}

export async function expandInputs(args: string[], skip: ReadonlySet<string> = new Set()): Promise<ExpandedInputs> {
  const files: string[] = [];
  const missing: string[] = [];
  for (const arg of args) {
    if (/[*?]/.test(arg)) {
      const firstWild = arg.search(/[*?]/);
      const root = arg.slice(0, arg.lastIndexOf('/', firstWild) + 1) || '.';
      const all: string[] = [];
      try {
        await walk(root, all, skip);
      } catch {
        /* reported below as matching nothing */
      }
      const re = globToRegExp(arg.startsWith('./') ? arg.slice(2) : arg);
      const hits = all.filter((p) => re.test(p.startsWith('./') ? p.slice(2) : p));
      if (hits.length) files.push(...hits);
      else missing.push(arg);
      continue;
    }
    try {
      const s = await stat(arg);
      if (s.isDirectory()) await walk(arg, files, skip);
      else files.push(arg);
    } catch {
      // a file that cannot be stat'ed is still passed on, so that it is reported with its reason
      files.push(arg);
    }
  }
  const seen = new Set<string>();
  return { files: files.filter((f) => (seen.has(resolve(f)) ? false : (seen.add(resolve(f)), true))), missing };
}

export function displayPath(f: string): string {
  return f.split(sep).join('/');
}
