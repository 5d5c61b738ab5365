/**
 * Document identity, decided once per document: the organisation as printed, its canonical `org`,
 * the year, the kind (部门预算 / 单位预算 / 部门决算 / 单位决算) and the source's hash.
 *
 * Read from what the document prints, most trusted first: the cover (the first page's lines before
 * 目录: 上海市普陀区财政局 / 2024年度部门决算), the tables' 部门名称/编制部门 lines, the narrative
 * (第二部分 X 2024年度部门决算表, X主要职能), the table titles (2017年度X部门收支预算总表); the file
 * name only as a last resort, with a warning. A cover that names a collection (上海市普陀区2025年
 * 区级部门预算) gives the year and kind but no organisation.
 */
import type { DocIdentity, Document } from '../../schemas/document.js';
import type { Diagnostic, TextBlock } from '../../schemas/intermediate.js';
import { cleanText } from '../core/text.js';
import { canonicalOrg, type OrgAliases } from './org-names.js';

export type DocKind = NonNullable<Document['docKind']>;
type Source = DocIdentity['source'];

/** The suffixes an organisation's name ends with (a region alone — 上海市普陀区 — is not one). */
const ORG_SUFFIX = /(局|厅|院|委|办|会|部|室|处|所|中心|站|队|馆|校|学|园|社|团|办事处|政府|公司|集团|街道|镇|乡|署|台|库|行)$/;
const YEAR = /(20\d{2})\s*年度?/;
const KIND = /(部门|单位)?(预算|决算)/;

export function looksLikeOrg(s: string): boolean {
  const t = s.replace(/\s+/g, '');
  return t.length >= 3 && t.length <= 40 && !/[，,。；;：:、!！?？“”"]/.test(t) && ORG_SUFFIX.test(t) && !/^(部门|单位|预算单位|本部门|本单位)$/.test(t);
}

interface Reading {
  organisation?: string;
  year?: number;
  kind?: DocKind | '预算' | '决算';
}

/**
 * A title line such as 上海市普陀区财政局2024年度部门决算 or 2017年度江苏省高级人民法院部门预算公开:
 * the organisation before the year, else between the year and the kind word.
 */
export function readTitleLine(line: string): Reading {
  const s = line.replace(/\s+/g, '');
  const y = YEAR.exec(s);
  if (!y) return {};
  const after = s.slice((y.index ?? 0) + y[0].length);
  const k = KIND.exec(after);
  if (!k) return {};
  const kind = (k[1] ? `${k[1]}${k[2]}` : k[2]) as Reading['kind'];
  const before = s.slice(0, y.index).replace(/^.*?(?:第[一二三四五六七八九十]+部分)/, '');
  const between = after.slice(0, k.index);
  // 上海市普陀区2025年区级部门预算: a collection of documents, not one organisation's
  const collection = /^(区级|市级|省级|县级|州级)$/.test(between);
  const organisation = !collection ? [before, between].find((x) => looksLikeOrg(x)) : undefined;
  return { year: Number(y[1]), kind, ...(organisation ? { organisation } : {}) };
}

/** The cover: the text lines of the first page with text, up to 目录, joined (titles wrap over lines). */
function coverText(blocks: TextBlock[]): string {
  const first = blocks.find((b) => b.text.trim());
  if (!first) return '';
  const lines: string[] = [];
  for (const b of blocks) {
    if (b.page !== first.page || lines.length >= 6) break;
    const t = cleanText(b.text);
    if (/^目\s*录$/.test(t) || /^第[一二三四五六七八九十]+部分/.test(t)) break;
    lines.push(t);
  }
  return lines.join('');
}

const mostCommon = <T>(xs: T[]): T | undefined => {
  const n = new Map<T, number>();
  for (const x of xs) n.set(x, (n.get(x) ?? 0) + 1);
  return [...n.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
};

/** The department lines of the tables: a name cut short (江苏省高级人民法) counts as the full name it starts. */
export function fullDepartmentNames(names: string[]): Map<string, string> {
  const distinct = [...new Set(names.map((n) => n.replace(/\s+/g, '')))];
  const full = new Map<string, string>();
  for (const n of distinct) {
    const longer = distinct.filter((m) => m.length > n.length && m.startsWith(n)).sort((a, b) => b.length - a.length)[0];
    full.set(n, longer ?? n);
  }
  return full;
}

function fromNarrative(blocks: TextBlock[]): string | undefined {
  for (const b of blocks.slice(0, 80)) {
    const t = cleanText(b.text).replace(/\s+/g, '');
    const part = /^第[一二三四五六七八九十]+部分(.+?)20\d{2}年度?(部门|单位)?(预算|决算)/.exec(t);
    if (part && looksLikeOrg(part[1])) return part[1];
    const duty = /^(.+?)(?:[（(](?:部门|单位)[)）])?主要职(?:能|责)$/.exec(t);
    if (duty && looksLikeOrg(duty[1])) return duty[1];
  }
  return undefined;
}

function fromTitles(titles: string[]): string | undefined {
  for (const title of titles) {
    const m = /^(?:20\d{2}年度?)(.+?)(?:部门|单位)?(?:财务)?(?:收支|收入|支出|财政拨款|一般公共|政府性|国有资本|“?三公)/.exec(title.replace(/\s+/g, ''));
    if (m && looksLikeOrg(m[1])) return m[1];
  }
  return undefined;
}

/** <organisation>_<year>_<kind>.pdf, or the name before the year: 江苏省委办公厅2017年部门预算.pdf */
function fromFileName(name: string): Reading {
  const stem = name.replace(/\.[^.]+$/, '');
  const head = stem.split(/[_＿]/)[0];
  const year = YEAR.exec(stem) ?? /(?:^|_)(20\d{2})(?:_|$)/.exec(stem);
  const k = /(部门|单位)(预算|决算)/.exec(stem);
  const beforeYear = year && year.index > 0 ? stem.slice(0, year.index).split(/[_＿]/).pop() : undefined;
  const organisation = [head, beforeYear].find((x) => x && looksLikeOrg(x));
  return { ...(organisation ? { organisation } : {}), ...(year ? { year: Number(year[1]) } : {}), ...(k ? { kind: `${k[1]}${k[2]}` as DocKind } : {}) };
}

export interface IdentityInput {
  /** every text block of the document in reading order (cover, headings, narrative, table captions) */
  blocks: TextBlock[];
  /** the narrative blocks (text outside tables) */
  narrative: TextBlock[];
  tables: { title: string; department?: string }[];
  /** the year read from the tables (or the narrative), when the cover gives none */
  year?: number;
  name: string;
  sha256: string;
  aliases: OrgAliases;
}

export interface IdentityResult {
  identity: DocIdentity;
  /** printed department → full name, for the tables whose department line is cut short */
  fullNames: Map<string, string>;
  diagnostics: Diagnostic[];
}

export function documentIdentity(input: IdentityInput): IdentityResult {
  const diagnostics: Diagnostic[] = [];
  const cover = readTitleLine(coverText(input.blocks));
  const fullNames = fullDepartmentNames(input.tables.flatMap((t) => (t.department ? [t.department] : [])));
  const lines = input.tables.flatMap((t) => (t.department ? [fullNames.get(t.department.replace(/\s+/g, '')) ?? t.department] : []));
  const file = fromFileName(input.name);
  const candidates: [Source, string | undefined][] = [
    ['cover', cover.organisation],
    ['department-line', mostCommon(lines)],
    ['narrative', fromNarrative(input.narrative)],
    ['title', fromTitles(input.tables.map((t) => t.title))],
    ['filename', file.organisation],
  ];
  const [source, organisation] = candidates.find(([, o]) => !!o) ?? ['none', undefined];
  if (source === 'filename') {
    diagnostics.push({ severity: 'warning', code: 'identity.from-filename', message: `${input.name}: the document prints no organisation name that yusuan can read; “${organisation}” is taken from the file name` });
  } else if (!organisation) {
    diagnostics.push({ severity: 'warning', code: 'identity.no-organisation', message: `${input.name}: no organisation name found (cover, department lines, narrative, titles or file name)` });
  }
  // a department line cut short of the organisation's name is that name
  if (organisation) {
    for (const [n, f] of fullNames) if (organisation.length > f.length && organisation.startsWith(f)) fullNames.set(n, organisation);
  }
  const year = cover.year ?? input.year ?? file.year;
  const { kind: docKind, assumed } = kindOf(cover, input, file);
  if (assumed) {
    diagnostics.push({ severity: 'warning', code: 'identity.kind-assumed', message: `${input.name}: the document says 预算/决算 but neither 部门 nor 单位; taken as ${docKind}` });
  }
  const identity: DocIdentity = {
    ...(organisation ? { organisation, org: canonicalOrg(organisation, input.aliases) } : {}),
    ...(year ? { year } : {}),
    ...(docKind ? { doc_kind: docKind } : {}),
    sha256: input.sha256,
    source,
  };
  return { identity, fullNames, diagnostics };
}

/**
 * 部门/单位 and 预算/决算: the cover says both (上海市普陀区2025年区级单位预算); else the first
 * 部门预算/单位决算… the document prints; else 预算/决算 from the table titles and the caliber
 * from the department line's label (部门： / 单位名称：); the file name last.
 */
function kindOf(cover: Reading, input: IdentityInput, file: Reading): { kind?: DocKind; assumed?: boolean } {
  if (cover.kind && cover.kind.length === 4) return { kind: cover.kind as DocKind };
  const texts = [...input.blocks.slice(0, 60).map((b) => b.text), ...input.tables.map((t) => t.title)].map((t) => t.replace(/\s+/g, ''));
  const printed = texts.map((t) => /(部门|单位)(预算|决算)(?!单位)/.exec(t)).find((m) => m);
  if (printed) return { kind: `${printed[1]}${printed[2]}` as DocKind };
  const final = cover.kind === '决算' || input.tables.some((t) => /决算/.test(t.title));
  const budget = cover.kind === '预算' || input.tables.some((t) => /预算/.test(t.title));
  const label = texts.map((t) => /^(部门名称|编制部门|预算主管部门|主管部门|部门|单位名称|预算单位|编制单位)\s*[:：]/.exec(t)).find((m) => m);
  const caliber = label ? (/单位/.test(label[1]) ? '单位' : '部门') : undefined;
  if ((final || budget) && caliber) return { kind: `${caliber}${final ? '决算' : '预算'}` as DocKind };
  if (file.kind && file.kind.length === 4) return { kind: file.kind as DocKind };
  // a disclosure that names neither caliber is most likely the department's (部门预算 is what is
  // published): said, with a warning
  if (final || budget) return { kind: `部门${final ? '决算' : '预算'}` as DocKind, assumed: true };
  return {};
}
