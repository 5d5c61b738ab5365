/**
 * Findings over the corpus: extracts every PDF of ../shared/corpus (skips cleanly when it is
 * absent), validates it and writes docs/findings.md: counts by rule and severity per document and
 * in total, and every error finding with a verdict (a real discrepancy of the document, or an
 * extraction problem), from the reviewed list below.
 *
 *   npx tsc -p tsconfig.build.json && node dist/scripts/findings-report.js [CORPUS] [OUT.md]
 */
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { extract } from '../src/pipeline.js';
import { validateDocument } from '../src/validate/index.js';
import type { Checks, Finding } from '../schemas/findings.js';

const corpus = process.argv[2] ?? '../shared/corpus';
const outFile = process.argv[3] ?? 'docs/findings.md';

/** Reviewed verdicts: document (substring), rule, text in the message → verdict. */
const VERDICTS: [string, string, string, string][] = [
  ['空白模板', 'form.department', '', 'real: the blank template (上海市XX局) is full of placeholders; expected for a template'],
  ['万里街道办事处_2023', 'narrative.growth', '314.82', 'real: 11.67 → 45.41 is +289.12%, the text says 314.82%'],
  ['万里街道办事处_2023', 'narrative.growth', '60.54', 'real: item 17 (职业年金, 220.63万元) copies item 16’s “2023年预算安排441.25万元 … 增加60.54%”'],
  ['万里街道办事处_2024', 'narrative.growth', '0.53', 'real: the item heads 350.35万元 (which gives 0.53%), but the sentence says 预算安排352.67万元'],
  ['2017年省检察院部门预算', 'narrative.growth', '129.97', 'real: 6032.55 with +3401.59 is +129.29% (previous 2630.96), the text says 129.97%'],
  ['2018年省检察院部门预算公开', 'narrative.growth', '21.95', 'real (small): 21,955.35 with +3,958.67 is +22.00%, the text says 21.95%'],
  ['2019年度部门预算公开', 'narrative.growth', '10.06', 'real (small): 24,169.74 with +2,214.39 is +10.09%, the text says 10.06%'],
  ['2019年度部门预算公开', 'narrative.growth', '34.38', 'real (small): 1442.74 with +368.97 is +34.36%, the text says 34.38%'],
  ['万里街道办事处_2024', 'form.empty-note', '', 'real: the 三公 table prints 47.91 … 443.18 and, under them, the note “本表为空表” (checked with pdftotext -layout, p. 31)'],
  ['司法局_2026_单位预算', 'narrative.item', '56.12', 'real: checklist item 预算编制说明 3 (56.12 vs 57.8)'],
  ['司法局_2026_单位预算', 'narrative.item', '207', 'real: checklist item 预算编制说明 4 (207 vs 170.03)'],
  ['司法局_2026_单位预算', 'narrative.growth', '1.10', 'real: checklist item 预算编制说明 2 (1690.69 → 1434.89 is −15.13%, not −1.10%)'],
  ['司法局_2026_单位预算', 'narrative.growth', '2.27', 'real: follows from checklist item 3 (57.43 → 57.8 is +0.64%; 2.27% fits 56.12)'],
  ['司法局_2026_单位预算', 'narrative.growth', '21.74', 'real: checklist item 预算编制说明 4 (241.76 → 170.03 is −29.67%, not +21.74%)'],
  ['司法局_2026_单位预算', 'cross.personnel-public', '', 'real: 财务收支预算总表 splits 基本支出 20,374,181 / 1,744,680, the economic table 20,272,981.00 / 1,845,880.34'],
  ['司法局_2026_单位预算', 'hierarchy.functional', '20406', 'real: consequence of the 行政运行 row (项目支出 64,840,547.00 printed on 2040601 and on 20406)'],
  ['司法局_2026_单位预算', 'row.basic-project', '2040601', 'real: checklist items 单位支出预算总表 / 一般公共预算支出功能分类预算表 (行政运行 合计 14,348,853.34 = 基本支出 although 项目支出 64,840,547.00)'],
  ['司法局_2026_部门预算', 'narrative.item', '208.8', 'real: checklist item 预算编制说明 6 (208.8 vs 201.50)'],
  ['司法局_2026_部门预算', 'narrative.growth', '17.62', 'real: checklist item 预算编制说明 4 (43269.3 → 3845.49 is −91.11%, not +17.62%)'],
  ['司法局_2026_部门预算', 'narrative.growth', '17.66', 'real, not in the checklist: item 9 (职业年金 77.99 → 91.97 = +17.93%) copies item 8’s 17.66%'],
  ['司法局_2026_部门预算', 'narrative.growth', '5.27', 'real: follows from checklist item 6 (198.34 → 201.50 is +1.59%; 5.27% fits 208.8)'],
  ['规划和自然资源局', 'narrative.growth', '27.78', 'validator/extraction: the sentence states only the change (减少0.15万元, 下降（增长）27.78%), no current figure; a candidate was taken from a neighbouring figure'],
  ['财政局_2024_部门决算.pdf', 'row.basic-project', '1511.89', 'extraction: ONLYOFFICE order — the 基本支出 1503.52 of 2010601 行政运行 was put on a row of its own (row 7) above its code row; 支出决算表 rows 3/5/7/10/12 are such split halves'],
  ['财政局_2024_部门决算.pdf', 'narrative.amount', '0.3', 'real: the original PDF says “财政拨款收入支出总计0.3万元” (table 2,961.68)'],
  ['财政局_2024_部门决算', 'narrative.share', '71.73', 'real: 2106.66 / 2940.05 = 71.65%, the text says 71.73% (the four 类 shares then add up to 100.07%)'],
  ['注入错误版', 'form.department', 'XX', 'real (injected): placeholder 上海市普陀区XX局 in the 第二部分 heading'],
  ['注入错误版', 'form.year', '2023', 'real (injected): 第三部分 heading says 2023年度'],
  ['注入错误版', 'narrative.amount', '收入支出总计', 'real (injected): 收入支出总计0万元 vs 2,995.39'],
  ['注入错误版', 'narrative.comparison', '', 'real (injected): 决算数大于/等于预算数 although the actual is below the budget'],
  ['检察院_2019', 'row.sources', '', 'extraction: the 培训费 700 (an integer amount at the start of the line) was read as the row’s subject code “700” and its cell left empty'],
  ['检察院_2019', 'cross.three-public', '', 'extraction: 公务用车购置及运行维护费 237 read as part of the code (same row as above), so 三公 小计 418.26 lacks it'],
  ['委办公厅2017年部门预算', 'narrative.growth', '1.66', 'real (small): 6106.99 with +101.48 is +1.69%, the text says 1.66%'],
  ['委办公厅2018年度部门预算公开文件', 'narrative.growth', '79.27', 'extraction: the current amount of this item is on the previous PDF line; the sentence split at the line break leaves “万元,与上年相比减少8007.18万元” with a wrong current'],
  ['法院2017', 'narrative.growth', '79.05', 'real (small): 1959.99 with +865.57 is +79.09%, the text says 79.05%'],
  ['检察院部门预算公开', 'narrative.growth', '0.06', 'real: 3,666 with +21.8 is +0.60%, the text says 0.06% (a slipped decimal)'],
  ['政协办公厅2017年度部门预算', 'narrative.growth', '5.77', 'extraction/validator: the sentence lost “（2016年度部” to the previous PDF line, so last year’s 8,648.07 reads as the current figure; the document is consistent (8,648.07 + 498.72 = 9,146.79, +5.77%)'],
  ['法院2018', 'narrative.growth', '5.95', 'real: 6049.97 with −392.92 is −6.10%, the text says −5.95%'],
  ['法院2019', 'narrative.growth', '18.42', 'extraction: “与上年相比减少175万元” lost its 减少 to the previous PDF line, so 175 was read as an amount, not a change (775 − (−175) → −18.42% holds)'],
];

function verdict(doc: string, f: Finding): string {
  const text = `${f.message.zh} ${f.where.sentence ?? ''} ${f.where.code ?? ''}`;
  const v = VERDICTS.find(([d, r, m]) => doc.includes(d) && f.rule === r && (!m || text.includes(m)));
  return v ? v[3] : 'not reviewed';
}

function pdfs(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir).sort()) {
    const p = join(dir, e);
    if (statSync(p).isDirectory()) out.push(...pdfs(p));
    else if (/\.pdf$/i.test(e)) out.push(p);
  }
  return out;
}

const esc = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

async function main(): Promise<void> {
  if (!existsSync(corpus)) {
    console.log(`findings-report: ${corpus} is absent; nothing to do`);
    return;
  }
  const files = pdfs(corpus);
  const results: { file: string; checks?: Checks; error?: string }[] = [];
  for (const file of files) {
    try {
      const doc = await extract(file);
      results.push({ file, checks: validateDocument(doc) });
      console.log(`${basename(file)}: ${results[results.length - 1].checks!.summary.error} errors`);
    } catch (e) {
      results.push({ file, error: String((e as Error)?.message ?? e) });
    }
  }
  const rules = new Set<string>();
  for (const r of results) for (const f of r.checks?.findings ?? []) rules.add(f.rule);
  const total = { error: 0, warning: 0, info: 0 };
  const byRule = new Map<string, { error: number; warning: number; info: number }>();
  for (const r of results)
    for (const f of r.checks?.findings ?? []) {
      total[f.severity]++;
      if (!byRule.has(f.rule)) byRule.set(f.rule, { error: 0, warning: 0, info: 0 });
      byRule.get(f.rule)![f.severity]++;
    }
  const L: string[] = [];
  L.push('# Validation findings over the corpus', '');
  L.push(`Generated by \`node dist/scripts/findings-report.js\` (scripts/findings-report.ts) over ${files.length} PDFs of \`${corpus}\`. `);
  L.push('Rule ids, meanings and what each severity promises: docs/checks.md. `error` = the document is wrong whatever its template; `info` = template differences, expected gaps and differences within the rounding the printed precision allows.', '');
  L.push('## Totals', '', `| | error | warning | info |`, '|---|---:|---:|---:|', `| **all documents** | ${total.error} | ${total.warning} | ${total.info} |`);
  for (const [rule, c] of [...byRule.entries()].sort()) L.push(`| ${rule} | ${c.error} | ${c.warning} | ${c.info} |`);
  L.push('', '## Per document', '', '| document | error | warning | info | by rule (e/w/i) |', '|---|---:|---:|---:|---|');
  for (const r of results) {
    const name = basename(r.file);
    if (!r.checks) {
      L.push(`| ${esc(name)} | – | – | – | extraction failed: ${esc(r.error ?? '')} |`);
      continue;
    }
    const per = new Map<string, [number, number, number]>();
    for (const f of r.checks.findings) {
      const c = per.get(f.rule) ?? [0, 0, 0];
      c[f.severity === 'error' ? 0 : f.severity === 'warning' ? 1 : 2]++;
      per.set(f.rule, c);
    }
    const s = r.checks.summary;
    L.push(`| ${esc(name)} | ${s.error} | ${s.warning} | ${s.info} | ${[...per.entries()].sort().map(([k, c]) => `${k} ${c.join('/')}`).join('; ')} |`);
  }
  L.push('', '## Every error, with a verdict', '');
  L.push('Verdicts: **real** = a discrepancy printed in the document (checked against the PDF text); **extraction** = the figures were misread (details for the extractor); “not reviewed” = new since this list was written.', '');
  for (const r of results) {
    const errs = r.checks?.findings.filter((f) => f.severity === 'error') ?? [];
    if (!errs.length) continue;
    L.push(`### ${basename(r.file)}`, '');
    for (const f of errs) L.push(`- \`${f.rule}\` ${esc(f.message.zh)}`, `  - ${esc(f.message.en)}`, `  - **verdict:** ${esc(verdict(basename(r.file), f))}`);
    L.push('');
  }
  writeFileSync(outFile, `${L.join('\n')}\n`);
  console.log(`findings-report: ${files.length} documents, ${total.error} errors, ${total.warning} warnings, ${total.info} info → ${outFile}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
