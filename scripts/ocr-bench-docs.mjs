/**
 * The corpus documents the OCR benchmark reads as scans (scripts/bench-ocr.mjs): Jiangsu and
 * Shanghai, 预算 and 决算. They are kept out of everything the OCR path is tuned or built on (the
 * subject-name table, scripts/make-subject-names.mjs), so the benchmark measures documents the OCR
 * path has not seen.
 */
export const OCR_BENCH_DOCS = [
  'jiangsu/江苏省人民检察院_2019年度部门预算公开.pdf',
  'jiangsu/江苏省政协办公厅_江苏省政协办公厅2018度部门预算公开表.pdf',
  'shanghai/普陀区商务委员会_2025_部门预算.pdf',
  'shanghai/普陀区规划和自然资源局_2024_部门决算.pdf',
  'shanghai/普陀区财政局_2024_部门决算.pdf',
];

/**
 * Held out (`node scripts/bench-ocr.mjs --held-out`): corpus documents no OCR change was looked at
 * or tuned on — measured after tuning, on their table pages, to say how the OCR path does on
 * documents it has not seen. Jiangsu and Shanghai, 预算 and 决算 (the Jiangsu corpus has no 决算).
 * Their subject names are in data/subject-names.csv like every corpus document's but the list
 * above (the names are the classification's, printed alike across documents). `tuned`: once held
 * out, since looked at and tuned on (their figures say what the tuning did, not how the path
 * does on documents it has not seen).
 */
export const OCR_HELD_OUT_DOCS = [
  { rel: 'jiangsu/江苏省人大办公厅_江苏省人大常委会办公厅2019年部门预算公开表.pdf', pages: [1, 12], tuned: true },
  { rel: 'jiangsu/江苏省高级人民法院_江苏省高级人民法院2019年度部门预算公开.pdf', pages: [8, 19], tuned: true },
  { rel: 'shanghai/普陀区委社会工作部_2024_部门决算.pdf', pages: [5, 16] },
  // tuned on since: its scan with the seed by name read 收入 as 收人 in a title (2026年部门收人预算总表, snap-words.ts)
  { rel: 'shanghai/普陀区司法局_2026_部门预算.pdf', pages: [8, 19], tuned: true },
  // added when the two Jiangsu documents above were tuned on (issue 10, header words, cell walls, split numbers)
  // these two, 2017 委办公厅 and 2017 政协 below: tuned on in the seventh round (their wrong and missed
  // facts classified: misread titles, item names, columns and codes)
  { rel: 'jiangsu/江苏省委办公厅_江苏省委办公厅2019年度部门预算公开表格.pdf', pages: [1, 12], tuned: true },
  { rel: 'jiangsu/江苏省政协办公厅_江苏省政协办公厅2019年预算公开表.pdf', pages: [1, 12], tuned: true },
  // added before the sixth round of OCR work, chosen by what they are (Jiangsu and Shanghai, A4 and
  // A3, portrait and landscape, 预算 and 决算), not by how they read; none was run through OCR
  // before being listed here. 'tables': the first 12 pages that carry facts in the text layer.
  { rel: 'jiangsu/江苏省委办公厅_江苏省委办公厅2017年预算公开表格.pdf', pages: 'tables', tuned: true },
  { rel: 'jiangsu/江苏省人民检察院_2018年省检察院部门预算公开.pdf', pages: 'tables' },
  { rel: 'jiangsu/江苏省高级人民法院_省法院2018年度部门预算公开.pdf', pages: 'tables' },
  { rel: 'jiangsu/江苏省政协办公厅_2017年度部门预算公开表.pdf', pages: 'tables', tuned: true },
  // its misses were looked at (titles read 支→文, 算基本→县个) after its first measurement
  { rel: 'jiangsu/江苏省人大办公厅_省人大办公厅2018预算公开.pdf', pages: 'tables', tuned: true },
  { rel: 'shanghai/普陀区万里街道办事处_2024_部门预算.pdf', pages: 'tables' },
  // tuned on since (issue 10, confirmation of unsure readings): its withheld cells were looked at
  { rel: 'shanghai/普陀区社会福利院_2024_单位预算.pdf', pages: 'tables', tuned: true },
  { rel: 'shanghai/普陀区人民政府办公室_2025_部门预算.pdf', pages: 'tables' },
  { rel: 'shanghai/普陀区财政局_2025_部门预算.pdf', pages: 'tables' },
  { rel: 'shanghai/上海市财政局_2025_单位预算.pdf', pages: 'tables' },
  // added before the seventh round of OCR work, when the documents above that missed 0.99 / 0.995
  // were to be tuned on: every corpus document not listed yet but 普陀区财政局 2024 注入错误版 (the
  // bench's 财政局 2024 with errors put in) and 上海市 2024 空白模板 (no figures). Several are
  // another edition of a listed document's tables (a 公开文件 beside its 公开表), in another layout.
  // None was run through OCR before being listed here.
  // its two misses looked at after the seventh round's held-out measure (a first 一、 lost); not mended yet
  { rel: 'jiangsu/江苏省人大办公厅_江苏省人大办公厅2017年度预算公开.pdf', pages: 'tables', tuned: true },
  { rel: 'jiangsu/江苏省人大办公厅_江苏省人大常委会2019年度部门预算公开.pdf', pages: 'tables' },
  // looked at after the seventh round's held-out measure: 17,981.68 read 17981.6, now withheld (odd-decimals.ts)
  { rel: 'jiangsu/江苏省人民检察院_2017年省检察院部门预算.pdf', pages: 'tables', tuned: true },
  { rel: 'jiangsu/江苏省委办公厅_江苏省委办公厅2017年部门预算.pdf', pages: 'tables' },
  { rel: 'jiangsu/江苏省委办公厅_江苏省委办公厅2018年度部门预算公开文件.pdf', pages: 'tables' },
  // tuned on since (issue 10, eighth round): its one wrong key, unflagged, a regression of the seventh round, looked at
  { rel: 'jiangsu/江苏省委办公厅_江苏省委办公厅2018年度部门预算公开表.pdf', pages: 'tables', tuned: true },
  { rel: 'jiangsu/江苏省委办公厅_江苏省委办公厅2019年度部门预算公开文件.pdf', pages: 'tables' },
  { rel: 'jiangsu/江苏省政协办公厅_江苏省政协办公厅2017年度部门预算.pdf', pages: 'tables' },
  { rel: 'jiangsu/江苏省政协办公厅_江苏省政协办公厅2018年度部门预算.pdf', pages: 'tables' },
  { rel: 'jiangsu/江苏省政协办公厅_江苏省政协办公厅2019年度部门预算.pdf', pages: 'tables' },
  { rel: 'jiangsu/江苏省高级人民法院_省法院2017年度部门预算公开.pdf', pages: 'tables' },
  { rel: 'shanghai/普陀区万里街道办事处_2023_部门预算.pdf', pages: 'tables' },
  { rel: 'shanghai/普陀区万里街道办事处_2025_部门预算.pdf', pages: 'tables' },
  { rel: 'shanghai/普陀区人民政府办公室_2025_单位预算.pdf', pages: 'tables' },
  { rel: 'shanghai/普陀区司法局_2026_单位预算.pdf', pages: 'tables' },
  { rel: 'shanghai/普陀区商务委员会_2025_单位预算.pdf', pages: 'tables' },
];
