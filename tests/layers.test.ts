/**
 * Imports run one way, down the pipeline: a stage imports only itself and the stages below it
 * (README "How it works": schemas → core → extractors → segment → interpret → identities → confirm → validate → export/db →
 * pipeline → batch → cli). A lower stage importing a higher one fails here, with the offending line.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Rank of each stage: longest matching prefix wins. */
const LAYERS: [string, number][] = [
  ['schemas/', 0],
  ['src/core/', 1],
  ['src/util/', 1],
  ['src/version.ts', 1],
  ['extractors/', 2],
  ['src/segment/', 3],
  ['src/interpret/', 4],
  ['src/identities/', 4.5], // the identities over interpreted tables, shared by confirm and validate
  ['src/confirm/', 4.7], // unsure OCR readings confirmed by those identities, before validation
  ['src/validate/', 5],
  ['src/export/', 6],
  ['src/db/', 6],
  ['src/dataset/', 6], // the run-level check across years: documents already validated and written
  ['src/pipeline.ts', 7],
  ['src/batch/', 8],
  ['src/', 9], // cli, index and anything new at the top
];

function rank(file: string): number {
  let best: [string, number] | undefined;
  for (const l of LAYERS) if (file.startsWith(l[0]) && (!best || l[0].length > best[0].length)) best = l;
  if (!best) throw new Error(`no layer for ${file}`);
  return best[1];
}

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
    const p = `${dir}/${e.name}`;
    if (e.isDirectory()) out.push(...sources(p));
    else if (e.name.endsWith('.ts')) out.push(p);
  }
  return out;
}

const IMPORT = /(?:\bfrom\s+|\bimport\s*\(\s*|\bimport\s+)(['"])(\.{1,2}\/[^'"]+)\1/g;

describe('layering', () => {
  it('no stage imports a stage above it', () => {
    const wrong: string[] = [];
    for (const f of ['schemas', 'extractors', 'src'].flatMap(sources)) {
      const text = readFileSync(join(ROOT, f), 'utf8');
      for (const m of text.matchAll(IMPORT)) {
        const target = relative(ROOT, resolve(ROOT, dirname(f), m[2])).split('\\').join('/').replace(/\.js$/, '.ts');
        if (rank(target) > rank(f)) wrong.push(`${f} imports ${target}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('extractors and segment see only schemas and core below them', () => {
    const wrong: string[] = [];
    for (const f of [...sources('extractors'), ...sources('src/segment')]) {
      const text = readFileSync(join(ROOT, f), 'utf8');
      for (const m of text.matchAll(IMPORT)) {
        const target = relative(ROOT, resolve(ROOT, dirname(f), m[2])).split('\\').join('/');
        const own = f.startsWith('extractors/') ? 'extractors/' : 'src/segment/';
        if (!target.startsWith(own) && !target.startsWith('schemas/') && !target.startsWith('src/core/')) wrong.push(`${f} imports ${target}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
