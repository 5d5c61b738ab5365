/** Running the compiled CLI with standard input, for the tests of issue 12. */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from '../batch/build.js';
import type { CliResult } from '../batch/helpers.js';

export function runCliWithInput(args: string[], input?: Uint8Array | string, env: Record<string, string> = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin/yusuan.js'), ...args], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
    child.stdin.on('error', () => {});
    child.stdin.end(input ?? '');
  });
}
