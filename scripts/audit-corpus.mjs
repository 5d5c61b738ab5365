#!/usr/bin/env node
/**
 * Extract every corpus PDF and audit the extraction with the shared ground-truth-free audit
 * (amount coverage, unmatched facts, reconciliation, tables found), then write the per-document
 * figures to docs/corpus-audit.md.
 *
 *   node scripts/audit-corpus.mjs [corpus-dir] [out-dir]      (after `npm run build`)
 *
 * Needs python3 and pdftotext (poppler-utils). Skips with a message when the corpus is absent.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const corpus = resolve(process.argv[2] ?? join(root, '../shared/corpus'));
const out = resolve(process.argv[3] ?? join(root, 'out/corpus'));
if (!existsSync(corpus)) {
  console.log(`audit-corpus: ${corpus} not found; nothing to audit`);
  process.exit(0);
}
const audit = join(corpus, '../tools/audit/audit_all.py');
const started = Date.now();
const run = spawnSync(process.execPath, [join(root, 'bin/yusuan.js'), 'extract', join(corpus, 'jiangsu'), join(corpus, 'shanghai'), '-o', out, '--force', '--progress=none'], { stdio: ['ignore', 'inherit', 'inherit'] });
const seconds = ((Date.now() - started) / 1000).toFixed(1);
const jsonPath = join(out, 'audit.json');
execFileSync('python3', [audit, corpus, out, '--json', jsonPath], { stdio: ['ignore', 'ignore', 'inherit'] });
const report = JSON.parse(readFileSync(jsonPath, 'utf8'));
const s = report.summary;
const pct = (x) => (x === null || x === undefined ? 'n/a' : (100 * x).toFixed(2));
const commit = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).stdout.trim();
const lines = [
  '# Corpus audit',
  '',
  `Made by \`node scripts/audit-corpus.mjs\` on ${new Date().toISOString().slice(0, 10)} at commit ${commit} (${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB; extraction of the 39 PDFs took ${seconds} s, exit ${run.status}).`,
  'The audit is `../shared/tools/audit/audit_all.py`: coverage = share of the standalone amounts `pdftotext -layout` shows on table pages that are facts of that page; unmatched = share of facts whose value is not printed on their page; reconciliation = share of identities that hold (parent code = Σ children, 合计 = Σ parts, total rows, 收 = 支), including the documents\' own inconsistencies; tables = printed table titles found among the facts.',
  '',
  `**Totals: coverage ${pct(s.coverage)}% (${s.matched}/${s.tokens}), unmatched facts ${pct(s.unmatched_share)}% (${s.unmatched}/${s.facts}), reconciliation ${pct(s.reconciliation)}% (${s.passed}/${s.checked}), tables ${pct(s.tables)}% (${s.tmatched}/${s.found}), ${s.docs} documents (${s.docs_with_tables} with tables).**`,
  '',
  '| document | pages | coverage % | amounts | unmatched facts | reconciliation % | identities | tables |',
  '|---|---:|---:|---:|---:|---:|---:|---:|',
  ...report.documents.map((d) =>
    `| ${d.pdf} | ${d.pages ?? ''} | ${pct(d.coverage)} | ${d.matched}/${d.tokens} | ${d.facts_unmatched}/${d.facts} | ${pct(d.reconciliation)} | ${d.recon_passed}/${d.recon_checked} | ${d.tables_matched}/${d.tables_found} |`,
  ),
  '',
  '## Where the audit and the extraction disagree',
  '',
  ...report.documents.flatMap((d) => {
    const notes = [
      ...(d.tables_missing ?? []).map((t) => `- ${d.pdf}: table not found: p${t.page} ${t.title}`),
      ...(d.worst_pages ?? []).filter((p) => p.coverage < 1).slice(0, 3).map((p) => `- ${d.pdf}: page ${p.page}: ${p.matched}/${p.tokens} amounts; missing ${p.missing.slice(0, 4).join('; ')}`),
      ...(d.recon_failures ?? []).slice(0, 4).map((f) => `- ${d.pdf}: identity fails: ${typeof f === 'string' ? f : JSON.stringify(f)}`),
    ];
    return notes;
  }),
  '',
];
writeFileSync(join(root, 'docs/corpus-audit.md'), `${lines.join('\n')}\n`);
console.log(`coverage ${pct(s.coverage)}% reconciliation ${pct(s.reconciliation)}% tables ${pct(s.tables)}% → docs/corpus-audit.md`);
