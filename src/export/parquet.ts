/**
 * facts.parquet: the run's facts for DuckDB, pandas, polars, R (arrow) and Spark in one line
 * (`SELECT … FROM 'out/facts.parquet'`). Written with hyparquet-writer: pure JavaScript (no native
 * build, no WebAssembly), small, and it writes DECIMAL from exact integers (bigint), so amounts
 * never pass through a float.
 *
 * The columns are the facts.csv columns, in their order, whatever they are: a column gets a type
 * from PARQUET_TYPES when it has one there, else it is a UTF-8 string. `value` is
 * DECIMAL(38, s), s being the most decimals any value of the run has (0.95 and 400000 in one
 * column: DECIMAL(38, 2) holds both exactly); year, page and row are INT32 (null when blank).
 */
import { parquetWriteBuffer, type ColumnSource, type SchemaElement } from 'hyparquet-writer';

export type ParquetType = 'int' | 'decimal';

/** Typed columns; any other column of facts.csv is a string. */
export const PARQUET_TYPES: Record<string, ParquetType> = { year: 'int', page: 'int', row: 'int', value: 'decimal', value_yuan: 'decimal' };

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

function decimalColumn(name: string, values: string[]): { column: ColumnSource; schema: SchemaElement } {
  let scale = 0;
  for (const v of values) {
    if (!v) continue;
    const m = DECIMAL.exec(v);
    if (!m) throw new Error(`facts.parquet: ${name} "${v}" is not a decimal number`);
    scale = Math.max(scale, m[3]?.length ?? 0);
  }
  const data = values.map((v) => {
    if (!v) return null;
    const [, sign, int, frac = ''] = DECIMAL.exec(v)!;
    return BigInt(`${sign}${int}${frac.padEnd(scale, '0')}`);
  });
  return {
    column: { name, data },
    schema: { name, type: 'FIXED_LEN_BYTE_ARRAY', type_length: 16, converted_type: 'DECIMAL', precision: 38, scale, logical_type: { type: 'DECIMAL', precision: 38, scale }, repetition_type: 'OPTIONAL' },
  };
}

/** A parquet file of records (string fields, as in facts.csv) with the given columns. */
export function factsParquet(columns: readonly string[], records: Record<string, string | undefined>[]): Uint8Array {
  const columnData: ColumnSource[] = [];
  const schema: SchemaElement[] = [{ name: 'root', num_children: columns.length }];
  for (const name of columns) {
    const values = records.map((r) => r[name] ?? '');
    const type = PARQUET_TYPES[name];
    if (type === 'decimal') {
      const d = decimalColumn(name, values);
      columnData.push(d.column);
      schema.push(d.schema);
    } else if (type === 'int') {
      columnData.push({ name, data: values.map((v) => (/^-?\d+$/.test(v) ? Number(v) : null)) });
      schema.push({ name, type: 'INT32', repetition_type: 'OPTIONAL' });
    } else {
      columnData.push({ name, data: values });
      schema.push({ name, type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'REQUIRED' });
    }
  }
  return new Uint8Array(parquetWriteBuffer({ columnData, schema, kvMetadata: [{ key: 'written_by', value: 'yusuan facts.parquet' }] }));
}
