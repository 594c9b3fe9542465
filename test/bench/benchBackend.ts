// Starts the real packages/backend for the benchmark, on a free loopback port, with
// NODE_ENV=production and a bench config file after the repository's app-config.yaml; stops it
// by its process group. Two ways to run it (docs/bench.md): the built bundle of
// `yarn workspace backend build`, or the sources through Backstage's node transform without the
// `backstage-cli package start` file watcher (which restarts the backend when a loaded file
// changes, and other people edit plugins/ while the benchmark runs).
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { guestToken, REPO } from '../support/backend.ts';
import { backendNodePid } from './processTree.ts';

export type LaunchMode = 'bundle' | 'source';

export interface BenchBackend {
  url: string;
  token: string;
  /** PID of the backend's node process (for RSS). */
  pid: number;
  startedAt: number;
  readyAt: number;
  logs(): string;
  /**
   * Requests the backend's HTTP server has answered so far, per `/api/<plugin>/<two segments>`
   * (from its access log). During a Meshlens load the bench sends only `/api/service-mesh` requests, so every
   * `/api/permission`, `/api/catalog` or `/api/auth` request is a loopback call the backend made
   * to itself (through discovery and its HTTP clients).
   */
  requestCounts(): Record<string, number>;
  stop(): Promise<void>;
}

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

/** Polls `fn` every `everyMs` until it returns a value; throws after `timeoutMs`. */
export async function until<T>(what: string, timeoutMs: number, fn: () => Promise<T | undefined>, everyMs = 250, fatal = false): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    // With `fatal`, a thrown Error ends the wait (the process died); a failed fetch does not.
    const value = await fn().catch(e => {
      if (fatal && !(e instanceof TypeError)) throw e;
      return undefined;
    });
    if (value !== undefined) return value;
    await sleep(everyMs);
  }
  throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
}

function stopGroup(child: ChildProcess): Promise<void> {
  return new Promise(ok => {
    if (child.exitCode !== null || child.signalCode !== null) return ok();
    const timer = setTimeout(() => { try { process.kill(-child.pid!, 'SIGKILL'); } catch { /* gone */ } }, 15_000);
    child.once('exit', () => { clearTimeout(timer); ok(); });
    try { process.kill(-child.pid!, 'SIGTERM'); } catch { clearTimeout(timer); ok(); }
  });
}

function command(mode: LaunchMode, bundleDir: string | undefined, configs: string[]) {
  const configArgs = [resolve(REPO, 'app-config.yaml'), ...configs].flatMap(c => ['--config', c]);
  if (mode === 'bundle') {
    if (!bundleDir) throw new Error('bundle mode needs the extracted bundle');
    return { cwd: bundleDir, args: ['packages/backend', ...configArgs], entry: 'packages/backend' };
  }
  const transform = resolve(REPO, 'node_modules/@backstage/cli-node/config/nodeTransform.cjs');
  return { cwd: resolve(REPO, 'packages/backend'), args: ['--require', transform, 'src/index', ...configArgs], entry: 'src/index' };
}

/** Starts the backend and waits until it is ready and signs in as guest. */
export async function startBenchBackend(opts: {
  mode: LaunchMode; bundleDir?: string; port: number; configs: string[]; nodeArgs?: string[]; timeoutMs?: number;
}): Promise<BenchBackend> {
  const url = `http://127.0.0.1:${opts.port}`;
  const { cwd, args, entry } = command(opts.mode, opts.bundleDir, opts.configs);
  const startedAt = Date.now();
  const child = spawn(process.execPath, [...(opts.nodeArgs ?? []), ...args], {
    cwd, detached: true, stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NODE_ENV: 'production', MESHLENS_KUBERNETES_BACKEND: 'true', NODE_OPTIONS: '' },
  });
  // The access log (one line per request, also under load) is read but not kept.
  let log = '';
  const counts: Record<string, number> = {};
  const keeper = () => {
    let partial = '';
    return (d: Buffer) => {
      const lines = (partial + d).split('\n');
      partial = lines.pop()!;
      for (const l of lines) {
        if (!l.includes('"type":"incomingRequest"')) {
          log += `${l}\n`;
          continue;
        }
        // `/api/<plugin>/<first two path segments>`, without the query: `/api/catalog/entities/by-name`.
        const path = /"url":"([^"?]*)/.exec(l)?.[1] ?? '?';
        const key = path.split('/').slice(0, 5).join('/');
        counts[key] = (counts[key] ?? 0) + 1;
      }
      if (log.length > 400_000) log = log.slice(-200_000);
    };
  };
  child.stdout!.on('data', keeper());
  child.stderr!.on('data', keeper());
  const stop = () => stopGroup(child);
  try {
    await until('backend readiness', opts.timeoutMs ?? 240_000, async () => {
      if (child.exitCode !== null) throw new Error('exited');
      if (log.includes('Backend startup failed')) throw new Error('startup failed');
      return (await fetch(`${url}/.backstage/health/v1/readiness`)).ok ? true : undefined;
    }, 200, true).catch(e => { throw new Error(`${(e as Error).message}\n--- backend log (tail) ---\n${log.slice(-4000)}`); });
    const readyAt = Date.now();
    const token = await guestToken(url);
    return { url, token, pid: backendNodePid(child.pid!, entry), startedAt, readyAt, logs: () => log, requestCounts: () => ({ ...counts }), stop };
  } catch (e) {
    await stop();
    throw e;
  }
}

/** Waits until the catalog serves `count` Components (the bench catalog is fully ingested). */
export async function waitForCatalog(backend: BenchBackend, count: number, timeoutMs = 300_000): Promise<number> {
  const started = Date.now();
  await until(`${count} catalog components`, timeoutMs, async () => {
    const res = await fetch(`${backend.url}/api/catalog/entities/by-query?filter=kind=component&limit=1`, { headers: { Authorization: `Bearer ${backend.token}` } });
    const body = (await res.json()) as { totalItems: number };
    return body.totalItems >= count ? true : undefined;
  }, 1000);
  return (Date.now() - started) / 1000;
}
