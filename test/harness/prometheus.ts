// A real Prometheus (Debian's package) loaded with OpenMetrics backfilled by promtool, on a free
// 127.0.0.1 port; stopped by PID, temp dir removed.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../support/backend.ts';

export interface RunningPrometheus { url: string; pid: number; stop(): Promise<void> }

function require(bin: string) {
  try { execFileSync('sh', ['-c', `command -v ${bin}`], { stdio: 'ignore' }); } catch {
    throw new Error(`${bin} not found: install Debian's prometheus package (scripts/install-system-packages.sh)`);
  }
}

/** Backfills `openMetrics` with promtool and serves it. */
export async function startPrometheus(openMetrics: string): Promise<RunningPrometheus> {
  require('promtool'); require('prometheus');
  const dir = mkdtempSync(join(tmpdir(), 'meshlens-prom-'));
  writeFileSync(join(dir, 'data.om'), openMetrics);
  writeFileSync(join(dir, 'prometheus.yml'), 'global: {scrape_interval: 15s}\nscrape_configs: []\n');
  try {
    execFileSync('promtool', ['tsdb', 'create-blocks-from', 'openmetrics', join(dir, 'data.om'), join(dir, 'tsdb')], { stdio: 'pipe' });
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`promtool could not backfill the metrics: ${(e as any).stderr ?? e}`);
  }
  const port = await freePort();
  const child: ChildProcess = spawn('prometheus', [
    `--config.file=${join(dir, 'prometheus.yml')}`, `--storage.tsdb.path=${join(dir, 'tsdb')}`,
    `--web.listen-address=127.0.0.1:${port}`, '--storage.tsdb.retention.time=3650d', '--log.level=warn',
  ], { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  child.stderr!.on('data', d => { log += d; });
  const stop = () => new Promise<void>(ok => {
    const done = () => { rmSync(dir, { recursive: true, force: true }); ok(); };
    if (child.exitCode !== null || child.signalCode !== null) return done();
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => { clearTimeout(timer); done(); });
    child.kill('SIGTERM');
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 200; i++) {
    const ok = await fetch(`${url}/-/ready`).then(r => r.ok, () => false);
    if (ok) return { url, pid: child.pid!, stop };
    if (child.exitCode !== null) break;
    await new Promise(r => setTimeout(r, 100));
  }
  await stop();
  throw new Error(`Prometheus did not become ready\n${log.slice(-2000)}`);
}

/** An instant query at `time` (unix seconds); returns the vector's values by `by` label. */
export async function instantQuery(url: string, query: string, time: number): Promise<Array<{ metric: Record<string, string>; value: number }>> {
  const res = await fetch(`${url}/api/v1/query?${new URLSearchParams({ query, time: String(time) })}`);
  const body = (await res.json()) as any;
  if (body.status !== 'success') throw new Error(`${query}: ${body.error}`);
  return body.data.result.map((r: any) => ({ metric: r.metric, value: Number(r.value[1]) }));
}
