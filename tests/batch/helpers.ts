/** Fixtures and a CLI runner for the batch tests: tiny markdown disclosures written at run time. */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { ManifestEntry } from '../../schemas/manifest.js';
import { buildDist, ROOT } from './build.js';

let built = false;
export function ensureDist(): void {
  if (built || inject('yusuanDistBuilt')) return;
  buildDist();
  built = true;
}

const made: string[] = [];
export function tempDir(prefix = 'yusuan-batch-'): string {
  const d = mkdtempSync(join(tmpdir(), prefix));
  made.push(d);
  return d;
}

/** removes every folder tempDir made */
export function removeTempDirs(): void {
  for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true });
}

/** A small 一般公共预算支出表 in markdown; `k` changes the figures (and so the hash). */
export function disclosure(dept: string, k = 0): string {
  const a = 80 + k;
  const b = 20;
  const t = a + b;
  return `# ${dept}2024年部门预算

## 2024年一般公共预算支出表

部门名称：${dept}

单位：万元

| 科目编码 | 科目名称 | 合计 | 基本支出 | 项目支出 |
|---|---|---|---|---|
| 201 | 一般公共服务支出 | ${t}.00 | ${a}.00 | ${b}.00 |
| 20103 | 政府办公厅（室）及相关机构事务 | ${t}.00 | ${a}.00 | ${b}.00 |
| 2010301 | 行政运行 | ${a}.00 | ${a}.00 | |
| 2010302 | 一般行政管理事务 | ${b}.00 | | ${b}.00 |
| | 合计 | ${t}.00 | ${a}.00 | ${b}.00 |
`;
}

/** Writes n disclosures (d01.md …) into dir; returns their paths. */
export function writeFixtures(dir: string, n: number, prefix = 'd'): string[] {
  return Array.from({ length: n }, (_, i) => {
    const p = join(dir, `${prefix}${String(i + 1).padStart(2, '0')}.md`);
    writeFileSync(p, disclosure(`${prefix === 'd' ? '' : prefix}测试局${i + 1}`, i));
    return p;
  });
}

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export function startCli(args: string[], env: Record<string, string> = {}): ChildProcess {
  return spawn(process.execPath, [join(ROOT, 'bin/yusuan.js'), ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

export function runCli(args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = startCli(args, env);
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (d) => (stdout += d));
    child.stderr!.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

export function readManifest(out: string): ManifestEntry[] {
  const text = readFileSync(join(out, 'manifest.jsonl'), 'utf8');
  return text
    .split('\n')
    .filter(Boolean)
    .map((l) => ManifestEntry.parse(JSON.parse(l)));
}

export function byName(entries: ManifestEntry[]): Map<string, ManifestEntry> {
  return new Map(entries.map((e) => [e.path.split('/').pop()!, e]));
}

/** every file under dir, relative */
export function walk(dir: string, base = ''): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(join(dir, base), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(dir, join(base, e.name)) : [join(base, e.name)],
  );
}

/** the JSON-lines progress events a run wrote on stderr */
export function events(stderr: string): Record<string, unknown>[] {
  return stderr
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}
