// Starts a real etcd + kube-apiserver on 127.0.0.1 free ports (envtest-style: no kubelet, no
// controllers), with a static admin token and RBAC on; stops them by PID and removes temp dirs.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort } from '../support/backend.ts';
import { kubeRequest } from './kubeRequest.ts';

export interface ControlPlane {
  url: string;
  /** The apiserver's self-signed certificate (leaf + CA): use it as the client's CA file. */
  caFile: string;
  ca: string;
  adminToken: string;
  version: string;
  dir: string;
  pids: number[];
  /** Stops kube-apiserver by its PID and starts it again on the same port and etcd. */
  restartApiserver(): Promise<void>;
  /**
   * Stops etcd by its PID, keeps it stopped for `downMs`, starts it again with the same data dir
   * and ports, and resolves when etcd is healthy and the apiserver's /readyz is 200 again.
   */
  restartEtcd(downMs?: number): Promise<void>;
  /** Counts of `apiserver_request_total` by `verb resource` (e.g. `LIST pods`). */
  requestCounts(): Promise<Map<string, number>>;
  stop(): Promise<void>;
}

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

/** Builds (or reuses) the binaries and returns their folder; throws with the build's message. */
export function binaries(): string {
  const script = resolve(import.meta.dirname, 'build-binaries.sh');
  try {
    return execFileSync('bash', [script], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim().split('\n').pop()!;
  } catch (e) {
    throw new Error(`Could not build or find kube-apiserver and etcd (${script}): ${(e as Error).message}`);
  }
}

function stopProcess(child: ChildProcess): Promise<void> {
  return new Promise(ok => {
    if (child.exitCode !== null || child.signalCode !== null) return ok();
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => { clearTimeout(timer); ok(); });
    child.kill('SIGTERM');
  });
}

async function waitFor(what: string, timeoutMs: number, check: () => Promise<boolean>, logs: () => string) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await sleep(250);
  }
  throw new Error(`${what} not ready after ${timeoutMs} ms\n${logs().slice(-3000)}`);
}

/** Starts etcd and kube-apiserver; call `stop()` in teardown. */
export async function startControlPlane(): Promise<ControlPlane> {
  const bin = binaries();
  const dir = mkdtempSync(join(tmpdir(), 'meshlens-cp-'));
  const [etcdPort, peerPort, apiPort] = [await freePort(), await freePort(), await freePort()];
  const children: ChildProcess[] = [];
  let log = '';
  const capture = (c: ChildProcess, name: string) => {
    c.stdout?.on('data', d => { log += `[${name}] ${d}`; if (log.length > 200_000) log = log.slice(-100_000); });
    c.stderr?.on('data', d => { log += `[${name}] ${d}`; if (log.length > 200_000) log = log.slice(-100_000); });
    children.push(c);
  };
  const stop = async () => {
    for (const c of [...children].reverse()) await stopProcess(c);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const startEtcd = () => {
      const child = spawn(join(bin, 'etcd'), [
        `--data-dir=${dir}/etcd`, `--listen-client-urls=http://127.0.0.1:${etcdPort}`,
        `--advertise-client-urls=http://127.0.0.1:${etcdPort}`, `--listen-peer-urls=http://127.0.0.1:${peerPort}`,
        `--initial-advertise-peer-urls=http://127.0.0.1:${peerPort}`, `--initial-cluster=default=http://127.0.0.1:${peerPort}`,
        '--unsafe-no-fsync', '--log-level=warn',
      ], { stdio: ['ignore', 'pipe', 'pipe'] });
      capture(child, 'etcd');
      return child;
    };
    let etcd = startEtcd();
    execFileSync('openssl', ['genrsa', '-out', `${dir}/sa.key`, '2048'], { stdio: 'ignore' });
    const adminToken = `admin-${Math.random().toString(36).slice(2)}`;
    writeFileSync(`${dir}/tokens.csv`, `${adminToken},admin,admin-uid,"system:masters"\n`);
    const startApiserver = () => {
      const child = spawn(join(bin, 'kube-apiserver'), [
        `--etcd-servers=http://127.0.0.1:${etcdPort}`, '--bind-address=127.0.0.1', `--secure-port=${apiPort}`,
        '--advertise-address=127.0.0.1', '--endpoint-reconciler-type=none', `--cert-dir=${dir}/pki`,
        '--service-cluster-ip-range=10.0.0.0/24', '--service-account-issuer=https://kubernetes.default.svc.cluster.local',
        `--service-account-key-file=${dir}/sa.key`, `--service-account-signing-key-file=${dir}/sa.key`,
        `--token-auth-file=${dir}/tokens.csv`, '--authorization-mode=RBAC', '--disable-admission-plugins=ServiceAccount',
      ], { stdio: ['ignore', 'pipe', 'pipe'] });
      capture(child, 'kube-apiserver');
      return child;
    };
    let apiserver = startApiserver();
    const url = `https://127.0.0.1:${apiPort}`;
    const caFile = `${dir}/pki/apiserver.crt`;
    const logs = () => log;
    await waitFor('kube-apiserver certificate', 60_000, async () => { readFileSync(caFile); return true; }, logs);
    const ca = readFileSync(caFile, 'utf8');
    const req = (path: string) => kubeRequest({ url, ca, token: adminToken }, 'GET', path);
    await waitFor('kube-apiserver /readyz', 120_000, async () => (await req('/readyz')).status === 200, logs);
    await waitFor('namespace default', 60_000, async () => (await req('/api/v1/namespaces/default')).status === 200, logs);
    const version = ((await req('/version')).body as { gitVersion: string }).gitVersion;
    const restartApiserver = async () => {
      await stopProcess(apiserver);
      children.splice(children.indexOf(apiserver), 1);
      apiserver = startApiserver();
      await waitFor('restarted kube-apiserver /readyz', 120_000, async () => (await req('/readyz')).status === 200, logs);
    };
    const restartEtcd = async (downMs = 0) => {
      const slot = children.indexOf(etcd);
      await stopProcess(etcd);
      await sleep(downMs);
      etcd = startEtcd();
      // Keep etcd in its slot so stop() still stops the apiserver before it.
      children.splice(children.indexOf(etcd), 1);
      children.splice(slot, 1, etcd);
      const etcdHealthy = async () => (await fetch(`http://127.0.0.1:${etcdPort}/health`)).ok;
      await waitFor('restarted etcd /health', 60_000, etcdHealthy, logs);
      await waitFor('kube-apiserver /readyz after the etcd restart', 120_000, async () => (await req('/readyz')).status === 200, logs);
    };
    const requestCounts = async () => {
      const text = String((await req('/metrics')).body);
      const counts = new Map<string, number>();
      for (const line of text.split('\n').filter(l => l.startsWith('apiserver_request_total{'))) {
        const verb = /verb="([^"]*)"/.exec(line)?.[1];
        const resource = /resource="([^"]*)"/.exec(line)?.[1];
        const key = `${verb} ${resource}`;
        counts.set(key, (counts.get(key) ?? 0) + Number(line.split(' ').pop()));
      }
      return counts;
    };
    return { url, caFile, ca, adminToken, version, dir, pids: children.map(c => c.pid!), restartApiserver, restartEtcd, requestCounts, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}
