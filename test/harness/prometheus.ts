// A real Prometheus 3.x (built from the Go module proxy by test/harness/build-prometheus.sh,
// cached under ~/.cache/meshlens/) loaded with OpenMetrics backfilled by its promtool, on a free
// 127.0.0.1 port; stopped by PID, temp dir removed. Without Go (and without
// MESHLENS_PROMETHEUS_BIN) it falls back, loudly, to Debian's prometheus/promtool (2.42).
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../support/backend.ts';

export interface RunningPrometheus { url: string; pid: number; stop(): Promise<void> }

export interface PrometheusBinaries { prometheus: string; promtool: string; version: string }

let binaries: PrometheusBinaries | undefined;

/**
 * The prometheus and promtool the harness runs: those of build-prometheus.sh (which builds once,
 * then answers from its cache), else Debian's on the PATH. `version` is what `prometheus
 * --version` says, e.g. `3.16.0`.
 */
export function prometheusBinaries(): PrometheusBinaries {
  if (binaries) return binaries;
  let dir: string | undefined;
  try {
    dir = execFileSync('bash', [join(import.meta.dirname, 'build-prometheus.sh')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim();
  } catch {
    process.stderr.write('meshlens harness: Prometheus 3.x could not be built: using the PATH\'s prometheus/promtool\n');
  }
  const prometheus = dir ? join(dir, 'prometheus') : 'prometheus';
  const promtool = dir ? join(dir, 'promtool') : 'promtool';
  let out: string;
  try {
    out = execFileSync(prometheus, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch {
    throw new Error(`${prometheus} not found: run test/harness/build-prometheus.sh (needs Go), or install Debian's prometheus package (scripts/install-system-packages.sh)`);
  }
  const version = /version (\S+)/.exec(out)?.[1] ?? 'unknown';
  binaries = { prometheus, promtool, version };
  return binaries;
}

/** Options of {@link startPrometheus}. */
export interface PrometheusOptions {
  /** The configuration file's YAML (scrapes nothing either way). Default: a 15 s global interval, no jobs. */
  config?: string;
}

/** Backfills `openMetrics` with promtool and serves it. */
export async function startPrometheus(openMetrics: string, options: PrometheusOptions = {}): Promise<RunningPrometheus> {
  const bin = prometheusBinaries();
  const dir = mkdtempSync(join(tmpdir(), 'meshlens-prom-'));
  writeFileSync(join(dir, 'data.om'), openMetrics);
  writeFileSync(join(dir, 'prometheus.yml'), options.config ?? 'global: {scrape_interval: 15s}\nscrape_configs: []\n');
  try {
    execFileSync(bin.promtool, ['tsdb', 'create-blocks-from', 'openmetrics', join(dir, 'data.om'), join(dir, 'tsdb')], { stdio: 'pipe' });
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`promtool could not backfill the metrics: ${(e as any).stderr ?? e}`);
  }
  const port = await freePort();
  const child: ChildProcess = spawn(bin.prometheus, [
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
