#!/usr/bin/env node
/**
 * data/subject-names.csv: the 政府收支分类科目 names (functional and economic) as the disclosures
 * print them beside their codes, read from the text layer of the corpus and of the samples by
 * yusuan itself, and the 类 of the classification (CLASSES, below). OCR
 * reads a recognised subject name against the name of its printed code (extractors/ocr/vocabulary.ts).
 * The OCR benchmark's documents (scripts/ocr-bench-docs.mjs) are left out, so that the benchmark
 * measures documents the OCR path has not seen.
 *
 *   npm run build && node scripts/make-subject-names.mjs [CORPUS_DIR]   (default ../shared/corpus)
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT, pdfsUnder } from './bench-common.mjs';
import { OCR_BENCH_DOCS } from './ocr-bench-docs.mjs';

const corpus = path.resolve(process.argv[2] ?? path.join(ROOT, '../shared/corpus'));
const { extract } = await import(path.join(ROOT, 'dist/src/pipeline.js'));
const { looksLikeSubjectCode } = await import(path.join(ROOT, 'dist/src/interpret/columns.js'));

// a benchmark document and its variants (…_注入错误版.pdf: the same pages with figures changed)
const benchStems = OCR_BENCH_DOCS.map((d) => path.join(corpus, d).replace(/\.pdf$/i, ''));
const isBench = (file) => benchStems.some((s) => file.startsWith(s));
/**
 * The 类 of the classification (功能分类 and 经济分类), so that a class no document of the corpus
 * prints is known too: the names of the current classification.
 */
const CLASSES = {
  201: '一般公共服务支出', 202: '外交支出', 203: '国防支出', 204: '公共安全支出', 205: '教育支出', 206: '科学技术支出',
  207: '文化旅游体育与传媒支出', 208: '社会保障和就业支出', 210: '卫生健康支出', 211: '节能环保支出', 212: '城乡社区支出',
  213: '农林水支出', 214: '交通运输支出', 215: '资源勘探工业信息等支出', 216: '商业服务业等支出', 217: '金融支出',
  219: '援助其他地区支出', 220: '自然资源海洋气象等支出', 221: '住房保障支出', 222: '粮油物资储备支出', 224: '灾害防治及应急管理支出',
  227: '预备费', 229: '其他支出', 232: '债务付息支出', 233: '债务发行费用支出',
  301: '工资福利支出', 302: '商品和服务支出', 303: '对个人和家庭的补助', 307: '债务利息及费用支出', 310: '资本性支出', 399: '其他支出',
};
// the samples' own born-digital render: the document the OCR path is tuned on
const SAMPLES = [path.join(ROOT, 'samples/xinzhou-xinfang-2024-budget.libreoffice.pdf')];

/** code → name → documents printing it */
const seen = new Map();
for (const [code, name] of Object.entries(CLASSES)) seen.set(code, new Map([[name, new Set(['classification'])]]));
for (const file of [...SAMPLES, ...pdfsUnder(corpus)]) {
  if (isBench(file)) continue;
  let doc;
  try {
    doc = await extract(file);
  } catch (err) {
    console.error(`${path.relative(corpus, file)}: ${err.message}`);
    continue;
  }
  for (const t of doc.tables) {
    for (const r of t.rows) {
      const name = (r.labels.at(-1) ?? '').replace(/\s+/g, '');
      if (!r.code || !looksLikeSubjectCode(r.code) || !/^\p{Script=Han}[\p{Script=Han}（）()“”、]*$/u.test(name)) continue;
      const names = seen.get(r.code) ?? new Map();
      seen.set(r.code, names);
      (names.get(name) ?? names.set(name, new Set()).get(name)).add(file);
    }
  }
  console.error(`${path.relative(corpus, file)}: ${seen.size} codes so far`);
}
const lines = ['code,name,documents'];
for (const code of [...seen.keys()].sort()) {
  const names = [...seen.get(code)].sort((a, b) => b[1].size - a[1].size);
  // a name printed once beside a code most documents name otherwise is a misprint in that document
  // (咨询费 beside 30202 印刷费), not a name of the code
  const top = names[0][1].size;
  for (const [name, docs] of names) if (docs.size > 1 || top < 5) lines.push(`${code},${name},${docs.size}`);
}
writeFileSync(path.join(ROOT, 'data/subject-names.csv'), `${lines.join('\n')}\n`);
console.log(`data/subject-names.csv: ${lines.length - 1} names of ${seen.size} codes`);
