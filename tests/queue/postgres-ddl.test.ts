/**
 * The PostgreSQL schema is translated from the one TABLES definition (src/db/index.ts), generically:
 * a table or column added there appears in PostgreSQL without another edit. No server needed.
 */
import { describe, expect, it } from 'vitest';
import { TABLES, tableName } from '../../src/db/index.js';
import { postgresSchemaSql, tableSql } from '../../src/db/postgres.js';

describe('PostgreSQL DDL from TABLES', () => {
  it('has every table and column of TABLES, identifiers quoted, SQLite types translated', () => {
    const sql = postgresSchemaSql().join(';\n');
    for (const [k, def] of Object.entries(TABLES)) {
      expect(sql).toContain(`CREATE TABLE IF NOT EXISTS "${tableName(k)}" (`);
      for (const [c] of def.cols) expect(sql).toContain(`  "${c}" `);
    }
    expect(sql).toContain('"value_num" DOUBLE PRECISION');
    expect(sql).toContain('"row" BIGINT');
    expect(sql).toContain('FOREIGN KEY ("document", "table_id") REFERENCES "tables"("document", "table_id") ON DELETE CASCADE');
    expect(sql).not.toMatch(/\bREAL\b/);
  });

  it('translates a table it has never seen', () => {
    const [create, index] = tableSql('budget_lines', {
      cols: [['document', 'TEXT NOT NULL'], ['seq', 'INTEGER NOT NULL'], ['amount', 'REAL'], ['order', 'TEXT']],
      key: 'PRIMARY KEY (document, seq)',
      foreign: 'FOREIGN KEY (document) REFERENCES documents(sha256) ON DELETE CASCADE',
      indexes: ['order, amount'],
    });
    expect(create).toBe(
      'CREATE TABLE IF NOT EXISTS "budget_lines" (\n  "document" TEXT NOT NULL,\n  "seq" BIGINT NOT NULL,\n  "amount" DOUBLE PRECISION,\n  "order" TEXT,\n' +
        '  PRIMARY KEY ("document", "seq"),\n  FOREIGN KEY ("document") REFERENCES "documents"("sha256") ON DELETE CASCADE\n)',
    );
    expect(index).toBe('CREATE INDEX IF NOT EXISTS "budget_lines_by_order_amount" ON "budget_lines" ("order", "amount")');
  });
});
