import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { JSON_SCHEMAS, jsonSchemaText } from '../scripts/write-json-schema.js';
import { Document } from '../schemas/document.js';
import { extract } from '../src/pipeline.js';
import { ROOT } from './helpers.js';

describe('schemas', () => {
  it.each(Object.keys(JSON_SCHEMAS))('schemas/json/%s is current (run npm run schemas)', (name) => {
    expect(readFileSync(join(ROOT, 'schemas/json', name), 'utf8')).toBe(jsonSchemaText(JSON_SCHEMAS[name]));
  });
  it('a sample document satisfies the document schema', async () => {
    const doc = await extract(join(ROOT, 'samples/xinzhou-xinfang-2024-budget.md'));
    const r = Document.safeParse(JSON.parse(JSON.stringify(doc)));
    expect(r.success ? [] : r.error.issues.slice(0, 5)).toEqual([]);
  });
});
