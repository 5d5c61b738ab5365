/** Text of `yusuan --help` beyond the options: examples and the exit codes (from src/batch/run.ts). */
import { EXIT_MEANING } from './batch/run.js';

export const EXTRACT_EXAMPLES = [
  '  yusuan extract 部门预算.pdf -o out                  one file; out/部门预算/ gets document.json, document.xlsx, CSVs',
  '  yusuan extract corpus/ -o out --jobs 4               every supported file under corpus/, 4 at a time',
  "  yusuan extract 'data/**/*.xlsx' -o out               a glob (quoted); .xlsx .xls .ods .csv .docx too",
  '  yusuan extract https://example.gov.cn/a.pdf -o out   a URL (downloaded, the URL kept in the manifest)',
  '  curl -s https://example.gov.cn/a.pdf | yusuan extract - -o out   standard input',
  '  yusuan extract --from urls.txt -o out                 one input a line (a path, a folder, a URL)',
  '  yusuan extract corpus/ -o out --excel-csv --strict    CSVs with a BOM for Excel; exit 3 on error findings',
].join('\n');

export function exitCodesHelp(): string {
  return `Exit status:\n${Object.entries(EXIT_MEANING)
    .map(([code, meaning]) => `  ${code.padStart(2)}  ${meaning}`)
    .join('\n')}`;
}
