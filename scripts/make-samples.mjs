#!/usr/bin/env node
// Generates the project's own sample documents from the seed text rendering of the
// 2024 部门预算 of 忻州市信访局.
//
//   node scripts/make-samples.mjs [SEED_TXT] [--out DIR] [--no-pdf]
//
// SEED_TXT defaults to ../shared/corpus/text/xinzhou-xinfang-2024-budget.txt (relative to the
// repo root), DIR defaults to samples/. Writes:
//   xinzhou-xinfang-2024-budget.md              markdown, tab runs -> pipe tables
//   xinzhou-xinfang-2024-budget.html            one HTML page, header cells with colspan/rowspan
//   xinzhou-xinfang-2024-budget.chromium.pdf    the HTML printed by headless Chromium (A4)
//   xinzhou-xinfang-2024-budget.libreoffice.pdf the tables laid out in a flat ODS, converted by LibreOffice
//   xinzhou-xinfang-2024-budget.borderless.pdf  the HTML without any table border, printed by Chromium:
//                                               tables found by alignment alone (no ruling lines)
//   xinzhou-xinfang-2024-budget.borderless-libreoffice.pdf  the ODS sheets with every cell border off,
//                                               converted by LibreOffice (gridlines off)
//   README.md                                   what the samples are + tool versions (only when PDFs are rendered)
//
// Plain Node ESM, no dependencies. Chromium and LibreOffice are shelled out to; pdftotext/pdfinfo
// (poppler-utils) are used, if present, to report page counts and which tables cross a page break.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderChromium, renderLibreOffice, tryExec, withoutBorders } from './render-pdf.mjs';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BASE = 'xinzhou-xinfang-2024-budget';

// ---------------------------------------------------------------------------------------------
// arguments

function parseArgs(argv) {
  const opts = { seed: null, out: path.join(REPO, 'samples'), pdf: true };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--out') opts.out = path.resolve(argv[++i]);
    else if (a === '--no-pdf') opts.pdf = false;
    else if (a === '-h' || a === '--help') {
      console.log('usage: node scripts/make-samples.mjs [SEED_TXT] [--out DIR] [--no-pdf]');
      process.exit(0);
    } else if (!a.startsWith('--') && !opts.seed) opts.seed = path.resolve(a);
    else throw new Error(`unknown argument: ${a}`);
  }
  if (!opts.seed) opts.seed = path.resolve(REPO, '../shared/corpus/text', `${BASE}.txt`);
  return opts;
}

// ---------------------------------------------------------------------------------------------
// seed parsing: blocks of heading / para / list item / blank / table run

const isPageBreakArtefact = (cells) =>
  cells.every((c) => /^-*$/.test(c.trim())) && cells.some((c) => /^-{3,}$/.test(c.trim()));

function parseSeed(text) {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const blocks = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    if (line.includes('\t')) {
      const rows = [];
      const start = i + 1;
      while (i < lines.length && lines[i].includes('\t')) {
        const cells = lines[i].split('\t');
        if (!isPageBreakArtefact(cells)) rows.push(cells);
        i++;
      }
      if (rows.length) blocks.push({ type: 'table', rows, line: start });
      continue;
    }
    i++;
    if (!line.trim()) blocks.push({ type: 'blank' });
    else if (/^#{1,6}\s/.test(line)) {
      const m = /^(#{1,6})\s+(.*)$/.exec(line);
      blocks.push({ type: 'heading', level: m[1].length, text: m[2].trim(), raw: line });
    } else if (/^- /.test(line)) blocks.push({ type: 'item', text: line.slice(2), raw: line });
    else blocks.push({ type: 'para', text: line.trim(), raw: line });
  }
  // a table run that follows another table run with only blank lines between is a continuation
  let prev = null;
  for (const b of blocks) {
    if (b.type === 'blank') continue;
    if (b.type === 'table') {
      b.continued = prev?.type === 'table';
      const width = Math.max(...b.rows.map((r) => r.length));
      b.width = width;
    }
    prev = b;
  }
  return blocks;
}

// ---------------------------------------------------------------------------------------------
// table analysis shared by HTML and FODS

const plain = (s) => s.replace(/<\/?b>/g, '').trim();
const SUBJECT_CODE = /^\d{3}(\d{2}){0,2}$/;
const AMOUNT = /^[-−]?\d[\d,]*(\.\d+)?$/;
const DECIMAL = /^[-−]?\d[\d,]*\.\d+$/;
const GROUPED_INT = /^\d{1,3}(,\d{3})+$/;

function isBodyRow(cells, index) {
  const first = plain(cells[0] ?? '');
  // a label with no values at all (三公 table: 因公出国（境）费 with empty cells) is a body row too
  if (index > 0 && first && cells.slice(1).every((c) => !plain(c))) return true;
  if (SUBJECT_CODE.test(first)) return true;
  if (/合计|总计/.test(first)) return true;
  if (AMOUNT.test(first)) return true;
  return cells.some((c) => DECIMAL.test(plain(c)));
}

// number of header rows = rows before the first body row (all rows if there is no body row)
function headerCount(rows, continued = false) {
  if (continued) return 0; // the continuation of a table interrupted by a page break has no header
  const k = rows.findIndex((r, i) => isBodyRow(r, i));
  return k === -1 ? rows.length : k;
}

// Lay out rows (padded to `width`) as cells with colspan/rowspan. Only the first `nh` rows get
// merged cells; body rows keep one cell per tab cell.
function layoutTable(rows, width, continued = false) {
  const nh = headerCount(rows, continued);
  const get = (r, c) => plain(rows[r][c] ?? '');
  const covered = rows.map(() => new Array(width).fill(false));
  const out = [];
  const textBelow = (r, k) => {
    for (let r2 = r + 1; r2 < nh; r2++) if (get(r2, k)) return true;
    return false;
  };
  for (let r = 0; r < rows.length; r++) {
    const cells = [];
    for (let c = 0; c < width; c++) {
      if (covered[r][c]) continue;
      const raw = rows[r][c] ?? '';
      const text = plain(raw);
      let colspan = 1;
      let rowspan = 1;
      if (r < nh && text) {
        while (c + colspan < width && !get(r, c + colspan) && !covered[r][c + colspan] && textBelow(r, c + colspan)) colspan++;
        // rowspans only in real header blocks; in form-like tables without any body row (目录,
        // 项目支出绩效目标表) "empty down to the end" says nothing about merging
        if (r < nh - 1 && nh < rows.length) {
          let empty = true;
          for (let r2 = r + 1; r2 < nh && empty; r2++)
            for (let k = c; k < c + colspan; k++) if (get(r2, k) || covered[r2][k]) empty = false;
          if (empty) rowspan = nh - r;
        }
        for (let r2 = r; r2 < r + rowspan; r2++) for (let k = c; k < c + colspan; k++) covered[r2][k] = true;
      }
      cells.push({ col: c, raw, text, bold: /<b>/.test(raw), colspan, rowspan });
    }
    out.push({ header: r < nh, cells });
  }
  return { nh, hasBody: nh < rows.length, rows: out };
}

// ---------------------------------------------------------------------------------------------
// markdown

function mdCell(s) {
  return s.trim().replace(/<b>(.*?)<\/b>/g, (_, x) => (x.trim() ? `**${x.trim()}**` : '')).replace(/<\/?b>/g, '').replace(/\|/g, '\\|');
}

function toMarkdown(blocks) {
  const out = [];
  const blank = () => {
    if (out.length && out[out.length - 1] !== '') out.push('');
  };
  for (const b of blocks) {
    if (b.type === 'blank') blank();
    else if (b.type === 'table') {
      blank();
      const w = b.width;
      b.rows.forEach((r, i) => {
        const cells = Array.from({ length: w }, (_, k) => mdCell(r[k] ?? ''));
        out.push('|' + cells.map((c) => (c ? ` ${c} ` : ' ')).join('|') + '|');
        if (i === 0) out.push('|' + '---|'.repeat(w));
      });
      blank();
    } else out.push(b.raw);
  }
  while (out.length && out[0] === '') out.shift();
  while (out.length && out[out.length - 1] === '') out.pop();
  return out.join('\n') + '\n';
}

// ---------------------------------------------------------------------------------------------
// HTML

const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const inline = (s) => esc(s).replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>');
const cellHtml = (raw) => esc(raw.trim()).replace(/&lt;(\/?)b&gt;/g, '<$1b>');

const CSS = `
@page { size: A4 portrait; margin: 16mm 14mm; }
html { -webkit-print-color-adjust: exact; }
body, h1, h2, h3, h4, h5, h6, th, b, strong { font-synthesis: none; }
/* WenQuanYi Zen Hei first: Chromium embeds it as a CID TrueType subset, while Noto Sans CJK (CFF in a
   .ttc) comes out as dozens of Type 3 fonts. No synthetic bold either (that also yields Type 3 fonts). */
body { font-family: "WenQuanYi Zen Hei", "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "SimSun", sans-serif;
       font-size: 10.5pt; line-height: 1.6; color: #000; margin: 0; }
h1 { font-size: 20pt; text-align: center; margin: 18px 0 10px; }
h2 { font-size: 15pt; text-align: center; margin: 16px 0 8px; }
h3 { font-size: 13pt; margin: 14px 0 6px; }
h4, h5, h6 { font-size: 11pt; margin: 12px 0 6px; }
p { margin: 4px 0; text-align: justify; }
p.meta { margin: 2px 0; }
p.label { margin: 10px 0 2px; }
ul { margin: 4px 0; padding-left: 1.5em; }
.pagebreak { break-before: page; }
table { border-collapse: collapse; border: 1px solid #000; width: 100%; margin: 4px 0 14px; }
thead { display: table-row-group; } /* no header repetition on following pages */
th, td { border: 1px solid #000; padding: 6px 5px; vertical-align: middle; font-size: 10pt; line-height: 1.45; }
th { font-weight: bold; text-align: center; background: #f2f2f2; }
td.num { text-align: right; white-space: nowrap; }
tr { break-inside: avoid; }
`;


function tableHtml(b) {
  const lay = layoutTable(b.rows, b.width, b.continued);
  const useTh = lay.hasBody && lay.nh > 0;
  const rowHtml = (row) => {
    const tag = row.header && useTh ? 'th' : 'td';
    const cells = row.cells.map((c) => {
      let attrs = '';
      if (c.colspan > 1) attrs += ` colspan="${c.colspan}"`;
      if (c.rowspan > 1) attrs += ` rowspan="${c.rowspan}"`;
      if (tag === 'td' && (DECIMAL.test(c.text) || GROUPED_INT.test(c.text) || c.text === '0')) attrs += ' class="num"';
      return `<${tag}${attrs}>${cellHtml(c.raw)}</${tag}>`;
    });
    return `<tr>${cells.join('')}</tr>`;
  };
  const parts = ['<table>'];
  if (useTh) {
    parts.push('<thead>');
    lay.rows.filter((r) => r.header).forEach((r) => parts.push(rowHtml(r)));
    parts.push('</thead>');
  }
  parts.push('<tbody>');
  lay.rows.filter((r) => !(useTh && r.header)).forEach((r) => parts.push(rowHtml(r)));
  parts.push('</tbody>', '</table>');
  return parts.join('\n');
}

function toHtml(blocks, title) {
  const out = [];
  let list = false;
  const closeList = () => {
    if (list) out.push('</ul>');
    list = false;
  };
  for (const b of blocks) {
    if (b.type !== 'item') closeList();
    if (b.type === 'blank') continue;
    if (b.type === 'heading') {
      // start the statistical tables on a fresh page so that the 收支总表 has to cross a page break
      const cls = /^第二部分/.test(b.text) ? ' class="pagebreak"' : '';
      out.push(`<h${b.level}${cls}>${inline(b.text)}</h${b.level}>`);
    } else if (b.type === 'item') {
      if (!list) out.push('<ul>');
      list = true;
      out.push(`<li>${inline(b.text)}</li>`);
    } else if (b.type === 'para') {
      let cls = '';
      if (/^(预算|部门)公开表\d+$/.test(b.text)) cls = ' class="label"';
      else if (/^(部门名称|单位)[：:]/.test(b.text)) cls = ' class="meta"';
      out.push(`<p${cls}>${inline(b.text)}</p>`);
    } else if (b.type === 'table') out.push(tableHtml(b));
  }
  closeList();
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>${esc(title)}</title>
<style>${CSS}</style>
</head>
<body>
${out.join('\n')}
</body>
</html>
`;
}

// ---------------------------------------------------------------------------------------------
// sections: the 13 standard tables, the 10 项目支出绩效目标表 and the 部门整体 table

function collectSections(blocks) {
  const sections = [];
  let inTables = false;
  let cur = null;
  let pendingLabel = null;
  const JX = '忻州市市级预算部门（单位）项目支出绩效目标表';
  for (const b of blocks) {
    if (b.type === 'blank') continue;
    const text = b.type === 'table' ? '' : b.text.replace(/\*\*/g, '');
    if (b.type === 'heading' && /^第二部分/.test(text)) { inTables = true; continue; }
    if (b.type === 'heading' && /^第三部分/.test(text)) { inTables = false; cur = null; continue; }
    if (inTables && b.type === 'para' && /^(预算|部门)公开表\d+$/.test(text)) { pendingLabel = text; continue; }
    if (inTables && b.type === 'heading' && /^2024年/.test(text)) {
      cur = { kind: 'standard', label: pendingLabel, title: text, lines: [], rows: [], notes: [] };
      pendingLabel = null;
      sections.push(cur);
      continue;
    }
    if (!inTables && (text === JX || /^忻州市信访局2024年部门预算公开报告$/.test(text))) {
      cur = { kind: text === JX ? 'performance' : 'overall', label: null, title: text, lines: [], rows: [], notes: [] };
      sections.push(cur);
      continue;
    }
    if (!cur) continue;
    if (b.type === 'table') {
      if (cur.rows.length && !b.continued) { cur = null; continue; }
      cur.rows.push(...b.rows);
    } else if (b.type === 'para' && !cur.rows.length) cur.lines.push(text);
    else if (b.type === 'para' && /^注[：:]/.test(text)) cur.notes.push(text);
    else cur = null;
  }
  for (const s of sections) s.width = Math.max(...s.rows.map((r) => r.length));
  return sections;
}

// ---------------------------------------------------------------------------------------------
// flat ODS (.fods) for LibreOffice

// WenQuanYi Zen Hei: LibreOffice embeds it as TrueType subsets (~200 KB PDF); with Noto Sans CJK SC
// the PDF is ~370 KB. Override with SAMPLES_LO_FONT.
const FONT = process.env.SAMPLES_LO_FONT || 'WenQuanYi Zen Hei';
const CM_PER_PT = 2.54 / 72;

// display width in em of a string (CJK = 1, other = 0.55)
const emWidth = (s) => [...s].reduce((w, ch) => w + (/[\u2E80-\uFFEF]/.test(ch) ? 1 : 0.55), 0);

function columnWidths(section, lay, maxTotal) {
  const w = section.width;
  const fontCm = 10 * CM_PER_PT;
  const PAD = 0.4;
  const min = new Array(w).fill(1.0); // never narrower: numbers, codes, short labels
  const want = new Array(w).fill(1.2); // what the column would like
  for (const row of lay.rows)
    for (const c of row.cells) {
      if (c.colspan !== 1 || !c.text) continue;
      const full = emWidth(c.text) * fontCm + PAD;
      const noWrap = AMOUNT.test(c.text) || !/[\u2E80-\uFFEF]/.test(c.text) || [...c.text].length <= 4;
      if (noWrap) min[c.col] = Math.max(min[c.col], full);
      else min[c.col] = Math.max(min[c.col], Math.min(full, 4 * fontCm + PAD));
      want[c.col] = Math.max(want[c.col], Math.min(row.header ? 2.3 : 6.5, full));
    }
  for (let k = 0; k < w; k++) want[k] = Math.max(want[k], min[k]);
  const sum = (a) => a.reduce((x, y) => x + y, 0);
  let cols = want.slice();
  if (sum(want) > maxTotal) {
    // give every column its minimum, share the rest in proportion to the slack
    const rest = Math.max(0, maxTotal - sum(min));
    const slack = sum(want) - sum(min);
    cols = want.map((x, k) => min[k] + (slack > 0 ? ((x - min[k]) * rest) / slack : 0));
    // even the minimums do not fit: scale everything (the sheet must never be split sideways)
    if (sum(cols) > maxTotal) cols = cols.map((x) => (x * maxTotal) / sum(cols));
  }
  // the title (14pt, one line if possible) must fit above the table
  const titleW = Math.min(maxTotal, emWidth(section.title) * 14 * CM_PER_PT + 0.8);
  if (sum(cols) < titleW) {
    const f = titleW / sum(cols);
    cols = cols.map((x) => x * f);
  }
  return cols.map((x) => Math.floor(x * 100) / 100);
}

function fodsCell(c, style, extra = '') {
  const span =
    (c.colspan > 1 ? ` table:number-columns-spanned="${c.colspan}"` : '') +
    (c.rowspan > 1 ? ` table:number-rows-spanned="${c.rowspan}"` : '');
  const t = c.text;
  let value = '';
  let st = style;
  if (/^\d+\.\d{2}$/.test(t)) {
    // zero amounts become (right-aligned) strings: without a settings.xml LibreOffice hides zero values
    value = Number(t) === 0 ? ' office:value-type="string"' : ` office:value-type="float" office:value="${t}"`;
    st = `${style}_n2`;
  } else if (GROUPED_INT.test(t)) {
    value = ` office:value-type="float" office:value="${t.replace(/,/g, '')}"`;
    st = `${style}_g`;
  } else if (t) value = ' office:value-type="string"';
  const p = t ? `<text:p>${esc(t)}</text:p>` : '';
  return `<table:table-cell table:style-name="${c.bold ? st + 'b' : st}"${value}${span}${extra}>${p}</table:table-cell>`;
}

function toFods(sections, { borderless = false, oneSheet = false } = {}) {
  const PRINT_W = 21 - 2 * 1.5 - 0.2;
  const autoStyles = [];
  const colStyles = new Map();
  const colStyle = (cm) => {
    const key = cm.toFixed(2);
    if (!colStyles.has(key)) {
      const name = `co${colStyles.size + 1}`;
      colStyles.set(key, name);
      autoStyles.push(`<style:style style:name="${name}" style:family="table-column"><style:table-column-properties fo:break-before="auto" style:column-width="${key}cm"/></style:style>`);
    }
    return colStyles.get(key);
  };
  const textProps = (pt, bold) =>
    `<style:text-properties style:font-name="${FONT}" style:font-name-asian="${FONT}" style:font-name-complex="${FONT}" fo:font-size="${pt}pt" style:font-size-asian="${pt}pt" style:font-size-complex="${pt}pt"${bold ? ' fo:font-weight="bold" style:font-weight-asian="bold" style:font-weight-complex="bold"' : ''}/>`;
  const cellStyle = (name, { align = 'start', pt = 10, bold = false, border = true, valign = 'middle', wrap = true, data = null }) =>
    `<style:style style:name="${name}" style:family="table-cell" style:parent-style-name="Default"${data ? ` style:data-style-name="${data}"` : ''}>` +
    `<style:table-cell-properties style:vertical-align="${valign}"${wrap ? ' fo:wrap-option="wrap"' : ''}${border && !borderless ? ' fo:border="0.5pt solid #000000"' : ' fo:border="none"'} fo:padding-left="0.08cm" fo:padding-right="0.08cm" fo:padding-top="${border ? '0.13cm' : '0.04cm'}" fo:padding-bottom="${border ? '0.13cm' : '0.04cm'}" style:text-align-source="fix" style:repeat-content="false"/>` +
    `<style:paragraph-properties fo:text-align="${align}"/>` +
    textProps(pt, bold) +
    `</style:style>`;
  const numberStyles = `
  <number:number-style style:name="N2"><number:number number:decimal-places="2" number:min-decimal-places="2" number:min-integer-digits="1"/></number:number-style>
  <number:number-style style:name="NG"><number:number number:decimal-places="0" number:min-decimal-places="0" number:min-integer-digits="1" number:grouping="true"/></number:number-style>`;
  const styles = [];
  for (const [base, opt] of [
    ['hd', { align: 'center', bold: true }],
    ['tx', { align: 'start' }],
  ]) {
    for (const bold of [false, true]) {
      const sfx = bold ? 'b' : '';
      const o = { ...opt, bold: opt.bold || bold };
      styles.push(cellStyle(base + sfx, o));
      styles.push(cellStyle(`${base}_n2${sfx}`, { ...o, align: 'end', data: 'N2' }));
      styles.push(cellStyle(`${base}_g${sfx}`, { ...o, align: 'end', data: 'NG' }));
    }
  }
  styles.push(cellStyle('title', { align: 'center', pt: 14, bold: true, border: false, wrap: true }));
  styles.push(cellStyle('sub', { align: 'center', pt: 10.5, border: false }));
  styles.push(cellStyle('label', { align: 'start', pt: 10, border: false, valign: 'bottom' }));
  styles.push(cellStyle('metaL', { align: 'start', pt: 10, border: false }));
  styles.push(cellStyle('metaR', { align: 'end', pt: 10, border: false }));
  styles.push(cellStyle('note', { align: 'start', pt: 10, border: false, valign: 'top' }));

  const rowStyles = new Map();
  const rowStyle = (cm) => {
    const key = cm.toFixed(2);
    if (!rowStyles.has(key)) {
      const name = `ro${rowStyles.size + 1}`;
      rowStyles.set(key, name);
      autoStyles.push(`<style:style style:name="${name}" style:family="table-row"><style:table-row-properties style:row-height="${key}cm" style:use-optimal-row-height="false" fo:break-before="auto"/></style:style>`);
    }
    return rowStyles.get(key);
  };
  const rowHeight = (cells, widths) => {
    let lines = 1;
    for (const c of cells) {
      if (!c.text) continue;
      const avail = widths.slice(c.col, c.col + c.colspan).reduce((a, b) => a + b, 0) - 0.25;
      const need = emWidth(c.text) * 10 * CM_PER_PT * 1.12;
      lines = Math.max(lines, Math.ceil(need / avail));
    }
    return Math.max(0.7, lines * 0.47 + 0.3);
  };
  const tables = [];
  const stacked = [];
  let stackedWidth = 1;
  let n = { standard: 0, performance: 0, overall: 0 };
  for (const s of sections) {
    n[s.kind]++;
    const name = s.kind === 'standard' ? `表${n.standard}` : s.kind === 'performance' ? `绩效目标${n.performance}` : '部门整体绩效';
    const lay = layoutTable(s.rows, s.width);
    const widths = columnWidths(s, lay, PRINT_W);
    const W = s.width;
    const rows = [];
    const full = (text, style, rs = 'roA') =>
      rows.push(`<table:table-row table:style-name="${rs}">` +
        fodsCell({ text, colspan: W, rowspan: 1 }, style) +
        (W > 1 ? `<table:covered-table-cell table:number-columns-repeated="${W - 1}"/>` : '') +
        `</table:table-row>`);
    if (s.label) full(s.label, 'label');
    const titleLines = Math.ceil((emWidth(s.title) * 14 * CM_PER_PT * 1.05) / (widths.reduce((a, b) => a + b, 0) - 0.3));
    full(s.title, 'title', rowStyle(0.4 + 0.65 * titleLines));
    for (const l of s.lines) {
      if (/^单位[：:]/.test(l)) full(l, 'metaR');
      else if (/^部门名称[：:]/.test(l)) full(l, 'metaL');
      else full(l, 'sub');
    }
    // explicit row heights (LibreOffice's optimal height ignores cell padding and gives cramped rows):
    // at least 0.7 cm, more when the text has to wrap (estimated generously so nothing is clipped)
    const covered = lay.rows.map(() => new Array(W).fill(false));
    lay.rows.forEach((row, r) => {
      for (const c of row.cells)
        for (let r2 = r; r2 < r + c.rowspan; r2++)
          for (let k = c.col; k < c.col + c.colspan; k++) if (r2 !== r || k !== c.col) covered[r2][k] = true;
    });
    lay.rows.forEach((row, r) => {
      const byCol = new Map(row.cells.map((c) => [c.col, c]));
      const cells = [];
      for (let k = 0; k < W; k++) {
        if (covered[r][k]) { cells.push('<table:covered-table-cell/>'); continue; }
        const c = byCol.get(k) ?? { col: k, text: '', raw: '', colspan: 1, rowspan: 1 };
        const style = row.header && lay.hasBody ? 'hd' : 'tx';
        cells.push(fodsCell(c, style));
      }
      rows.push(`<table:table-row table:style-name="${rowStyle(rowHeight(row.cells, widths))}">${cells.join('')}</table:table-row>`);
    });
    for (const note of s.notes) full(note, 'note');
    const cols = widths.map((w) => `<table:table-column table:style-name="${colStyle(w)}" table:default-cell-style-name="Default"/>`).join('');
    tables.push(`<table:table table:name="${esc(name)}" table:style-name="ta1">${cols}\n${rows.join('\n')}\n</table:table>`);
    stacked.push(rows.join('\n'));
    stackedWidth = Math.max(stackedWidth, W);
  }
  if (oneSheet) {
    // every table on one sheet, one under another, a blank row between (as some budget systems export)
    const cols = `<table:table-column table:style-name="${colStyle(2.5)}" table:number-columns-repeated="${stackedWidth}" table:default-cell-style-name="Default"/>`;
    tables.length = 0;
    tables.push(`<table:table table:name="预算公开表" table:style-name="ta1">${cols}\n${stacked.join('\n<table:table-row table:style-name="roA"><table:table-cell/></table:table-row>\n')}\n</table:table>`);
  }

  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
 xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
 office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:meta><dc:title>忻州市信访局2024年部门预算公开表</dc:title><meta:generator>yusuan scripts/make-samples.mjs</meta:generator></office:meta>
<office:font-face-decls>
 <style:font-face style:name="${FONT}" svg:font-family="'${FONT}'" style:font-family-generic="swiss" style:font-pitch="variable"/>
</office:font-face-decls>
<office:styles>
 <style:style style:name="Default" style:family="table-cell">${textProps(10, false)}</style:style>
</office:styles>
<office:automatic-styles>${numberStyles}
 <style:page-layout style:name="pm1">
  <style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" style:print-orientation="portrait" fo:margin-top="1.5cm" fo:margin-bottom="1.5cm" fo:margin-left="1.5cm" fo:margin-right="1.5cm" style:table-centering="horizontal" style:print="objects charts drawings" style:print-page-order="ttb" style:first-page-number="continue"/>
  <style:header-style/><style:footer-style/>
 </style:page-layout>
 <style:style style:name="ta1" style:family="table" style:master-page-name="PM1"><style:table-properties table:display="true" style:writing-mode="lr-tb"/></style:style>
 <style:style style:name="roA" style:family="table-row"><style:table-row-properties style:use-optimal-row-height="true" fo:break-before="auto"/></style:style>
 ${autoStyles.join('\n ')}
 ${styles.join('\n ')}
</office:automatic-styles>
<office:master-styles>
 <style:master-page style:name="PM1" style:page-layout-name="pm1">
  <style:header style:display="false"/><style:footer style:display="false"/>
 </style:master-page>
</office:master-styles>
<office:body>
<office:spreadsheet>
${tables.join('\n')}
</office:spreadsheet>
</office:body>
</office:document>
`;
}

// ---------------------------------------------------------------------------------------------
// external tools: scripts/render-pdf.mjs

// which standard tables cross a page boundary in a PDF (needs pdftotext): the page of the title
// line vs the page of the table's last line (its last row's first short cell, or its note),
// searched only up to the page of the next table's title
function pageReport(pdfPath, sections) {
  const pagesInfo = tryExec('pdfinfo', [pdfPath]);
  const pages = pagesInfo ? Number(/Pages:\s+(\d+)/.exec(pagesInfo)?.[1]) : null;
  const txt = tryExec('pdftotext', ['-layout', pdfPath, '-']);
  if (!txt) return { pages, crossing: [] };
  const pageLines = txt.split('\f').map((p) => p.split('\n').map((l) => l.replace(/\s+/g, '')));
  const std = sections.filter((s) => s.kind === 'standard');
  const titlePos = [];
  let from = { page: 0, line: 0 };
  for (const s of std) {
    const t = s.title.replace(/\s+/g, '');
    let pos = null;
    for (let p = from.page; p < pageLines.length && !pos; p++) {
      const i = pageLines[p].findIndex((l, k) => (p > from.page || k >= from.line) && l === t);
      if (i >= 0) pos = { page: p, line: i + 1 };
    }
    titlePos.push(pos);
    if (pos) from = pos;
  }
  const crossing = [];
  std.forEach((s, n) => {
    const p0 = titlePos[n];
    if (!p0) return;
    const next = titlePos.slice(n + 1).find(Boolean) ?? { page: pageLines.length - 1, line: Infinity };
    const lastRow = s.rows[s.rows.length - 1].map(plain).filter(Boolean);
    const key = (s.notes.length ? s.notes[s.notes.length - 1] : lastRow.find((c) => c.length <= 8) ?? lastRow[0]).replace(/\s+/g, '');
    let p1 = -1;
    for (let p = p0.page; p <= next.page; p++)
      pageLines[p].forEach((l, k) => {
        if ((p > p0.page || k >= p0.line) && (p < next.page || k < next.line) && l.includes(key)) p1 = p;
      });
    if (p1 > p0.page) crossing.push(`${s.title} (pages ${p0.page + 1}–${p1 + 1})`);
  });
  return { pages, crossing };
}

// ---------------------------------------------------------------------------------------------

function main() {
  const opts = parseArgs(process.argv.slice(2));
  const seedText = fs.readFileSync(opts.seed, 'utf8');
  const blocks = parseSeed(seedText);
  fs.mkdirSync(opts.out, { recursive: true });
  const out = (ext) => path.join(opts.out, `${BASE}.${ext}`);

  const title = blocks.find((b) => b.type === 'heading')?.text ?? BASE;
  const subtitle = blocks.find((b) => b.type === 'para')?.text ?? '';
  fs.writeFileSync(out('md'), toMarkdown(blocks));
  fs.writeFileSync(out('html'), toHtml(blocks, `${title} ${subtitle}`.trim()));
  console.log(`wrote ${out('md')}\nwrote ${out('html')}`);

  const sections = collectSections(blocks);
  const counts = sections.reduce((m, s) => ((m[s.kind] = (m[s.kind] ?? 0) + 1), m), {});
  console.log(`sections: ${JSON.stringify(counts)}`);
  if (!opts.pdf) return;

  const chromium = renderChromium(out('html'), out('chromium.pdf'));
  console.log(`wrote ${out('chromium.pdf')}`);
  {
    // the same page with no ruling lines at all, as some producers print tables
    const tmpHtml = fs.mkdtempSync(path.join(os.tmpdir(), 'yusuan-borderless-'));
    const html = path.join(tmpHtml, `${BASE}.borderless.html`);
    fs.writeFileSync(html, withoutBorders(fs.readFileSync(out('html'), 'utf8')));
    renderChromium(html, out('borderless.pdf'));
    fs.rmSync(tmpHtml, { recursive: true, force: true });
    console.log(`wrote ${out('borderless.pdf')}`);
  }

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'yusuan-fods-'));
  const fodsPath = path.join(tmp, `${BASE}.fods`);
  fs.writeFileSync(fodsPath, toFods(sections));
  const lo = renderLibreOffice(fodsPath, out('libreoffice.pdf'));
  console.log(`wrote ${out('libreoffice.pdf')}`);
  // the same sheets with every cell border off (a spreadsheet printed with gridlines off)
  const fodsBorderless = path.join(tmp, `${BASE}.borderless-libreoffice.fods`);
  fs.writeFileSync(fodsBorderless, toFods(sections, { borderless: true }));
  renderLibreOffice(fodsBorderless, out('borderless-libreoffice.pdf'));
  fs.rmSync(tmp, { recursive: true, force: true });
  console.log(`wrote ${out('borderless-libreoffice.pdf')}`);

  const repC = pageReport(out('chromium.pdf'), sections);
  const repL = pageReport(out('libreoffice.pdf'), sections);
  const repB = pageReport(out('borderless.pdf'), sections);
  const repBL = pageReport(out('borderless-libreoffice.pdf'), sections);
  console.log(`chromium.pdf: ${repC.pages} pages; tables crossing a page break: ${repC.crossing.join('; ') || '(unknown)'}`);
  console.log(`libreoffice.pdf: ${repL.pages} pages; tables crossing a page break: ${repL.crossing.join('; ') || '(unknown)'}`);
  // other generators' sections (scripts/make-samples-misreads.mjs) are kept
  const readmePath = path.join(opts.out, 'README.md');
  const kept = fs.existsSync(readmePath) ? (/\n<!-- [a-z-]+:begin -->[\s\S]*<!-- [a-z-]+:end -->\n/.exec(fs.readFileSync(readmePath, 'utf8'))?.[0] ?? '') : '';
  fs.writeFileSync(readmePath, readme({ chromium, lo, repC, repL, repB, repBL, counts, seed: path.relative(REPO, opts.seed), outDir: opts.out }) + kept);
  console.log(`wrote ${path.join(opts.out, 'README.md')}`);
}

function readme({ chromium, lo, repC, repL, repB, repBL, counts, seed, outDir }) {
  const size = (ext) => {
    const f = path.join(outDir, `${BASE}.${ext}`);
    return fs.existsSync(f) ? `${Math.round(fs.statSync(f).size / 1024)} KB` : '?';
  };
  return `# Sample documents

The project's own sample documents: one and the same 2024 部门预算公开 of 忻州市信访局
(13 standard 预算公开表, 10 项目支出绩效目标表, a 部门整体支出绩效目标 table and the narrative)
in five renderings. They are **generated** from the seed text rendering
\`${seed}\` by

    node scripts/make-samples.mjs            # optional: [SEED_TXT] [--out DIR] [--no-pdf]

Do not edit them by hand; change the generator and re-run it.

| file | what it is |
|---|---|
| \`${BASE}.md\` (${size('md')}) | Markdown. Headings and paragraphs as in the seed; every run of tab-separated rows is a pipe table (separator after the first row, \`\\|\` escaped, empty cells kept empty, rows padded to the run's widest row). \`<b>\` in cells became \`**bold**\`. The \`---------\` page-break artefact row is dropped. Where the seed interrupts a table with blank lines (a page break in the original) there are two consecutive pipe tables separated by one blank line — the continuation has no header row of its own, its first data row sits in the pipe-table header position. |
| \`${BASE}.html\` (${size('html')}) | One HTML page. Headings → \`<h1>\`…\`<h6>\`, paragraphs → \`<p>\`, \`- \` items → \`<ul><li>\`, each tab-row run → one \`<table>\` (so page-break-interrupted tables are two consecutive \`<table>\`s). Header rows (the rows before the first body row; a body row has a subject code, 合计/总计 or an amount as first cell, or any decimal amount) are in \`<thead>\` as \`<th>\` with real \`colspan\`/\`rowspan\`; body rows have one \`<td>\` per tab cell. Refinements: a row whose only non-empty cell is its first (三公 table: 因公出国（境）费) counts as a body row; the continuation run of a page-break-interrupted table has no header rows; tables without any body row (目录, 项目支出绩效目标表) get colspans but no rowspans and use \`<td>\`, no \`<thead>\`. Expanding every span (text in the first slot, empty elsewhere) gives back exactly the seed's tab grid, rows padded to the run's widest row. Borders and a CJK font stack are in the inline CSS. |
| \`${BASE}.chromium.pdf\` (${size('chromium.pdf')}) | The HTML printed by headless Chromium, A4 portrait, ${repC.pages ?? '?'} pages. The 第二部分 heading starts a new page; tables crossing a page break: ${repC.crossing.join('; ') || '?'}. \`<thead>\` is *not* repeated on the continuation page. |
| \`${BASE}.libreoffice.pdf\` (${size('libreoffice.pdf')}) | The ${counts.standard ?? 0} standard tables, the ${counts.performance ?? 0} 项目支出绩效目标表 and the 部门整体 table, one sheet each, laid out in a flat ODS (\`.fods\`, written by the generator to a temp dir) with borders, merged title/header cells and numeric cells formatted as printed (\`0.00\`, \`#,##0\`), converted by LibreOffice. A4 portrait, ${repL.pages ?? '?'} pages, every sheet starts a new page. Label (预算公开表1 …), title, 部门名称, 单位 and \`注：本表无数据\` are text rows above/below each table. Tables crossing a page break: ${repL.crossing.join('; ') || '?'}. |

| \`${BASE}.borderless.pdf\` (${size('borderless.pdf')}) | The same HTML with every table border and header shading removed (\`table, th, td { border: none }\`), printed by headless Chromium like the one above: ${repB.pages ?? '?'} pages, no ruling line anywhere, so every table has to be found by the alignment of its text alone. |
| \`${BASE}.borderless-libreoffice.pdf\` (${size('borderless-libreoffice.pdf')}) | The same sheets as the LibreOffice PDF with every cell border off (\`fo:border="none"\`, the padding kept), converted by LibreOffice: ${repBL.pages ?? '?'} pages, no ruling line anywhere — a spreadsheet printed with its gridlines off. |

All amounts are exactly as printed in the seed (\`694.34\`, \`8.40\`, \`400,000\`).

## Office files (\`node scripts/make-office-samples.mjs [SEED_TXT] [--out DIR]\`)

The same document as departments attach it, made by LibreOffice (headless) from the generator's
own layouts — nothing written by hand, no other tool:

| file | what it is |
|---|---|
| \`xinzhou-xinfang-2024-budget.xlsx\` | the flat ODS behind \`*.libreoffice.pdf\` (a sheet per table, label/title/部门名称/单位 rows above, merged title and header cells, amounts as numbers formatted \`0.00\` / \`#,##0\`, zero amounts as text \`0.00\`) saved as Excel 2007+ |
| \`xinzhou-xinfang-2024-budget.xls\` | the same saved as Excel 97–2003 (BIFF8) |
| \`xinzhou-xinfang-2024-budget.stacked.xlsx\` | every table on one sheet, one under another, a blank row between (several tables per sheet) |
| \`xinzhou-xinfang-2024-budget.csv\` | that one sheet as CSV (UTF-8, cells as shown: \`400,000\` quoted) |
| \`xinzhou-xinfang-2024-budget.docx\` | \`xinzhou-xinfang-2024-budget.html\` saved by LibreOffice Writer as Word 2007+ (headings, paragraphs, tables with merged cells) |

\`libreoffice --headless --convert-to xlsx:"Calc MS Excel 2007 XML"\` (\`xls:"MS Excel 97"\`,
\`csv:"Text - txt - csv (StarCalc)":44,34,76,1,,0,false,true,true\`, and for the Word file
\`--infilter="HTML (StarWriter)" --convert-to docx:"MS Word 2007 XML"\`). Each gives the seed's facts
(tests/samples.test.ts).

## Tools

- Node ${process.version}
- ${chromium.version}
  \`${chromium.bin} ${chromium.args.join(' ')}\`
- ${lo.version}
  \`${lo.bin} ${lo.args.join(' ').replace(/-env:UserInstallation=file:\/\/\S+/, '-env:UserInstallation=file://$(mktemp -d)').replace(/--outdir \S+/, '--outdir OUTDIR').replace(/\S+\.fods$/, `${BASE}.fods`)}\`
- poppler-utils (pdftotext/pdfinfo) only for the page report above
- fonts: both PDFs use WenQuanYi Zen Hei (fonts-wqy-zenhei). Noto Sans CJK SC (fonts-noto-cjk) is only a
  fallback in the CSS: Chromium embeds it as dozens of Type 3 fonts, and in LibreOffice it nearly doubles
  the PDF size (set \`SAMPLES_LO_FONT="Noto Sans CJK SC"\` to use it there anyway).
  \`--disable-pdf-tagging\` keeps Chromium from writing a ~5000-element structure tree (PDF 3× larger).

## Things a parser should expect

Observed with pdf.js (\`pdfjs-dist\` \`getTextContent\`) and poppler:

- **Chromium PDF**: fonts are CID TrueType subsets of WenQuanYi Zen Hei (Identity-H, with ToUnicode). The
  content stream shows every glyph with its own \`Tj\` (\`Td\` between glyphs, a flipped \`1 0 0 -1\` text
  matrix under a scaled \`cm\`), but pdf.js merges them back into **one item per line of a cell**, with
  \`" "\` items spanning the gap between neighbouring cells and \`""\` end-of-line items. Items come in visual
  reading order. Rulings are **filled rectangles** (\`re f\`), one thin rectangle per cell edge
  (~0.75 pt); header cells also have a light-grey filled background rectangle. Merged header cells are single
  boxes. No bold (\`font-synthesis: none\`), headings differ only by size. A page-break-interrupted table in
  the seed is two separate \`<table>\`s with different column widths; a table that Chromium splits over
  pages has no repeated header.
- **LibreOffice PDF**: fonts are several simple TrueType subsets (WinAnsi encoding + ToUnicode) of
  WenQuanYi Zen Hei; bold header/title text is synthetic (text render mode 2, fill+stroke). Text is one
  \`Tj\` per line of a cell, but **pdf.js merges a right-aligned number with the left-aligned text of the
  next cell** into one item when they nearly touch (e.g. \`"694.34 一、一般公共服务支出"\`,
  \`"当年预算安排 上年结转安排"\`) — split items at the rulings, not at item boundaries. Wrapped cell text is
  one item per visual line (\`"党委办公厅（室）"\` / \`"及相关机构事务"\`). Items are **not** in reading order: the
  label, the title and some header cells are drawn after the body. Rulings are **stroked lines**
  (\`m … l S\`, 0.5 pt), merged into long segments that run down a whole column / across a whole row rather
  than one per cell. Every sheet starts a new page; empty cells are blank, zero amounts are printed as
  \`0.00\`.
- Both PDFs: titles, labels (预算公开表1, 部门公开表9, 预算公开表10), 部门名称 and 单位 are text lines above the
  table, \`注：本表无数据\` below it. Subject codes (\`2013101\`) are text, never numbers.
`;
}

export { BASE, REPO, parseSeed, collectSections, toFods };

// run as a script (not when imported by scripts/make-office-samples.mjs)
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
