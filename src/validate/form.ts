/**
 * Form: what a reviewer checks besides the arithmetic.
 *   form.empty-note  an empty table has its 无数据 / 空表 note, and a note saying empty sits on an empty table
 *   form.year        every table title's year (and the 部门预算/决算 headings of the text) is the document year
 *   form.department  the department / unit name is the same everywhere and not a placeholder (XX局)
 *   form.caliber     单位 wording in a 部门 document's titles and 部门预算 wording in a 单位 document
 *   form.sentence    incomplete sentences (主要原因是。) and doubled punctuation (。。) in the narrative
 */
import type { Document } from '../../schemas/document.js';
import type { Finding } from '../../schemas/findings.js';
import { finding } from './messages.js';
import { hasAmounts, norm } from './tables.js';

const EMPTY_NOTE = /无数据|空表|无相关数据|没有数据|无.{0,20}(安排|收支|支出|收入|预算|决算)/;

function emptyNotes(doc: Document): Finding[] {
  const out: Finding[] = [];
  for (const t of doc.tables) {
    if (/project_performance|overall_performance|unknown/.test(t.kind)) continue;
    const amounts = hasAmounts(t);
    const note = t.note ?? '';
    const where = { tableId: t.id, table: t.title, ...(t.pages[0] ? { page: t.pages[0] } : {}) };
    if (!amounts && !EMPTY_NOTE.test(note)) {
      out.push(finding('form.empty-note', 'warning', where, `表「${t.title}」没有数字，但没有“本表无数据/空表”的说明`, `table “${t.title}” has no amounts but no note saying it is empty`));
    } else if (amounts && EMPTY_NOTE.test(note)) {
      out.push(finding('form.empty-note', 'error', where, `表「${t.title}」注明“${note}”，却印有数字`, `table “${t.title}” is noted as empty (“${note}”) but prints amounts`, { found: note }));
    }
  }
  return out;
}

const DOC_HEADING = /(?<![比较与上])(\d{4})\s*年度?\s*(?:(?:[^\d，。；、]{0,20}?))(部门预算|单位预算|部门决算|单位决算|预算公开|决算公开|部门决算表|决算情况说明|预算情况说明)/g;

function years(doc: Document): Finding[] {
  const out: Finding[] = [];
  if (!doc.year) return out;
  for (const t of doc.tables) {
    if (t.year && t.year !== doc.year && !/performance/.test(t.kind)) {
      out.push(
        finding('form.year', 'error', { tableId: t.id, table: t.title, ...(t.pages[0] ? { page: t.pages[0] } : {}) }, `表「${t.title}」标题年度 ${t.year} 与文档年度 ${doc.year} 不一致`, `table “${t.title}”: title year ${t.year} differs from the document year ${doc.year}`, {
          expected: String(doc.year),
          found: String(t.year),
        }),
      );
    }
  }
  for (const b of doc.text ?? []) {
    const s = b.text.replace(/\s+/g, '');
    if (s.length > 60) continue; // headings and titles only: a paragraph may name other years
    for (const m of s.matchAll(DOC_HEADING)) {
      const y = Number(m[1]);
      if (y === doc.year) continue;
      out.push(
        finding('form.year', 'error', { ...(b.page ? { page: b.page } : {}), sentence: b.text }, `第${b.page ?? '?'}页 标题「${s}」的年度 ${y} 与文档年度 ${doc.year} 不一致`, `p. ${b.page ?? '?'} heading “${s}”: year ${y} differs from the document year ${doc.year}`, {
          expected: String(doc.year),
          found: String(y),
        }),
      );
    }
  }
  return out;
}

const PLACEHOLDER = /(?:XX|ＸＸ|××|xx|某某)(?:局|部门|单位|委|办|区|市|街道)?/;

function departments(doc: Document): Finding[] {
  const out: Finding[] = [];
  const d = doc.department ? norm(doc.department) : undefined;
  for (const t of doc.tables) {
    if (!t.department || !d) continue;
    const td = norm(t.department);
    if (td === d || td.includes(d) || d.includes(td)) continue;
    if (/performance/.test(t.kind)) continue;
    out.push(
      finding('form.department', 'error', { tableId: t.id, table: t.title, ...(t.pages[0] ? { page: t.pages[0] } : {}) }, `表「${t.title}」的单位「${t.department}」与文档的「${doc.department}」不一致`, `table “${t.title}”: department “${t.department}” differs from the document's “${doc.department}”`, {
        expected: doc.department,
        found: t.department,
      }),
    );
  }
  const texts = [...doc.tables.map((t) => ({ text: `${t.title} ${t.department ?? ''}`, page: t.pages[0] })), ...(doc.text ?? [])];
  const seen = new Set<string>();
  for (const b of texts) {
    const m = PLACEHOLDER.exec(b.text);
    if (!m) continue;
    const s = b.text.replace(/\s+/g, '').slice(0, 80);
    if (seen.has(m[0])) continue; // one finding per placeholder wording
    seen.add(m[0]);
    out.push(finding('form.department', 'error', { ...(b.page ? { page: b.page } : {}), sentence: s }, `第${b.page ?? '?'}页「${s}」含占位名称「${m[0]}」`, `p. ${b.page ?? '?'} “${s}” contains the placeholder name “${m[0]}”`, { found: m[0], ...(doc.department ? { expected: doc.department } : {}) }));
  }
  return out;
}

function caliber(doc: Document): Finding[] {
  const out: Finding[] = [];
  const kind = doc.docKind;
  if (!kind) return out;
  const unitDoc = kind.startsWith('单位');
  for (const t of doc.tables) {
    const title = t.title.replace(/\s+/g, '');
    const bad = unitDoc ? /部门(?!预算经济|预算支出经济|经济)(预算|决算|财务|收入|支出|财政|一般|政府|“三公”|三公)/.test(title) : /预算单位|^\d{4}年单位/.test(title);
    if (!bad) continue;
    out.push(
      finding('form.caliber', 'warning', { tableId: t.id, table: t.title, ...(t.pages[0] ? { page: t.pages[0] } : {}) }, `${kind}文件中，表「${t.title}」用了${unitDoc ? '“部门”' : '“单位”'}口径`, `a ${unitDoc ? '单位' : '部门'} document titles a table “${t.title}” at the ${unitDoc ? '部门' : '单位'} level`),
    );
  }
  if (unitDoc) {
    const seen = new Set<string>();
    const sentences = [...new Set(doc.narrative.map((f) => ({ s: f.sentence, page: f.page })).map((x) => JSON.stringify(x)))].map((x) => JSON.parse(x) as { s: string; page?: number });
    const blocks = (doc.text ?? []).map((b) => ({ s: b.text, page: b.page }));
    for (const { s, page } of blocks.length ? blocks : sentences) {
      const t = s.replace(/\s+/g, '');
      for (const m of t.matchAll(/部门(预算|决算)(?!经济|支出经济)(安排|编制|公开|收入|支出|中)?/g)) {
        const ctx = t.slice(Math.max(0, (m.index ?? 0) - 12), (m.index ?? 0) + 16);
        if (/部门预算经济|政府预算|部门预算支出经济/.test(ctx) || seen.has(ctx)) continue;
        seen.add(ctx);
        out.push(finding('form.caliber', 'warning', { ...(page ? { page } : {}), sentence: ctx }, `${kind}文件第${page ?? '?'}页写“${m[0]}”：「…${ctx}…」，应为“单位${m[1]}”`, `p. ${page ?? '?'}: a ${kind} document says “${m[0]}” (“…${ctx}…”); expected “单位${m[1]}”`, { expected: `单位${m[1]}`, found: m[0] }));
      }
    }
  }
  return out;
}

function sentences(doc: Document): Finding[] {
  const out: Finding[] = [];
  const blocks = doc.text?.length ? doc.text.map((b) => ({ s: b.text, page: b.page })) : [...new Map(doc.narrative.map((f) => [f.sentence, { s: f.sentence, page: f.page }])).values()];
  // join per page: the incomplete "原因是。" may follow a line break
  const pages = new Map<number, string>();
  for (const b of blocks) pages.set(b.page ?? 0, (pages.get(b.page ?? 0) ?? '') + b.s.replace(/\s+/g, ''));
  for (const [page, s] of pages) {
    for (const m of s.matchAll(/(主要)?(原因|用于|包括)(是|为|：|:)?[。；;]|。。|，，|；。|。，/g)) {
      const at = m.index ?? 0;
      const ctx = s.slice(Math.max(0, at - 24), at + m[0].length + 4);
      out.push(
        finding('form.sentence', 'warning', { ...(page ? { page } : {}), sentence: ctx }, `第${page || '?'}页「…${ctx}…」：${/。。|，，|；。|。，/.test(m[0]) ? '标点重复' : '句子残缺'}`, `p. ${page || '?'} “…${ctx}…”: ${/。。|，，|；。|。，/.test(m[0]) ? 'doubled punctuation' : 'an incomplete sentence'}`, { found: m[0] }),
      );
    }
  }
  return out;
}

export function checkForm(doc: Document): Finding[] {
  return [...emptyNotes(doc), ...years(doc), ...departments(doc), ...caliber(doc), ...sentences(doc)];
}
