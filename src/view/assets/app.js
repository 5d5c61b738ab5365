// yusuan viewer: plain DOM, no framework. Every string that comes from a document (labels,
// titles, file names, messages) reaches the page through text nodes and attribute values only —
// never innerHTML — so a label such as <img src=x onerror=…> shows as text.
import * as pdfjsLib from '/pdfjs/build/pdf.mjs';

pdfjsLib.GlobalWorkerOptions.workerSrc = '/pdfjs/build/pdf.worker.mjs';

const $ = (sel) => document.querySelector(sel);
const content = $('#content');

/** h('td', { class: 'x', dataset: {…}, onclick }, children…): an element with text children. */
function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') el.className = v;
    else if (k === 'dataset') {
      for (const [dk, dv] of Object.entries(v)) if (dv !== undefined && dv !== null) el.dataset[dk] = String(dv);
    }
    else if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, String(v));
  }
  for (const c of children.flat(Infinity)) {
    if (c === undefined || c === null || c === false) continue;
    el.append(c instanceof Node ? c : String(c));
  }
  return el;
}

async function api(path) {
  const r = await fetch(path);
  if (!r.ok) throw new Error(`${r.status} ${(await r.text()).trim()}`);
  return r.json();
}

const docHref = (id, params) => `#/doc/${encodeURIComponent(id)}${params ? `?${new URLSearchParams(params)}` : ''}`;
const bboxKey = (b) => (b ? [b.x0, b.y0, b.x1, b.y1].join(',') : undefined);
const exportLinks = (params) =>
  h('span', { class: 'tools' }, ...['csv', 'xlsx'].map((f) => h('a', { class: 'btn', href: `/api/export?${new URLSearchParams({ ...params, format: f })}`, download: '' }, f.toUpperCase())));

// ---------------------------------------------------------------- the page pane (pdf.js)

const pane = {
  doc: null, // the document being shown (document.json)
  id: null,
  pdf: null, // a promise of the pdf.js document
  page: 0,
  marks: [], // [{ page, bbox, cls, title }]
  renderTask: null,
};

function openPdf(id) {
  if (pane.id === id && pane.pdf) return pane.pdf;
  pane.id = id;
  pane.pdf = pdfjsLib.getDocument({
    url: `/api/doc/${encodeURIComponent(id)}/source`,
    cMapUrl: '/pdfjs/cmaps/',
    cMapPacked: true,
    standardFontDataUrl: '/pdfjs/standard_fonts/',
    wasmUrl: '/pdfjs/wasm/',
    iccUrl: '/pdfjs/iccs/',
    isEvalSupported: false,
    disableRange: true,
    disableStream: true,
  }).promise;
  return pane.pdf;
}

/**
 * The boxes of the text items that carry `sentence` on a page (a finding about the narrative has
 * the sentence, not a cell): matched with spaces removed, as the extractor joined the text.
 */
async function sentenceBoxes(p, sentence) {
  const squash = (t) => t.replace(/\s+/g, '');
  const want = squash(sentence);
  if (!want) return [];
  const vp = p.getViewport({ scale: 1 });
  const items = (await p.getTextContent()).items.filter((it) => typeof it.str === 'string');
  let text = '';
  const owner = [];
  items.forEach((it, k) => {
    const t = squash(it.str);
    text += t;
    for (let i = 0; i < t.length; i++) owner.push(k);
  });
  const at = text.indexOf(want);
  if (at < 0) return [];
  const used = new Set(owner.slice(at, at + want.length));
  return [...used].map((k) => {
    const it = items[k];
    const m = pdfjsLib.Util.transform(vp.transform, it.transform);
    const size = Math.hypot(m[2], m[3]);
    return { x0: m[4], y0: m[5] - size, x1: m[4] + it.width, y1: m[5] + size * 0.2 };
  });
}

/** Show `page` of the current document with these marks (boxes in PDF points, top-left origin). */
async function showPage(page, marks = [], note = '', sentence) {
  const el = $('#pane');
  el.hidden = false;
  $('#pane-note').textContent = note;
  pane.marks = marks;
  if (!pane.doc || pane.doc.source.format !== 'pdf') {
    el.dataset.state = 'no-source';
    $('#page-label').textContent = '';
    $('#pane-note').textContent = '来源不是 PDF：单元格已在表中标出 (the source has no pages; the cell is marked in the table)';
    return;
  }
  if (!page) {
    el.dataset.state = 'no-page';
    $('#pane-note').textContent = `${note} — 无页码 (no page recorded)`;
    return;
  }
  el.dataset.state = 'rendering';
  try {
    const pdf = await openPdf(pane.id);
    pane.page = Math.min(Math.max(1, page), pdf.numPages);
    $('#page-label').textContent = `第 ${pane.page} / ${pdf.numPages} 页`;
    const p = await pdf.getPage(pane.page);
    const base = p.getViewport({ scale: 1 });
    const wrap = $('#page-wrap');
    const scale = Math.max(0.5, (wrap.clientWidth - 24) / base.width);
    const vp = p.getViewport({ scale });
    const dpr = window.devicePixelRatio || 1;
    const canvas = $('#page-canvas');
    canvas.width = Math.floor(vp.width * dpr);
    canvas.height = Math.floor(vp.height * dpr);
    canvas.style.width = `${vp.width}px`;
    canvas.style.height = `${vp.height}px`;
    $('#page-box').style.width = `${vp.width}px`;
    $('#page-box').style.height = `${vp.height}px`;
    if (pane.renderTask) pane.renderTask.cancel();
    pane.renderTask = p.render({ canvas, canvasContext: canvas.getContext('2d'), viewport: vp, transform: dpr !== 1 ? [dpr, 0, 0, dpr, 0, 0] : undefined });
    await pane.renderTask.promise.catch((e) => {
      if (e?.name !== 'RenderingCancelledException') throw e;
    });
    pane.renderTask = null;
    if (sentence) {
      const cls = marks.find((m) => m.cls)?.cls ?? 'finding';
      pane.marks = (await sentenceBoxes(p, sentence)).map((bbox) => ({ page: pane.page, bbox, cls: `${cls} sentence`, title: sentence }));
    }
    el.dataset.page = String(pane.page);
    el.dataset.scale = String(scale);
    drawOverlay(scale);
    el.dataset.state = 'ready';
    const first = $('#overlay .hl');
    if (first) first.scrollIntoView({ block: 'center', inline: 'nearest' });
  } catch (e) {
    el.dataset.state = 'error';
    $('#pane-note').textContent = `无法显示来源页面: ${e.message}`;
  }
}

function box(cls, b, scale, extra = {}) {
  return h('div', {
    class: cls,
    style: `left:${b.x0 * scale}px;top:${b.y0 * scale}px;width:${(b.x1 - b.x0) * scale}px;height:${(b.y1 - b.y0) * scale}px`,
    ...extra,
  });
}

function drawOverlay(scale) {
  const overlay = $('#overlay');
  overlay.replaceChildren();
  if ($('#structure').checked) drawStructure(overlay, scale);
  for (const m of pane.marks) {
    if (m.page !== pane.page || !m.bbox) continue;
    overlay.append(box(`hl ${m.cls ?? ''}`, m.bbox, scale, { title: m.title, dataset: { bbox: bboxKey(m.bbox) } }));
  }
}

/**
 * The table structure yusuan read, over the page: each table's frame (the cells it read on this
 * page), every cell, the header rows (tinted) and the column edges of the body.
 */
function drawStructure(overlay, scale) {
  for (const t of pane.doc.tables) {
    if (!t.pages.includes(pane.page)) continue;
    const cells = [];
    t.printed.forEach((row, ri) => row.forEach((c) => c.bbox && c.page === pane.page && cells.push({ ...c.bbox, header: ri < t.quality.headerRows })));
    if (!cells.length) continue;
    const frame = { x0: Math.min(...cells.map((c) => c.x0)), y0: Math.min(...cells.map((c) => c.y0)), x1: Math.max(...cells.map((c) => c.x1)), y1: Math.max(...cells.map((c) => c.y1)) };
    const f = box('st-frame', frame, scale, { dataset: { table: t.id } });
    f.append(h('span', {}, `${t.label ?? ''} ${t.title} · ${t.quality.method} ${t.quality.confidence}`));
    overlay.append(f);
    for (const c of cells) overlay.append(box(`st-cell${c.header ? ' header' : ''}`, c, scale));
    const edges = [];
    for (const c of cells.filter((c) => !c.header)) for (const x of [c.x0, c.x1]) if (!edges.some((e) => Math.abs(e - x) < 1)) edges.push(x);
    for (const x of edges) overlay.append(box('st-col', { x0: x, x1: x, y0: frame.y0, y1: frame.y1 }, scale));
  }
  // the areas the table settings file placed by hand (yusuan extract --table-settings)
  for (const d of pane.doc.diagnostics ?? []) {
    if (d.code !== 'layout.table-hint' || d.page !== pane.page || !d.bbox) continue;
    const a = box('st-hint', d.bbox, scale, { title: d.message });
    a.append(h('span', {}, d.message.replace(/^page \d+: /, '')));
    overlay.append(a);
  }
}

$('#prev').addEventListener('click', () => pane.page > 1 && showPage(pane.page - 1, pane.marks));
$('#next').addEventListener('click', () => showPage(pane.page + 1, pane.marks));
$('#close').addEventListener('click', () => ($('#pane').hidden = true));
$('#structure').addEventListener('change', () => pane.page && showPage(pane.page, pane.marks, $('#pane-note').textContent));

// ---------------------------------------------------------------- documents list

async function renderList() {
  const info = await api('/api/info');
  $('#mode').textContent = `${info.documents} 份文档 · ${info.mode === 'database' ? '数据库' : '输出目录'}`;
  const tbody = h('tbody');
  const table = h('table', { class: 'list', id: 'documents' },
    h('thead', {}, h('tr', {}, ['机构 org', '年度 year', '类型 kind', '状态 status', '错误', '警告', '提示', '表', '数', '文件 file'].map((t) => h('th', {}, t)))),
    tbody);
  let offset = 0;
  const more = h('button', { type: 'button' }, '更多 more');
  const load = async () => {
    const page = await api(`/api/documents?offset=${offset}&limit=100`);
    for (const d of page.items) {
      tbody.append(h('tr', { class: 'link', dataset: { id: d.id }, onclick: () => (location.hash = docHref(d.id)) },
        h('td', {}, h('a', { href: docHref(d.id) }, d.org ?? '（未识别）')),
        h('td', { class: 'num' }, d.year ?? ''), h('td', {}, d.kind ?? ''), h('td', {}, d.status),
        h('td', { class: 'num' }, d.findings.error), h('td', { class: 'num' }, d.findings.warning), h('td', { class: 'num' }, d.findings.info),
        h('td', { class: 'num' }, d.tables), h('td', { class: 'num' }, d.facts), h('td', { class: 'meta' }, d.name)));
    }
    offset += page.items.length;
    more.hidden = offset >= page.total;
  };
  more.addEventListener('click', load);
  content.replaceChildren(h('h1', {}, '文档 Documents', exportLinks({ what: 'documents', limit: 100000 })), table, more);
  await load();
}

// ---------------------------------------------------------------- search

const MATCH = { document: '文档', headline: '主要数字', table: '表', fact: '数', finding: '审核' };

async function renderSearch(q) {
  $('#q').value = q;
  const res = await api(`/api/search?${new URLSearchParams({ q, limit: 500 })}`);
  const rows = res.hits.map((hit) => {
    const params = {};
    if (hit.table !== undefined) params.t = hit.table;
    if (hit.row !== undefined) params.r = hit.row;
    if (hit.column !== undefined) params.c = hit.column;
    if (hit.block) params.b = hit.block;
    if (hit.page !== undefined) params.p = hit.page;
    const href = docHref(hit.id, Object.keys(params).length ? params : undefined);
    return h('tr', { class: 'link', onclick: () => (location.hash = href) },
      h('td', {}, MATCH[hit.match] ?? hit.match),
      h('td', {}, h('a', { href }, hit.org ?? hit.name)), h('td', { class: 'num' }, hit.year ?? ''),
      h('td', {}, hit.tableTitle ?? ''), h('td', { class: 'num' }, hit.page ?? ''), h('td', {}, hit.code ?? ''),
      h('td', {}, hit.match === 'finding' ? [h('span', { class: `sev ${hit.severity}` }, hit.severity), ' ', hit.rule, ' ', hit.message] : hit.match === 'document' ? hit.name : hit.item ?? ''),
      h('td', {}, hit.column ?? ''), h('td', { class: 'num' }, hit.value ?? ''), h('td', {}, hit.unit ?? ''));
  });
  content.replaceChildren(
    h('h1', {}, `搜索 “${q}”：${res.hits.length} 条`, exportLinks({ what: 'search', q, limit: 500 })),
    rows.length
      ? h('table', { class: 'list', id: 'results' },
          h('thead', {}, h('tr', {}, ['匹配', '机构', '年度', '表', '页', '编码', '项目', '栏目', '数值', '单位'].map((t) => h('th', {}, t)))),
          h('tbody', {}, rows))
      : h('p', { class: 'empty' }, '没有结果 (no results)'),
  );
}

// ---------------------------------------------------------------- one document

function selectCell(td, cls = 'selected') {
  for (const el of content.querySelectorAll(`td.${cls}`)) el.classList.remove(cls);
  if (td) {
    td.classList.add(cls);
    td.scrollIntoView({ block: 'center' });
  }
}

function printedTable(t) {
  const amount = /^-?[\d,]+(\.\d+)?$/;
  return h('table', { class: 'printed', dataset: { table: t.id } },
    h('tbody', {}, t.printed.map((row, ri) =>
      h('tr', { class: ri < t.quality.headerRows ? 'header' : undefined },
        row.map((c, ci) => {
          const td = h('td', {
            class: amount.test(c.text.trim()) ? 'amount' : undefined,
            dataset: { col: ci, prow: ri, page: c.page, bbox: bboxKey(c.bbox) },
          }, c.text);
          if (c.page) td.addEventListener('click', () => {
            selectCell(td);
            showPage(c.page, [{ page: c.page, bbox: c.bbox, cls: 'amount', title: c.text }], `${t.title} · ${c.text}`);
          });
          return td;
        })))));
}

/** The printed cell of an amount: same page and box. */
function cellOf(tableId, bbox) {
  if (!bbox) return null;
  return content.querySelector(`table.printed[data-table="${tableId}"] td[data-bbox="${bboxKey(bbox)}"]`);
}

function findAmount(doc, params) {
  const t = doc.tables.find((x) => String(x.id) === params.get('t'));
  if (!t || !params.has('r')) return { table: t };
  const rows = t.rows.filter((r) => String(r.index) === params.get('r') && (!params.get('b') || r.block === params.get('b')));
  for (const r of rows) {
    const a = r.amounts.find((x) => x.path === params.get('c'));
    if (a) return { table: t, row: r, amount: a };
  }
  return { table: t };
}

function selectFinding(doc, f, tr) {
  for (const el of content.querySelectorAll('#findings tr.selected')) el.classList.remove('selected');
  tr?.classList.add('selected');
  const cell = f.where.tableId ? cellOf(f.where.tableId, f.where.bbox) : null;
  selectCell(cell, 'flagged');
  tr?.scrollIntoView({ block: 'nearest' });
  const mark = { page: f.where.page, bbox: f.where.bbox, cls: `finding ${f.severity}`, title: f.message.zh };
  // a finding about a sentence of the narrative: the sentence's lines are highlighted instead of a cell
  showPage(f.where.page, [mark], `${f.rule}: ${f.message.zh}`, f.where.bbox ? undefined : f.where.sentence);
}

async function renderDoc(id, params) {
  const { document: doc, checks } = await api(`/api/doc/${encodeURIComponent(id)}`);
  pane.doc = doc;
  if (pane.id !== id) {
    // another document: its pages, not the last one's
    pane.id = id;
    pane.pdf = null;
    $('#pane').hidden = true;
  }
  const org = doc.identity?.org ?? doc.identity?.organisation ?? doc.department ?? '（未识别机构）';
  const findings = checks?.findings ?? [];
  const sections = [];
  sections.push(h('h1', {}, `${org} ${doc.identity?.year ?? doc.year ?? ''} ${doc.identity?.doc_kind ?? doc.docKind ?? ''}`));
  sections.push(h('p', { class: 'meta' }, `${doc.source.name} · ${doc.source.format}${doc.source.pages ? ` · ${doc.source.pages} 页` : ''} · 状态 ${doc.status} · ${doc.tables.length} 张表 · 审核 ${checks?.summary.error ?? 0} 错误 / ${checks?.summary.warning ?? 0} 警告 / ${checks?.summary.info ?? 0} 提示`));

  // headline figures (when the document records them)
  sections.push(h('h2', {}, '主要数字 Headline figures'));
  if (doc.headlines?.length) {
    sections.push(h('div', { class: 'cards', id: 'headlines' }, doc.headlines.map((hl) =>
      h('div', { class: 'card', onclick: () => showPage(hl.page, [{ page: hl.page, bbox: hl.bbox, cls: 'amount', title: hl.figure }], `${hl.figure} ${hl.value} ${hl.unit ?? ''}`) },
        hl.figure, h('b', {}, `${hl.value} ${hl.unit ?? ''}`), h('span', { class: 'meta' }, hl.page ? `第 ${hl.page} 页` : '')))));
  } else sections.push(h('p', { class: 'empty' }, '本文档未记录主要数字 (no headline figures recorded)'));

  // findings
  sections.push(h('h2', {}, `审核发现 Findings (${findings.length})`, exportLinks({ what: 'findings', doc: id })));
  if (findings.length) {
    sections.push(h('table', { class: 'list', id: 'findings' },
      h('thead', {}, h('tr', {}, ['级别', '规则', '说明', '位置', '应为', '实为', '页'].map((t) => h('th', {}, t)))),
      h('tbody', {}, findings.map((f, i) => {
        const tr = h('tr', { class: 'link', dataset: { finding: i, bbox: bboxKey(f.where.bbox) } },
          h('td', {}, h('span', { class: `sev ${f.severity}` }, f.severity)), h('td', {}, f.rule), h('td', {}, f.message.zh),
          h('td', {}, [f.where.table, f.where.code, f.where.item, f.where.column].filter(Boolean).join(' · ') || f.where.sentence || ''),
          h('td', { class: 'num' }, f.expected ?? ''), h('td', { class: 'num' }, f.found ?? ''), h('td', { class: 'num' }, f.where.page ?? ''));
        tr.addEventListener('click', () => selectFinding(doc, f, tr));
        return tr;
      }))));
  } else sections.push(h('p', { class: 'empty' }, '没有审核发现 (no findings)'));

  // tables as printed
  sections.push(h('h2', {}, `表格 Tables (${doc.tables.length})`));
  for (const t of doc.tables) {
    sections.push(h('h3', { id: `table-${t.id}` }, `${t.label ? `${t.label} ` : ''}${t.title}`,
      h('span', { class: 'tools' },
        h('button', { type: 'button', onclick: () => { $('#structure').checked = true; showPage(t.pages[0], [], `${t.title}: 表格结构`); } }, '页面结构'),
        exportLinks({ what: 'table', doc: id, table: t.id }))));
    sections.push(h('p', { class: 'meta' }, `${t.unit ? `单位：${t.unit} · ` : ''}第 ${t.pages.join(', ')} 页 · ${t.kind} · ${t.quality.method} ${t.quality.confidence}${t.empty ? ' · 空表' : ''}${t.note ? ` · ${t.note}` : ''}`));
    sections.push(printedTable(t));
  }

  // 绩效目标
  const perf = doc.projects.length + doc.overallPerformance.length;
  sections.push(h('h2', {}, `绩效目标 Performance targets (${perf})`));
  if (!perf) sections.push(h('p', { class: 'empty' }, '无绩效目标表 (none)'));
  for (const p of doc.projects) {
    const funds = p.annualFunds.total ?? p.implementationFunds.total;
    sections.push(h('details', { class: 'project' },
      h('summary', {}, `${p.name}${funds ? ` · 年度资金 ${funds} ${p.fundsUnit ?? ''}` : ''}${p.page ? ` · 第 ${p.page} 页` : ''}`),
      h('p', { class: 'meta' }, [p.department, p.implementingUnit, p.attribute, p.period].filter(Boolean).join(' · ')),
      p.goals.annual ? h('p', {}, `年度目标：${p.goals.annual}`) : null,
      h('table', { class: 'list' },
        h('thead', {}, h('tr', {}, ['期', '一级指标', '二级指标', '三级指标', '指标值'].map((t) => h('th', {}, t)))),
        h('tbody', {}, p.indicators.map((ind) => h('tr', { class: ind.page ? 'link' : undefined, onclick: () => ind.page && showPage(ind.page, [{ page: ind.page, bbox: ind.bbox, cls: 'amount' }], `${p.name} · ${ind.level3 ?? ''}`) },
          h('td', {}, ind.period), h('td', {}, ind.level1 ?? ''), h('td', {}, ind.level2 ?? ''), h('td', {}, ind.level3 ?? ''), h('td', {}, ind.value ?? '')))))));
  }
  for (const o of doc.overallPerformance) {
    sections.push(h('details', { class: 'overall' }, h('summary', {}, o.title),
      h('table', { class: 'list' }, h('tbody', {}, [...o.facts, ...o.funds].map((x) => h('tr', {}, h('td', {}, x.label), h('td', {}, x.value)))))));
  }
  content.replaceChildren(...sections);

  // a selection carried in the address (from search): an amount, a table or a page
  if (params.has('t')) {
    const { table, amount } = findAmount(doc, params);
    if (amount) {
      selectCell(cellOf(table.id, amount.bbox));
      showPage(amount.page, [{ page: amount.page, bbox: amount.bbox, cls: 'amount', title: amount.raw }], `${table.title} · ${amount.path} · ${amount.raw}`);
    } else if (table) {
      $(`#table-${table.id}`)?.scrollIntoView();
      if (params.has('p')) showPage(Number(params.get('p')), [], table.title);
    }
  } else if (params.has('p')) showPage(Number(params.get('p')), []);
}

// ---------------------------------------------------------------- routing

async function route() {
  const hash = location.hash.replace(/^#/, '') || '/';
  const [path, query = ''] = hash.split('?');
  const params = new URLSearchParams(query);
  document.body.dataset.view = 'loading';
  try {
    if (path.startsWith('/doc/')) {
      await renderDoc(decodeURIComponent(path.slice(5)), params);
      document.body.dataset.view = 'doc';
    } else if (path === '/search') {
      await renderSearch(params.get('q') ?? '');
      document.body.dataset.view = 'search';
    } else {
      $('#pane').hidden = true;
      await renderList();
      document.body.dataset.view = 'list';
    }
  } catch (e) {
    content.replaceChildren(h('p', { class: 'empty' }, `出错了: ${e.message}`));
    document.body.dataset.view = 'error';
  }
}

$('#search-form').addEventListener('submit', (e) => {
  e.preventDefault();
  const q = $('#q').value.trim();
  if (q) location.hash = `#/search?${new URLSearchParams({ q })}`;
});
window.addEventListener('hashchange', route);
route();
