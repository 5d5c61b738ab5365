/** Shared by scripts/bench.mjs and scripts/robustness.mjs: machine facts, running the CLI, BENCHMARKS.md sections. */
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync, renameSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const CLI = path.join(ROOT, 'bin/yusuan.js');

export function machine() {
  const cpu = os.cpus()[0]?.model?.trim() ?? 'unknown';
  let nproc = os.availableParallelism();
  try {
    nproc = Number(execFileSync('nproc', { encoding: 'utf8' }).trim()) || nproc;
  } catch {
    /* os count */
  }
  return {
    date: new Date().toISOString(),
    nproc,
    cpu,
    ramGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    load: os.loadavg().map((x) => x.toFixed(2)).join(' '),
  };
}

/** Every .pdf under `dir`, recursively, in name order. */
export function pdfsUnder(dir) {
  const out = [];
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.pdf$/i.test(e.name)) out.push(p);
    }
  };
  walk(dir);
  return out;
}

/** Call `fn` with each complete line a stream emits. */
export function eachLine(stream, fn) {
  let buf = '';
  stream.on('data', (d) => {
    buf += d;
    let nl;
    while ((nl = buf.indexOf('\n')) >= 0) {
      const line = buf.slice(0, nl);
      buf = buf.slice(nl + 1);
      fn(line);
    }
  });
}

/** Run `yusuan extract` with JSON progress; resolves with the events, the exit code and the wall time. */
export function runYusuan(args, { env = {}, onEvent, onStart } = {}) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [CLI, 'extract', '--progress', 'json', '--quiet', ...args], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    onStart?.(child);
    const events = [];
    let other = '';
    eachLine(child.stderr, (line) => {
      if (!line.startsWith('{')) {
        other += `${line}\n`;
        return;
      }
      const ev = JSON.parse(line);
      events.push(ev);
      onEvent?.(ev);
    });
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, events, wallMs: performance.now() - t0, stderr: other }));
  });
}

export const mb = (bytes) => Math.round(bytes / 2 ** 20);

/** The scripts' command line: `--name value` options and `--name` flags. */
const argv = process.argv.slice(2);
export const arg = (name, dflt) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : dflt;
};
export const flag = (name) => argv.includes(`--${name}`);

/** Replace (or append) the section between <!-- name:start --> and <!-- name:end --> of BENCHMARKS.md. */
export function writeSection(name, body) {
  const file = path.join(ROOT, 'BENCHMARKS.md');
  let text = existsSync(file)
    ? readFileSync(file, 'utf8')
    : '# Benchmarks\n\nWritten by `npm run bench` (scripts/bench.mjs) and `npm run robustness` (scripts/robustness.mjs); each script replaces its own section.\n';
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const block = `${start}\n${body.trim()}\n${end}`;
  const i = text.indexOf(start);
  const j = text.indexOf(end);
  text = i >= 0 && j > i ? text.slice(0, i) + block + text.slice(j + end.length) : `${text.trimEnd()}\n\n${block}\n`;
  writeFileSync(`${file}.tmp`, text);
  renameSync(`${file}.tmp`, file);
}
