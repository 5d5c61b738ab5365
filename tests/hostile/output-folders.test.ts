/** Issue case 3: folder names are safe, inside -o, unique per input and stable across runs. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { assignOutputFolders, folderNames, OWNER_FILE, safeFolderName } from '../../src/batch/output-folders.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('output folder names', () => {
  it('never a path out of -o, never hidden, never a run-level name, never too long', () => {
    for (const n of ['..', '.', '...', '', ' ', '../x', 'a/b', 'a\\b', '.hidden']) {
      const s = safeFolderName(n);
      expect(s).not.toMatch(/^\.|[/\\]/);
      expect(s.length).toBeGreaterThan(0);
    }
    expect(safeFolderName('..')).toBe('input');
    expect(safeFolderName('facts.csv')).toBe('facts.csv_');
    expect(safeFolderName('manifest.jsonl')).toBe('manifest.jsonl_');
    expect(Buffer.byteLength(safeFolderName('预'.repeat(200)))).toBeLessThanOrEqual(180);
    expect(safeFolderName('2024年部门预算')).toBe('2024年部门预算');
  });

  it('twins get two folders; ownership keeps each in its folder whatever the next run holds', () => {
    const out = mkdtempSync(join(tmpdir(), 'yusuan-folders-'));
    dirs.push(out);
    const a = '/data/a/2024年部门预算.pdf';
    const b = '/data/b/2024年部门预算.pdf';
    // an input claims a folder by its identity (absolute path or URL) and its file name
    const claim = (p: string) => ({ id: p, name: p.split('/').pop()! });
    const folders = (paths: string[]) => new Map(assignOutputFolders(out, paths.map(claim)).map((f, i) => [paths[i], f]));
    const first = folders([b]);
    expect(first.get(b)).toBe('2024年部门预算');
    expect(readFileSync(join(out, '2024年部门预算', OWNER_FILE), 'utf8').trim()).toBe(b);
    const both = folders([a, b]);
    expect(both.get(b)).toBe('2024年部门预算');
    expect(both.get(a)).toMatch(/^2024年部门预算~[0-9a-f]{8}$/);
    expect(folders([a]).get(a)).toBe(both.get(a));
    // x.md and x.html of one run keep their extensions
    const ext = folders(['/d/x.md', '/d/x.html']);
    expect([...ext.values()].sort()).toEqual(['x.html', 'x.md']);
  });

  it('one naming rule, pure: the batch and the queue call it (the batch with the owners on disk)', () => {
    const claim = (p: string) => ({ id: p, name: p.split('/').pop()! });
    const a = '/data/a/2024年部门预算.pdf';
    const b = '/data/b/2024年部门预算.pdf';
    const [fa, fb, fc] = folderNames([a, b, '/d/../x.pdf'].map(claim));
    expect(fa).toBe('2024年部门预算');
    expect(fb).toMatch(/^2024年部门预算~[0-9a-f]{8}$/);
    expect(fc).toBe('x');
    // a folder owned by another input is not taken; its owner keeps it
    const owners = new Map([['2024年部门预算', b]]);
    const [ownA, ownB] = folderNames([a, b].map(claim), (f) => owners.get(f));
    expect(ownB).toBe('2024年部门预算');
    expect(ownA).toMatch(/^2024年部门预算~[0-9a-f]{8}$/);
    expect(ownA).not.toBe(fb);
    expect(folderNames(['/d/x.md', '/d/x.html', '/e/x.md'].map(claim))).toEqual(['x.md', 'x.html', expect.stringMatching(/^x\.md~[0-9a-f]{8}$/)]);
  });
});
