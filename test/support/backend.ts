// Starts the real Meshlens backend (packages/backend) on a free loopback port for tests, and
// stops it by its process group. Used by the integration and browser tests.
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import { resolve } from 'node:path';

export const REPO = resolve(import.meta.dirname, '../..');

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = net.createServer();
    srv.once('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => ok(port));
    });
  });
}

export interface RunningBackend {
  url: string;
  token: string;
  /** PID of the spawned `yarn workspace backend start` (its process group leader). */
  pid: number;
  logs(): string;
  stop(): Promise<void>;
}

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

async function poll<T>(what: string, timeoutMs: number, fn: () => Promise<T | undefined>, logs: () => string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await fn().catch(() => undefined);
    if (value !== undefined) return value;
    await sleep(500);
  }
  throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}\n--- backend log (tail) ---\n${logs().slice(-4000)}`);
}

function stopGroup(child: ChildProcess): Promise<void> {
  return new Promise(ok => {
    if (child.exitCode !== null || child.signalCode !== null) return ok();
    const timer = setTimeout(() => { try { process.kill(-child.pid!, 'SIGKILL'); } catch { /* gone */ } }, 10_000);
    child.once('exit', () => { clearTimeout(timer); ok(); });
    try { process.kill(-child.pid!, 'SIGTERM'); } catch { clearTimeout(timer); ok(); }
  });
}

/** Guest token from the auth backend (the guest provider is enabled in app-config.yaml). */
export async function guestToken(url: string): Promise<string> {
  const res = await fetch(`${url}/api/auth/guest/refresh?env=development`, { headers: { 'X-Requested-With': 'XMLHttpRequest' } });
  if (!res.ok) throw new Error(`guest sign-in failed: ${res.status}`);
  return ((await res.json()) as any).backstageIdentity.token;
}

/**
 * Starts `yarn workspace backend start` with the repository's app-config (the demo snapshots),
 * waits until it is ready and the catalog holds every entity of `waitForEntities`, and signs in
 * as guest.
 */
export async function startBackend(opts: {
  waitForEntities: string[];
  timeoutMs?: number;
  env?: Record<string, string>;
  /** Config files (absolute) instead of the package's default `app-config.yaml`. */
  configs?: string[];
  /** Root of the Backstage app whose `backend` workspace is started (default: this repository). */
  appDir?: string;
}): Promise<RunningBackend> {
  const appDir = opts.appDir ?? REPO;
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [resolve(appDir, '.yarn/releases/yarn-4.13.0.cjs'), 'workspace', 'backend', 'start', ...(opts.configs ?? []).flatMap(c => ['--config', c])], {
    cwd: appDir,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      APP_CONFIG_backend_listen_port: String(port),
      APP_CONFIG_backend_baseUrl: url,
      APP_CONFIG_app_baseUrl: url,
      APP_CONFIG_backend_cors_origin: url,
      ...opts.env,
    },
  });
  let log = '';
  child.stdout!.on('data', d => { log += d; });
  child.stderr!.on('data', d => { log += d; });
  const logs = () => log;
  try {
    const timeoutMs = opts.timeoutMs ?? 180_000;
    await poll('backend readiness', timeoutMs, async () => {
      if (child.exitCode !== null) throw Object.assign(new Error('exited'), { fatal: true });
      const res = await fetch(`${url}/.backstage/health/v1/readiness`);
      return res.ok ? true : undefined;
    }, logs);
    const token = await guestToken(url);
    for (const ref of opts.waitForEntities) {
      await poll(`catalog entity ${ref}`, timeoutMs, async () => {
        const [kind, rest] = ref.split(':');
        const [ns, name] = rest.split('/');
        const res = await fetch(`${url}/api/catalog/entities/by-name/${kind}/${ns}/${name}`, { headers: { Authorization: `Bearer ${token}` } });
        return res.ok ? true : undefined;
      }, logs);
    }
    return { url, token, pid: child.pid!, logs, stop: () => stopGroup(child) };
  } catch (e) {
    await stopGroup(child);
    throw e;
  }
}
