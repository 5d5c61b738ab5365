/**
 * Throwaway Redis and PostgreSQL servers for the distributed mode's tests, scripts and benchmark:
 * each on a free port of 127.0.0.1 with its data in a temporary folder, stopped and deleted after.
 * Redis runs with AOF on (`--appendonly yes`, no RDB snapshots) so a restart keeps the queue, as in
 * production (docs/distributed.md). PostgreSQL's initdb refuses to run as root: as root, the
 * cluster is made and run as the `postgres` user.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const which = (bin) => {
  const r = spawnSync('sh', ['-c', `command -v ${bin}`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : undefined;
};

export const redisServerBin = () => which('redis-server');

/** The newest PostgreSQL server binaries on this machine (Debian keeps them out of PATH). */
export function postgresBinDir() {
  const base = '/usr/lib/postgresql';
  if (existsSync(base)) {
    const versions = readdirSync(base).filter((v) => existsSync(path.join(base, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a));
    if (versions.length) return path.join(base, versions[0], 'bin');
  }
  const initdb = which('initdb');
  return initdb ? path.dirname(initdb) : undefined;
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function waitForPort(port, ms, what) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    const ok = await new Promise((resolve) => {
      const c = net.connect(port, '127.0.0.1', () => {
        c.destroy();
        resolve(true);
      });
      c.on('error', () => resolve(false));
    });
    if (ok) return;
    await sleep(50);
  }
  throw new Error(`${what} did not start on port ${port} within ${ms} ms`);
}

/**
 * A redis-server of our own. `restart()` stops it (SIGTERM: it writes its AOF and exits) and starts
 * it again on the same port and data folder; `kill()` stops it with SIGKILL.
 */
export async function startRedis() {
  const bin = redisServerBin();
  if (!bin) throw new Error('redis-server is not installed');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'yusuan-redis-'));
  const port = await freePort();
  let proc;
  const start = async () => {
    proc = spawn(bin, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'yes', '--appendfsync', 'always', '--dir', dir, '--maxmemory-policy', 'noeviction'], {
      stdio: 'ignore',
    });
    await waitForPort(port, 10_000, 'redis-server');
  };
  const stop = async (signal = 'SIGTERM') => {
    if (!proc || proc.exitCode !== null) return;
    const exited = new Promise((r) => proc.once('exit', r));
    proc.kill(signal);
    await exited;
  };
  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    dir,
    pid: () => proc.pid,
    restart: async () => {
      await stop('SIGTERM');
      await start();
    },
    stop: async () => {
      await stop('SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A PostgreSQL cluster of our own: initdb into a temp folder, trust auth on 127.0.0.1 only. */
export async function startPostgres() {
  const bin = postgresBinDir();
  if (!bin) throw new Error('PostgreSQL server binaries (initdb) are not installed');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'yusuan-pg-'));
  const data = path.join(dir, 'data');
  const sock = path.join(dir, 'sock');
  mkdirSync(sock);
  const asRoot = process.getuid?.() === 0;
  let run = (cmd, args) => execFileSync(path.join(bin, cmd), args, { stdio: 'pipe' });
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chmodSync(dir, 0o755);
    chownSync(dir, uid, gid);
    chownSync(sock, uid, gid);
    run = (cmd, args) => execFileSync('runuser', ['-u', 'postgres', '--', path.join(bin, cmd), ...args], { stdio: 'pipe' });
  }
  const port = await freePort();
  run('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
  const ctl = (args) => run('pg_ctl', ['-D', data, ...args]);
  const start = () =>
    ctl(['-o', `-p ${port} -k ${sock} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=100`, '-l', path.join(dir, 'log'), '-w', '-t', '60', 'start']);
  start();
  const stopped = { v: false };
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    dir,
    /** stop (fast) and start again, same data */
    restart: () => {
      ctl(['-m', 'fast', '-w', 'stop']);
      start();
    },
    pause: () => ctl(['-m', 'fast', '-w', 'stop']),
    resume: () => start(),
    stop: async () => {
      if (!stopped.v) {
        stopped.v = true;
        try {
          ctl(['-m', 'immediate', '-w', 'stop']);
        } catch {
          /* already stopped */
        }
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
