/** CSV text with fast-csv: UTF-8, header row, RFC 4180 quoting, formula cells neutralised (./formula-guard.ts). */
import { writeToString } from 'fast-csv';
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
