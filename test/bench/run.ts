// `yarn bench [--quick] [--profile] [--mode=bundle|source] [--rebuild]`: the Meshlens benchmark
// (issue 8, docs/bench.md). A real etcd + kube-apiserver filled with a synthetic cluster, a
// Prometheus with Linkerd-proxy metrics, and the real backend running Meshlens and the Backstage
// Kubernetes backend side by side; prints a table and the targets, writes
// test/.artifacts/bench/bench-<size>.json. Every process started is stopped on exit or failure.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { startControlPlane, type ControlPlane } from '../harness/controlPlane.ts';
import { REPO } from '../support/backend.ts';
import type { LaunchMode } from './benchBackend.ts';
import { ensureBundle } from './productionBundle.ts';
import { growth, ratios, targets } from './report.ts';
import { runScenario, type BenchContext, type ScenarioResult } from './scenario.ts';
import { FULL, QUICK } from './sizes.ts';
import { prepareCluster } from './syntheticCluster.ts';
import { formatTable, formatTargets } from './table.ts';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const profile = args.includes('--profile');
const mode = (args.find(a => a.startsWith('--mode='))?.slice(7) ?? 'bundle') as LaunchMode;
if (!['bundle', 'source'].includes(mode) || args.some(a => !/^--(quick|profile|rebuild|mode=.*)$/.test(a))) {
  console.error('usage: yarn bench [--quick] [--profile] [--mode=bundle|source] [--rebuild]');
  process.exit(2);
}
const artifacts = join(REPO, 'test/.artifacts/bench');
mkdirSync(artifacts, { recursive: true });
const log = (line: string) => console.log(`bench ${new Date().toISOString().slice(11, 19)} ${line}`);

let cp: ControlPlane | undefined;
const tmp = mkdtempSync(join(os.tmpdir(), 'meshlens-bench-'));
/** Backends and Prometheus currently running (their scenario stops them in its finally). */
const running = new Set<() => Promise<void>>();
const track = (stop: () => Promise<void>) => {
  running.add(stop);
  return () => { running.delete(stop); };
};
const cleanup = async () => {
  for (const stop of [...running].reverse()) await stop();
  running.clear();
  await cp?.stop();
  cp = undefined;
  rmSync(tmp, { recursive: true, force: true });
};
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => { void cleanup().finally(() => process.exit(130)); });
}

/** Writes the JSON and prints the table and the targets. */
function report(scenarios: ScenarioResult[], kubeApiserver: string, started: number) {
  const largest = scenarios.at(-1)!;
  const small = scenarios.length > 1 ? scenarios[0] : undefined;
  const ratio = ratios(largest);
  const list = targets(largest, small);
  const result = {
    generatedAt: new Date().toISOString(), cpus: os.cpus().length, node: process.version, platform: `${os.type()} ${os.release()}`,
    totalMemoryMiB: Math.round(os.totalmem() / 1048576), launch: mode, kubeApiserver, oneProcessForBothPlugins: true,
    totalSeconds: (Date.now() - started) / 1000,
    // Issue 15: the authenticated catalog read and Meshlens / floor on the largest size (per size in scenarios[]).
    floor: largest.floor, vsFloor: largest.vsFloor,
    scenarios, ratiosMeshlensOverKubernetes: ratio,
    meshlensGrowth: small ? growth(small, largest) : undefined, targets: list,
  };
  const file = join(artifacts, `bench-${largest.size}.json`);
  writeFileSync(file, JSON.stringify(result, null, 2));
  const n = (x: number) => x.toLocaleString('en-US');
  console.log(`\nMeshlens benchmark (${largest.size}): ${n(largest.pods)} pods in ${n(largest.workloads)} workloads across ${largest.namespaces} namespaces, ${largest.entities} entities; ${largest.connections} connections x ${largest.loadSeconds} s; ${result.cpus} CPUs, Node ${result.node}, backend: ${mode === 'bundle' ? 'production bundle' : 'sources'}, NODE_ENV=production, both plugins in one process\n`);
  console.log(formatTable(scenarios, ratio));
  console.log(`\nTargets:\n${formatTargets(list)}`);
  if (largest.profile) console.log(`\nCPU profile: ${largest.profile.file}`);
  console.log(`\nWritten ${file} (total ${result.totalSeconds.toFixed(0)} s)`);
}

async function main() {
  const started = Date.now();
  const bundle = mode === 'bundle' ? ensureBundle(join(artifacts, 'dist-workspace'), args.includes('--rebuild')) : undefined;
  if (bundle) log(bundle.built ? `production bundle built in ${bundle.seconds.toFixed(1)} s` : 'production bundle is up to date');
  cp = await startControlPlane();
  log(`kube-apiserver ${cp.version} on ${cp.url}`);
  const admin = { url: cp.url, ca: cp.ca, token: cp.adminToken };
  const ctx: BenchContext = { cp, admin, token: await prepareCluster(admin), tmp, artifacts, mode, bundleDir: bundle?.dir, log, track };
  const scenarios: ScenarioResult[] = [];
  if (quick) {
    scenarios.push(await runScenario(ctx, QUICK, { fromNamespace: 0, kubernetes: true, profile }));
  } else {
    // The 2,000-pod cluster first (Meshlens only, the full run's load length), then grown to
    // 10,000 pods for both plugins.
    scenarios.push(await runScenario(ctx, { ...QUICK, loadSeconds: FULL.loadSeconds }, { fromNamespace: 0, kubernetes: false, profile: false }));
    scenarios.push(await runScenario(ctx, FULL, { fromNamespace: QUICK.namespaces, kubernetes: true, profile }));
  }
  report(scenarios, cp.version, started);
}

main().then(cleanup, async e => {
  console.error(e);
  await cleanup();
  process.exitCode = 1;
});
