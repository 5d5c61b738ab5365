#!/usr/bin/env node
// Generates the misreads sample: one small 2024 部门预算 of a fictional 示例区市场监督管理局 whose
// tables hold each printed-table case that once misread (issue 16), printed three ways:
//
//   node scripts/make-samples-misreads.mjs [--out DIR] [--no-pdf] [--survey]
//
//   misreads-2024-budget.html              the source page (tables with <thead>, colspan/rowspan)
//   misreads-2024-budget.chromium.pdf      the HTML printed by Chromium: <thead> repeated on each page
//   misreads-2024-budget.libreoffice.pdf   the tables in a flat ODS, converted by LibreOffice with
//                                          the header rows repeated on each page (no repeated title)
//                                          and a running page header line above them
//   misreads-2024-budget.borderless.pdf, .borderless-libreoffice.pdf  the Chromium and LibreOffice
//                                          prints with every table border off
//   misreads-2024-budget.type3.pdf         the HTML printed by Chromium in Noto Serif CJK SC, which
//                                          Chromium embeds as Type 3 fonts whose ToUnicode maps some
//                                          characters to Kangxi radicals (户 → ⼾, NFKC 戶)
//
// The cases: a 60-row 项目支出预算表 over three pages (unit name in a merged first column, two
// header rows); 财政专户管理资金 as a column and as a row of the 收支总表; a project named after a
// number (12315投诉举报处置经费) in a table without a code column; group labels in merged cells
// (Jiangsu 收入预算总表); a 类 code misprinted as `7` (`7 11 02`).
//
// --survey prints every Han character of the given text files (default: this sample and the seed
// sample's markdown) through each font the sample scripts use and lists the characters that come
// back from pdf.js as other code points (docs/characters.md records a run).
//
// Plain Node ESM; Chromium and LibreOffice are shelled out to (scripts/render-pdf.mjs).

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderChromium, renderLibreOffice, withoutBorders } from './render-pdf.mjs';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BASE = 'misreads-2024-budget';
const DEPARTMENT = '示例区市场监督管理局';

// ---------------------------------------------------------------------------------------------
// the tables: header rows and body rows as cells { text, colspan?, rowspan? }; amounts in 分 (integers)
// so that every total is exact

const yuan = (fen) => `${Math.trunc(fen / 100).toLocaleString('en-US')}.${String(fen % 100).padStart(2, '0')}`;
const c = (text, colspan = 1, rowspan = 1) => ({ text, colspan, rowspan });
const amt = (fen) => c(fen === undefined ? '' : yuan(fen));

const PROJECT_NAMES = [
  '食品安全抽检经费', '12315投诉举报处置经费', '计量检定经费', '特种设备安全监察经费', '知识产权保护经费',
  '广告监测经费', '价格监督检查经费', '网络交易监管经费', '药品安全监管经费', '标准化工作经费',
  '产品质量监督抽查经费', '企业信用监管经费', '执法办案经费', '消费维权宣传经费', '检验检测机构监管经费',
  '认证认可监管经费', '市场主体登记经费', '反垄断执法经费', '信息化运维经费', '执法装备购置经费',
];
const UNITS = ['示例区市场监督管理局（本级）', '示例区市场监管综合执法大队', '示例区食品药品检验所'];

function projectTable() {
  // the 项目支出 of the 支出总表, 3,000.00 万元, in 分
  const total = 3000000000;
  const rows = [];
  let sumA = 0;
  let sumB = 0;
  const n = UNITS.length * PROJECT_NAMES.length;
  UNITS.forEach((unit, u) => {
    PROJECT_NAMES.forEach((name, i) => {
      const k = u * PROJECT_NAMES.length + i;
      const b = k % 4 === 0 ? 2000000 + ((k * 13147) % 5000000) : 0;
      // the last project takes what is left, so the table adds up to the cent
      const a = k === n - 1 ? total - sumA - sumB - b : 25000000 + ((k * 7919003) % 40000000);
      if (a <= 0) throw new Error('project amounts exceed the total');
      sumA += a;
      sumB += b;
      const label = u === 0 ? name : `${name.replace(/经费$/, '')}（${['执法大队', '检验所'][u - 1]}）经费`;
      rows.push([...(i === 0 ? [c(unit, 1, PROJECT_NAMES.length)] : []), c(label), amt(a + b), amt(a), amt(b || undefined)]);
    });
  });
  return {
    widths: [4, 5, 3, 3, 3],
    label: '预算公开表5',
    title: '2024年项目支出预算表',
    unit: '元',
    head: [
      [c('单位名称', 1, 2), c('项目名称', 1, 2), c('本年预算', 3)],
      [c('合计'), c('一般公共预算'), c('财政专户管理资金')],
    ],
    body: [[c('合计', 2), amt(sumA + sumB), amt(sumA), amt(sumB)], ...rows],
  };
}

function summaryTable() {
  const inc = [['一、一般公共预算拨款收入', 980000], ['二、政府性基金预算拨款收入', 0], ['三、国有资本经营预算拨款收入', 0], ['四、财政专户管理资金', 45000], ['五、事业收入', 12000]];
  const exp = [['一、一般公共服务支出', 902000], ['二、社会保障和就业支出', 61000], ['三、卫生健康支出', 38000], ['四、住房保障支出', 36000], ['', undefined]];
  const total = inc.reduce((s, [, v]) => s + v, 0);
  return {
    widths: [5.5, 3, 5.5, 3],
    label: '预算公开表1',
    title: '2024年部门收支总表',
    unit: '万元',
    head: [[c('收入', 2), c('支出', 2)], [c('项目'), c('预算数'), c('项目'), c('预算数')]],
    body: [
      ...inc.map(([l, v], i) => [c(l), amt(v), c(exp[i][0]), amt(exp[i][1])]),
      [c('本年收入合计'), amt(total), c('本年支出合计'), amt(total)],
    ],
  };
}

function incomeTable() {
  const rows = [
    ['201', '一般公共服务支出', 902000, 845000, 45000, 12000],
    ['20138', '市场监督管理事务', 902000, 845000, 45000, 12000],
    ['2013801', '行政运行', 602000, 545000, 45000, 12000],
    ['2013816', '食品安全监管', 300000, 300000, 0, 0],
    ['208', '社会保障和就业支出', 61000, 61000, 0, 0],
    ['210', '卫生健康支出', 38000, 38000, 0, 0],
    ['221', '住房保障支出', 36000, 36000, 0, 0],
  ];
  return {
    widths: [2.2, 4.3, 2.8, 2.8, 2.8, 2.8],
    label: '预算公开表2',
    title: '2024年部门收入总表',
    unit: '万元',
    head: [[c('科目编码'), c('科目名称'), c('合计'), c('一般公共预算拨款收入'), c('财政专户管理资金'), c('事业收入')]],
    body: rows.map(([code, name, ...v]) => [c(code), c(name), ...v.map((x) => amt(x || undefined))]),
  };
}

function jiangsuIncomeTable() {
  return {
    widths: [5, 6, 4],
    label: '预算公开表3',
    title: '2024年收入预算总表',
    unit: '万元',
    head: [[c('项目名称', 2), c('金额')]],
    body: [
      [c('收入总计', 2), amt(1037000)],
      [c('一般公共预算资金', 1, 2), c('小计'), amt(980000)],
      [c('公共财政拨款（补助）资金'), amt(980000)],
      [c('财政专户管理资金', 1, 2), c('小计'), amt(45000)],
      [c('其他非税收入'), amt(45000)],
      [c('其他资金', 1, 3), c('小计'), amt(12000)],
      [c('事业收入'), amt(12000)],
      [c('其他收入'), amt(undefined)],
    ],
  };
}

function expenditureTable() {
  return {
    widths: [1.4, 1.4, 1.4, 4.5, 3, 3, 3],
    label: '预算公开表4',
    title: '2024年部门支出总表',
    unit: '万元',
    head: [[c('科目编码', 3), c('科目名称', 1, 2), c('合计', 1, 2), c('基本支出', 1, 2), c('项目支出', 1, 2)], [c('类'), c('款'), c('项')]],
    body: [
      [c('201'), c(''), c(''), c('一般公共服务支出'), amt(902000), amt(602000), amt(300000)],
      [c('208'), c(''), c(''), c('社会保障和就业支出'), amt(61000), amt(61000), amt(undefined)],
      [c('210'), c(''), c(''), c('卫生健康支出'), amt(38000), amt(38000), amt(undefined)],
      [c('210'), c('11'), c(''), c('行政事业单位医疗'), amt(38000), amt(38000), amt(undefined)],
      // printed so in 普陀区社会福利院 2024: the 类 210 comes out as a lone 7
      [c('7'), c('11'), c('02'), c('事业单位医疗'), amt(38000), amt(38000), amt(undefined)],
      [c('221'), c(''), c(''), c('住房保障支出'), amt(36000), amt(36000), amt(undefined)],
    ],
  };
}

const TABLES = () => [summaryTable(), incomeTable(), jiangsuIncomeTable(), expenditureTable(), projectTable()];
const isAmount = (t) => /^\d[\d,]*\.\d\d$/.test(t);

// ---------------------------------------------------------------------------------------------
// HTML

const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function cellHtml(tag, cell) {
  const attrs = (cell.colspan > 1 ? ` colspan="${cell.colspan}"` : '') + (cell.rowspan > 1 ? ` rowspan="${cell.rowspan}"` : '') + (isAmount(cell.text) ? ' class="num"' : '');
  return `<${tag}${attrs}>${esc(cell.text)}</${tag}>`;
}

function toHtml(tables, font) {
  const parts = tables.map((t, i) =>
    [
      `<p class="label${i ? ' pagebreak' : ''}">${t.label}</p>`,
      `<h2>${t.title}</h2>`,
      `<p class="meta">部门名称：${DEPARTMENT}<span>单位：${t.unit}</span></p>`,
      '<table>',
      '<thead>', ...t.head.map((r) => `<tr>${r.map((x) => cellHtml('th', x)).join('')}</tr>`), '</thead>',
      '<tbody>', ...t.body.map((r) => `<tr>${r.map((x) => cellHtml('td', x)).join('')}</tr>`), '</tbody>',
      '</table>',
    ].join('\n'),
  );
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>${DEPARTMENT}2024年部门预算</title>
<style>
@page { size: A4 portrait; margin: 16mm 14mm; }
body, h1, h2, th { font-synthesis: none; }
body { font-family: "${font}", sans-serif; font-size: 10.5pt; margin: 0; }
h1 { font-size: 20pt; text-align: center; }
h2 { font-size: 15pt; text-align: center; margin: 8px 0; }
p.meta { display: flex; justify-content: space-between; margin: 2px 0; }
.pagebreak { break-before: page; }
table { border-collapse: collapse; width: 100%; }
thead { display: table-header-group; } /* repeated on every page the table crosses */
th, td { border: 1px solid #000; padding: 6px 5px; font-size: 10pt; }
th { font-weight: normal; text-align: center; background: #f2f2f2; }
td.num { text-align: right; white-space: nowrap; }
tr { break-inside: avoid; }
</style>
</head>
<body>
<h1>${DEPARTMENT}2024年部门预算</h1>
${parts.join('\n')}
</body>
</html>
`;
}

// ---------------------------------------------------------------------------------------------
// flat ODS: one sheet per table, the header rows in <table:table-header-rows> so LibreOffice
// repeats them on every page, the title, label and unit lines above them only once

const FONT = 'WenQuanYi Zen Hei';

function fodsRow(cells, width, style) {
  const out = [];
  let col = 0;
  for (const x of cells) {
    const num = isAmount(x.text);
    const span = (x.colspan > 1 ? ` table:number-columns-spanned="${x.colspan}"` : '') + (x.rowspan > 1 ? ` table:number-rows-spanned="${x.rowspan}"` : '');
    const value = num ? ` office:value-type="float" office:value="${x.text.replace(/,/g, '')}"` : x.text ? ' office:value-type="string"' : '';
    out.push(`<table:table-cell table:style-name="${num ? 'num' : style}"${value}${span}>${x.text ? `<text:p>${esc(x.text)}</text:p>` : ''}</table:table-cell>`);
    col += x.colspan;
    for (let k = 1; k < x.colspan; k++) out.push('<table:covered-table-cell/>');
  }
  while (col++ < width) out.push(`<table:table-cell table:style-name="${style}"/>`);
  return `<table:table-row table:style-name="ro">${out.join('')}</table:table-row>`;
}

// rows of a table with cells under a rowspan from above filled in as covered cells
function withCovered(rows, width) {
  const covered = rows.map(() => new Array(width).fill(false));
  return rows.map((row, r) => {
    const out = [];
    let col = 0;
    for (const x of row) {
      while (covered[r][col]) (out.push(null), col++);
      out.push(x);
      for (let dr = 1; dr < x.rowspan; dr++) for (let k = 0; k < x.colspan; k++) covered[r + dr][col + k] = true;
      col += x.colspan;
    }
    while (col < width && covered[r][col]) (out.push(null), col++);
    return out;
  });
}

function toFods(tables, { borderless = false } = {}) {
  const sheets = tables.map((t, i) => {
    const width = t.head[0].reduce((n, x) => n + x.colspan, 0);
    const line = (text, style) => fodsRow([c(text, width)], width, style);
    const rows = (list, style) => withCovered(list, width).map((cells) => coveredRow(cells, width, style));
    const cols = t.widths.map((cm) => `<table:table-column table:style-name="co${String(cm).replace('.', '_')}"/>`).join('');
    return `<table:table table:name="表${i + 1}">${cols}
${line(t.label, 'plain')}
${line(t.title, 'title')}
${line(`部门名称：${DEPARTMENT}    单位：${t.unit}`, 'plain')}
<table:table-header-rows>
${rows(t.head, 'head').join('\n')}
</table:table-header-rows>
${rows(t.body, 'cell').join('\n')}
</table:table>`;
  });
  const text = (pt) => `<style:text-properties style:font-name="${FONT}" style:font-name-asian="${FONT}" fo:font-size="${pt}pt" style:font-size-asian="${pt}pt"/>`;
  const cell = (name, align, pt = 10, border = true) =>
    `<style:style style:name="${name}" style:family="table-cell"${name === 'num' ? ' style:data-style-name="N2"' : ''}><style:table-cell-properties fo:wrap-option="wrap" style:vertical-align="middle" fo:border="${border && !borderless ? '0.5pt solid #000000' : 'none'}" fo:padding="0.1cm"/><style:paragraph-properties fo:text-align="${align}"/>${text(pt)}</style:style>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:font-face-decls><style:font-face style:name="${FONT}" svg:font-family="'${FONT}'"/></office:font-face-decls>
<office:automatic-styles>
<number:number-style style:name="N2"><number:number number:decimal-places="2" number:min-decimal-places="2" number:min-integer-digits="1" number:grouping="true"/></number:number-style>
<style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" style:print-orientation="portrait" fo:margin="1.5cm" style:table-centering="horizontal" style:print-page-order="ttb"/><style:header-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-bottom="0.3cm"/></style:header-style><style:footer-style/></style:page-layout>
<style:style style:name="ta1" style:family="table" style:master-page-name="PM1"><style:table-properties table:display="true"/></style:style>
${[...new Set(tables.flatMap((t) => t.widths))].map((cm) => `<style:style style:name="co${String(cm).replace('.', '_')}" style:family="table-column"><style:table-column-properties style:column-width="${cm}cm"/></style:style>`).join('\n')}
<style:style style:name="ro" style:family="table-row"><style:table-row-properties style:row-height="0.8cm" style:use-optimal-row-height="false"/></style:style>
${cell('head', 'center')}
${cell('cell', 'start')}
${cell('num', 'end')}
${cell('title', 'center', 14, false)}
${cell('plain', 'start', 10, false)}
</office:automatic-styles>
<office:master-styles><style:master-page style:name="PM1" style:page-layout-name="pm1"><style:header><style:region-center><text:p>${DEPARTMENT}2024年部门预算</text:p></style:region-center></style:header><style:footer style:display="false"/></style:master-page></office:master-styles>
<office:body><office:spreadsheet>
${sheets.join('\n').replace(/<table:table table:name/g, '<table:table table:style-name="ta1" table:name')}
</office:spreadsheet></office:body>
</office:document>
`;
}

// a row whose positions under a rowspan are covered cells in ODS (the merged cell is written once)
function coveredRow(cells, width, style) {
  const out = [];
  let col = 0;
  for (const x of cells) {
    if (x === null) {
      out.push('<table:covered-table-cell/>');
      col++;
      continue;
    }
    out.push(fodsRow([x], x.colspan, style).replace(/^<table:table-row[^>]*>|<\/table:table-row>$/g, ''));
    col += x.colspan;
  }
  while (col++ < width) out.push(`<table:table-cell table:style-name="${style}"/>`);
  return `<table:table-row table:style-name="ro">${out.join('')}</table:table-row>`;
}

// ---------------------------------------------------------------------------------------------
// the character survey

const SURVEY_FONTS = ['WenQuanYi Zen Hei', 'Noto Sans CJK SC', 'Noto Serif CJK SC'];

async function survey(files) {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const pdfjsRoot = path.join(REPO, 'node_modules/pdfjs-dist');
  const text = files.map((f) => fs.readFileSync(f, 'utf8')).join('');
  const chars = [...new Set([...text].filter((ch) => /\p{Script=Han}/u.test(ch)))].sort();
  console.log(`${chars.length} distinct Han characters`);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'yusuan-survey-'));
  try {
    for (const font of SURVEY_FONTS) {
      const html = path.join(tmp, 'chars.html');
      const pdf = path.join(tmp, 'chars.pdf');
      // each character after its code point in ASCII, so the read-back pairs them up
      const lines = chars.map((ch) => `<div>U${ch.codePointAt(0).toString(16)} ${ch}</div>`).join('\n');
      fs.writeFileSync(html, `<!DOCTYPE html><html><head><meta charset="utf-8"><style>body{font-family:"${font}";font-size:10pt;column-count:6}</style></head><body>${lines}</body></html>`);
      renderChromium(html, pdf);
      const doc = await getDocument({ data: new Uint8Array(fs.readFileSync(pdf)), cMapUrl: `${pdfjsRoot}/cmaps/`, standardFontDataUrl: `${pdfjsRoot}/standard_fonts/`, verbosity: 0 }).promise;
      let all = '';
      for (let p = 1; p <= doc.numPages; p++) all += (await (await doc.getPage(p)).getTextContent()).items.map((i) => i.str + (i.hasEOL ? '\n' : '')).join('');
      const got = new Map([...all.matchAll(/U([0-9a-f]{4,5})\s*(\S)/g)].map((m) => [String.fromCodePoint(parseInt(m[1], 16)), m[2]]));
      const hex = (ch) => `U+${ch.codePointAt(0).toString(16).toUpperCase()}`;
      const variants = chars.filter((ch) => got.has(ch) && got.get(ch) !== ch).map((ch) => `${ch}→${got.get(ch)} (${hex(got.get(ch))}, NFKC ${got.get(ch).normalize('NFKC')})`);
      console.log(`${font}: ${got.size} read back, ${variants.length} as other code points${variants.length ? ':\n  ' + variants.join('\n  ') : ''}`);
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const argv = process.argv.slice(2);
  const outDir = argv.includes('--out') ? path.resolve(argv[argv.indexOf('--out') + 1]) : path.join(REPO, 'samples');
  const out = (ext) => path.join(outDir, `${BASE}.${ext}`);
  if (argv.includes('--survey')) {
    const files = argv.filter((a, i) => !a.startsWith('--') && argv[i - 1] !== '--out');
    await survey(files.length ? files : [out('html'), path.join(REPO, 'samples/xinzhou-xinfang-2024-budget.md')]);
    return;
  }
  fs.mkdirSync(outDir, { recursive: true });
  const tables = TABLES();
  fs.writeFileSync(out('html'), toHtml(tables, FONT));
  console.log(`wrote ${out('html')}`);
  if (argv.includes('--no-pdf')) return;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'yusuan-misreads-'));
  try {
    renderChromium(out('html'), out('chromium.pdf'));
    console.log(`wrote ${out('chromium.pdf')}`);
    const serif = path.join(tmp, `${BASE}.type3.html`);
    fs.writeFileSync(serif, toHtml(tables, 'Noto Serif CJK SC'));
    renderChromium(serif, out('type3.pdf'));
    console.log(`wrote ${out('type3.pdf')}`);
    const fods = path.join(tmp, `${BASE}.fods`);
    fs.writeFileSync(fods, toFods(tables));
    renderLibreOffice(fods, out('libreoffice.pdf'));
    console.log(`wrote ${out('libreoffice.pdf')}`);
    // the same two prints with no table border at all (read by the stream finder)
    const bare = path.join(tmp, `${BASE}.borderless.html`);
    fs.writeFileSync(bare, withoutBorders(fs.readFileSync(out('html'), 'utf8')));
    renderChromium(bare, out('borderless.pdf'));
    const bareFods = path.join(tmp, `${BASE}.borderless-libreoffice.fods`);
    fs.writeFileSync(bareFods, toFods(tables, { borderless: true }));
    renderLibreOffice(bareFods, out('borderless-libreoffice.pdf'));
    console.log(`wrote ${out('borderless.pdf')}\nwrote ${out('borderless-libreoffice.pdf')}`);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  writeReadme(path.join(outDir, 'README.md'));
}

// this sample's section of samples/README.md, between markers that scripts/make-samples.mjs keeps
function writeReadme(file) {
  const section = `
<!-- misreads:begin -->
## The misreads sample

\`${BASE}.*\`: a small 2024 部门预算 of a fictional ${DEPARTMENT} holding each printed-table case that
once misread (issue 16), **generated** by

    node scripts/make-samples-misreads.mjs            # optional: [--out DIR] [--no-pdf]; --survey FILES…

| file | what it is |
|---|---|
| \`${BASE}.html\` | the source: five tables with \`<thead>\`, \`colspan\`/\`rowspan\`, WenQuanYi Zen Hei |
| \`${BASE}.chromium.pdf\` | the HTML printed by Chromium: the 60-row 项目支出预算表 runs over pages 5–7 and its two header rows (\`<thead>\`) are repeated on each page, without the title |
| \`${BASE}.libreoffice.pdf\` | the tables in a flat ODS converted by LibreOffice, header rows in \`<table:table-header-rows>\` (repeated on each page) and a running page header line |
| \`${BASE}.type3.pdf\` | the HTML printed by Chromium in Noto Serif CJK SC, embedded as Type 3 fonts whose ToUnicode maps 户 to the Kangxi radical ⼾ (NFKC 戶), 支 to ⽀, 门 to ⻔ … (docs/characters.md) |
| \`${BASE}.borderless.pdf\`, \`${BASE}.borderless-libreoffice.pdf\` | the same Chromium and LibreOffice prints with every table border off, read by the stream finder alone (tests/samples-borderless.test.ts) |

The cases: the project table over three pages (unit name in a merged first column, two header
rows); 财政专户管理资金 as a 收入总表 column and a 收支总表 row; a project named after a number
(\`12315投诉举报处置经费\`) in a table without a code column; group labels in merged cells (Jiangsu
收入预算总表: 一般公共预算资金 | 公共财政拨款（补助）资金); a 类 code misprinted as \`7\` (\`7 11 02\`,
普陀区社会福利院 2024). Every rendering gives the HTML's facts (tests/samples-misreads.test.ts).
<!-- misreads:end -->
`;
  const old = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '# Sample documents\n';
  const body = old.replace(/\n<!-- misreads:begin -->[\s\S]*<!-- misreads:end -->\n/, '');
  fs.writeFileSync(file, body.replace(/\n*$/, '\n') + section);
  console.log(`wrote ${file}`);
}

main();
