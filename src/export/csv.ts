/** CSV text with fast-csv: UTF-8, header row, RFC 4180 quoting, formula cells neutralised (./formula-guard.ts). */
import { parseString, writeToString } from 'fast-csv';
import { neutralizeFormula } from './formula-guard.js';

export async function toCsv(header: string[], rows: (string | number | undefined)[][]): Promise<string> {
  const text = await writeToString([header, ...rows.map((r) => r.map((v) => (v === undefined ? '' : typeof v === 'number' ? String(v) : neutralizeFormula(v))))], {
    includeEndRowDelimiter: true,
  });
  return text;
}

export async function recordsToCsv<T extends object>(columns: (keyof T & string)[], records: T[]): Promise<string> {
  return toCsv(columns, records.map((r) => columns.map((c) => r[c] as string | undefined)));
}

/** Records of a CSV text with a header row (a leading byte-order mark ignored). */
export function parseCsvRecords(text: string): Promise<Record<string, string>[]> {
  return new Promise((resolve, reject) => {
    const rows: Record<string, string>[] = [];
    parseString(text.replace(/^\uFEFF/, ''), { headers: true })
      .on('data', (r: Record<string, string>) => rows.push(r))
      .on('error', reject)
      .on('end', () => resolve(rows));
  });
}
