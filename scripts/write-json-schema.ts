/**
 * JSON Schema from the zod schemas, for users outside TypeScript: `npm run schemas` writes
 * schemas/json/*.schema.json (committed; a test checks they are current).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { Document, Fact } from '../schemas/document.js';
import { Checks } from '../schemas/findings.js';
import { SourceDocument } from '../schemas/intermediate.js';

export const JSON_SCHEMAS: Record<string, z.ZodType> = {
  'document.schema.json': Document,
  'intermediate.schema.json': SourceDocument,
  'checks.schema.json': Checks,
  'fact.schema.json': Fact,
};

export function jsonSchemaText(schema: z.ZodType): string {
  return `${JSON.stringify(z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }), null, 2)}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  // compiled to dist/scripts/: the schemas folder is two levels up
  const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
  const out = join(root, 'schemas', 'json');
  mkdirSync(out, { recursive: true });
  for (const [name, schema] of Object.entries(JSON_SCHEMAS)) writeFileSync(join(out, name), jsonSchemaText(schema));
  console.log(`wrote ${Object.keys(JSON_SCHEMAS).length} JSON Schemas to schemas/json/`);
}
