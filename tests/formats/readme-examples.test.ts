/**
 * The README's TypeScript examples compile against the package as a user imports it (`from
 * 'yusuan'`, resolved through package.json "exports" to the built dist/ types).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureDist } from '../batch/helpers.js';
import { ROOT } from '../batch/build.js';

const blocks = [...readFileSync(join(ROOT, 'README.md'), 'utf8').matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]);
const files = blocks.map((_, i) => join(ROOT, 'tests', 'formats', `.readme-example-${i + 1}.ts`));

beforeAll(() => ensureDist());
afterAll(() => files.forEach((f) => rmSync(f, { force: true })));

describe('README examples', () => {
  it('there are examples of the library', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(2);
    expect(blocks.join('\n')).toMatch(/from 'yusuan'/);
  });

  it('compile with strict TypeScript against the published types', () => {
    blocks.forEach((code, i) => writeFileSync(files[i], `export {};\n${code}`));
    const tsc = join(ROOT, 'node_modules/typescript/bin/tsc');
    const args = ['--noEmit', '--strict', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2022', '--skipLibCheck', '--types', 'node', ...files];
    let out = '';
    try {
      execFileSync(process.execPath, [tsc, ...args], { cwd: ROOT, encoding: 'utf8', stdio: 'pipe' });
    } catch (e) {
      out = `${(e as { stdout?: string }).stdout ?? ''}${(e as { stderr?: string }).stderr ?? ''}`;
    }
    expect(out).toBe('');
  });
});
