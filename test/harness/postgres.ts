// A throwaway PostgreSQL (Debian's package) in a temp dir on a free 127.0.0.1 port. Postgres
// refuses to run as root, so as root it runs as the `postgres` system user. Stopped by PID.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../support/backend.ts';

export interface RunningPostgres {
  host: string;
  port: number;
  user: string;
  password: string;
  pid: number;
  stop(): Promise<void>;
}

function binDir(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter(v => existsSync(join(root, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a)) : [];
  if (versions.length === 0) throw new Error("PostgreSQL not found: install Debian's postgresql package (scripts/install-system-packages.sh)");
  return join(root, versions[0], 'bin');
}

export async function startPostgres(): Promise<RunningPostgres> {
  const bin = binDir();
  const dir = mkdtempSync(join(tmpdir(), 'meshlens-pg-'));
  const asRoot = process.getuid?.() === 0;
  const run = (cmd: string, args: string[]) => (asRoot ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]] : [cmd, args]) as [string, string[]];
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    chownSync(dir, uid, gid);
  }
  const data = join(dir, 'data');
  const user = 'meshlens';
  const password = 'meshlens-test';
  try {
    const [cmd, args] = run(join(bin, 'initdb'), ['-D', data, '-U', user, '--auth=trust', '-E', 'UTF8', '--no-sync']);
    execFileSync(cmd, args, { stdio: 'pipe' });
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`initdb failed: ${(e as any).stderr ?? e}`);
  }
  const port = await freePort();
  const [cmd, args] = run(join(bin, 'postgres'), ['-D', data, '-p', String(port), '-k', dir, '-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off', '-c', 'max_connections=200']);
  const child: ChildProcess = spawn(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'], detached: true });
  let log = '';
  child.stderr!.on('data', d => { log += d; });
  const stop = () => new Promise<void>(ok => {
    const done = () => { rmSync(dir, { recursive: true, force: true }); ok(); };
    if (child.exitCode !== null || child.signalCode !== null) return done();
    const timer = setTimeout(() => { try { process.kill(-child.pid!, 'SIGKILL'); } catch { /* gone */ } }, 10_000);
    child.once('exit', () => { clearTimeout(timer); done(); });
    try { process.kill(-child.pid!, 'SIGINT'); } catch { done(); }
  });
  for (let i = 0; i < 150; i++) {
    try {
      execFileSync(join(bin, 'pg_isready'), ['-h', '127.0.0.1', '-p', String(port)], { stdio: 'ignore' });
      return { host: '127.0.0.1', port, user, password, pid: child.pid!, stop };
    } catch { /* not yet */ }
    if (child.exitCode !== null) break;
    await new Promise(r => setTimeout(r, 100));
  }
  await stop();
  throw new Error(`PostgreSQL did not become ready\n${log.slice(-2000)}`);
}

/** The environment `app-config.production.yaml` reads its PostgreSQL connection from. */
export function postgresEnv(pg: RunningPostgres): Record<string, string> {
  return { POSTGRES_HOST: pg.host, POSTGRES_PORT: String(pg.port), POSTGRES_USER: pg.user, POSTGRES_PASSWORD: pg.password };
}

/** Runs one SQL statement with psql against `database`; returns the unaligned, tuples-only output. */
export function psql(pg: RunningPostgres, database: string, sql: string): string {
  return execFileSync(join(binDir(), 'psql'), ['-h', pg.host, '-p', String(pg.port), '-U', pg.user, '-d', database, '-At', '-c', sql], { encoding: 'utf8' }).trim();
}
