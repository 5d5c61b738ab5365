/**
 * The per-document line of a run. Piped or redirected it is one stable line, path first
 * (docs/batch.md); on a terminal the counts come first and the line is wrapped at the terminal's
 * width with an indent, so nothing is cut and the path, however long, comes last.
 */
import { displayPath } from './inputs.js';
import type { FileResult } from './task.js';

function checksOf(r: FileResult): string {
  return `checks: ${r.checksLine ?? `${r.findings.error} errors, ${r.findings.warning} warnings, ${r.findings.info} info`}`;
}

export function summaryLine(r: FileResult): string {
  const p = displayPath(r.path);
  if (r.status === 'failed' && r.error) return `${p}: failed [${r.error.reason}] ${r.error.message}`;
  const what = r.status === 'skipped' ? `skipped (unchanged, ${r.documentStatus})` : r.documentStatus;
  return `${p}: ${what}, ${r.tables} tables, ${r.facts} facts, ${r.projects} projects, ${r.diagnostics.warning} warnings, ${r.diagnostics.error} errors; ${checksOf(r)} (${r.durationMs} ms)`;
}

/** The same for a terminal: counts first, then the path. */
export function terminalSummary(r: FileResult): string {
  const p = displayPath(r.path);
  if (r.status === 'failed' && r.error) return `failed [${r.error.reason}] ${r.error.message}`;
  const what = r.status === 'skipped' ? `skipped (${r.documentStatus})` : r.documentStatus;
  return `${what}: ${r.tables} tables, ${r.facts} facts, ${r.projects} projects, ${r.diagnostics.warning} warnings, ${r.diagnostics.error} errors; ${checksOf(r)}; ${r.durationMs} ms — ${p}`;
}

/** Display width of a character: CJK and full-width forms take two columns. */
const cols = (ch: string) => (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 2 : 1);

/**
 * Wrap text to `width` columns: at spaces where it can, inside a word (a long path) where it must;
 * continuation lines are indented by two spaces. Never drops a character.
 */
export function wrapLine(text: string, width: number): string {
  if (!(width > 10)) return text;
  const lines: string[] = [];
  let line = '';
  let used = 0;
  const indent = '  ';
  for (const word of text.split(/(?<= )/)) {
    const w = [...word].reduce((n, ch) => n + cols(ch), 0);
    if (used + w > width && line.trim()) {
      lines.push(line.trimEnd());
      line = indent;
      used = indent.length;
    }
    for (const ch of word) {
      const c = cols(ch);
      if (used + c > width && line.trim()) {
        lines.push(line);
        line = indent;
        used = indent.length;
      }
      line += ch;
      used += c;
    }
  }
  if (line.trim()) lines.push(line.trimEnd());
  return lines.join('\n');
}
