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
