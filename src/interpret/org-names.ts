/**
 * One name per organisation: the canonical `org` of a printed organisation name, the same across
 * years, spellings and calibers (中国共产党江苏省委员会办公厅 = 中共江苏省委办公厅).
 *
 * Two sources, applied in this order:
 *   1. spelling rules that hold for every organisation (full and short forms of the Party,
 *      people's congress and CPPCC names), below;
 *   2. the alias table `data/org-aliases.csv` (columns alias,org) that the project ships, plus any
 *      files a user names (CLI --org-aliases, or YUSUAN_ORG_ALIASES: paths separated by the
 *      platform's path delimiter). A user file extends or overrides the project's without code.
 */
import { readFileSync } from 'node:fs';
import { delimiter } from 'node:path';
import { projectDataFile } from '../core/data-file.js';
import { cleanText, normalizeChars } from '../core/text.js';

export type OrgAliases = ReadonlyMap<string, string>;

/** Spelling rules: [printed form, short form]. The short form is what the disclosures mostly print. */
const SPELLINGS: [RegExp, string][] = [
  [/中国共产党(.+?)委员会/g, '中共$1委'],
  [/(.+?)人民代表大会常务委员会/g, '$1人大常委会'],
  [/中国人民政治协商会议(.+?)委员会/g, '$1政协'],
  [/[（(]\s*部门\s*[)）]|[（(]\s*单位\s*[)）]/g, ''],
];

/** The printed name with the spelling rules applied (no alias lookup). */
export function normalizeOrgName(name: string): string {
  let s = cleanText(normalizeChars(name)).replace(/\s+/g, '');
  for (const [re, to] of SPELLINGS) s = s.replace(re, to);
  return s;
}

/** The canonical org of a printed name: spelling rules, then the alias table (by the normalised alias). */
export function canonicalOrg(name: string, aliases: OrgAliases): string {
  const n = normalizeOrgName(name);
  return aliases.get(n) ?? n;
}

/** Parse an alias file: CSV with a header `alias,org`; blank lines and lines starting with # are skipped. */
export function parseOrgAliases(text: string, into: Map<string, string> = new Map()): Map<string, string> {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  for (const [i, raw] of lines.entries()) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const [alias, org] = line.split(',').map((x) => x.trim().replace(/^"(.*)"$/, '$1'));
    if (i === 0 && alias === 'alias') continue;
    if (!alias || !org) continue;
    into.set(normalizeOrgName(alias), normalizeOrgName(org));
  }
  return into;
}

const cache = new Map<string, OrgAliases>();

/**
 * The alias table: the project's file, then `extra` files (and those in YUSUAN_ORG_ALIASES), later
 * files overriding earlier ones. Read once per set of files. A named file that cannot be read throws.
 */
export function loadOrgAliases(extra: string[] = []): OrgAliases {
  const env = (process.env.YUSUAN_ORG_ALIASES ?? '').split(delimiter).filter(Boolean);
  const files = [projectDataFile('org-aliases.csv', import.meta.url), ...env, ...extra].filter((f): f is string => !!f);
  const key = files.join('\u0000');
  let table = cache.get(key);
  if (!table) {
    const map = new Map<string, string>();
    for (const f of files) parseOrgAliases(readFileSync(f, 'utf8'), map);
    table = map;
    cache.set(key, table);
  }
  return table;
}
