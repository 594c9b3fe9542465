// One size of the benchmark: grow the cluster to it, load Prometheus, start a backend with both
// plugins (one process: same catalog, auth and permissions; the loads run one after the other),
// measure Meshlens, optionally profile it under a second identical load, then the Backstage floor
// (a catalog read alone), and on the largest size the Kubernetes backend and the variants
// (owners-only policy, 20 users); everything started here is stopped here.
import { join } from 'node:path';
import { readFileSync, writeFileSync } from 'node:fs';
import type { ControlPlane } from '../harness/controlPlane.ts';
import type { KubeTarget } from '../harness/kubeRequest.ts';
import { startPrometheus } from '../harness/prometheus.ts';
import { freePort } from '../support/backend.ts';
import { type LaunchMode, startBenchBackend, type BenchBackend, waitForCatalog } from './benchBackend.ts';
import { writeBenchConfig } from './benchConfig.ts';
import { entityName, writeCatalog } from './catalog.ts';
import { runLoad } from './load.ts';
import { floorSummary, type FloorSummary, type LoadPair, measureFloor, vsFloor, type VsFloor } from './floor.ts';
import { measureVariants, type VariantResult, writePolicy } from './variants.ts';
import { measureKubernetes, type KubernetesFigures } from './measureKubernetes.ts';
import { measureMeshlens, type MeshlensFigures } from './measureMeshlens.ts';
import { formatTop, topSelfTime, type HotFunction } from './profileTop.ts';
import { startProfiler } from './inspector.ts';
import { populateCluster } from './syntheticCluster.ts';
import { type BenchSize, CONNECTIONS, entityWorkloads, podCount, workloadCount } from './sizes.ts';
import { benchOpenMetrics, METRICS_AT } from './traffic.ts';

export interface BenchContext {
  cp: ControlPlane; admin: KubeTarget; token: string; tmp: string; artifacts: string; mode: LaunchMode; bundleDir?: string;
  log(line: string): void;
  /** Registers a stop function for the signal handler; returns the function that unregisters it. */
  track(stop: () => Promise<void>): () => void;
}

export interface ScenarioResult {
  size: string; namespaces: number; workloads: number; pods: number; entities: number; loadSeconds: number; connections: number;
  clusterCreateSeconds: number; openMetricsLines: number; bootSeconds: number; catalogSeconds: number;
  meshlens: MeshlensFigures; kubernetes?: KubernetesFigures; profile?: { file: string; top: HotFunction[] };
  /** The floor's loads (authenticated catalog read), and its summary and Meshlens / floor (issue 15). */
  floorLoads: LoadPair; floor: FloorSummary; vsFloor: VsFloor;
  variants?: VariantResult[];
}

/** Every Component of the catalog, as the catalog serves it (the Kubernetes frontend's entity). */
async function catalogComponents(b: BenchBackend): Promise<any[]> {
  const items: any[] = [];
  let query = 'filter=kind=component&limit=500&orderField=metadata.name,asc';
  for (let page = 0; page < 20; page++) {
    const res = await fetch(`${b.url}/api/catalog/entities/by-query?${query}`, { headers: { Authorization: `Bearer ${b.token}` } });
    const body = (await res.json()) as any;
    items.push(...body.items);
    if (!body.pageInfo?.nextCursor) break;
    query = `cursor=${encodeURIComponent(body.pageInfo.nextCursor)}`;
  }
  return items;
}

async function profileLoad(ctx: BenchContext, b: BenchBackend, inspectPort: number, size: BenchSize, entities: string[]) {
  const profiler = await startProfiler(inspectPort);
  const request = (k: number) => ({ method: 'GET' as const, path: `/api/service-mesh/v1/entities/component/default/${entities[k]}` });
  await runLoad({ url: b.url, token: b.token, count: entities.length, requestFor: request, connections: CONNECTIONS, seconds: size.loadSeconds });
  const file = join(ctx.artifacts, `meshlens-${size.name}.cpuprofile`);
  await profiler.stop(file);
  const top = topSelfTime(JSON.parse(readFileSync(file, 'utf8')));
  ctx.log(`profile written to ${file}; top self time:\n${formatTop(top)}`);
  return { file, top };
}

async function startBackendFor(ctx: BenchContext, size: BenchSize, promUrl: string) {
  const catalogFile = join(ctx.tmp, `catalog-${size.name}.yaml`);
  writeCatalog(catalogFile, size);
  const [port, inspectPort] = [await freePort(), await freePort()];
  const policyFile = join(ctx.tmp, `policy-${size.name}.json`);
  writePolicy(policyFile, 'allow');
  const config = writeBenchConfig(join(ctx.tmp, `bench-${size.name}.yaml`), port, catalogFile, {
    apiUrl: ctx.cp.url, ca: ctx.cp.ca, token: ctx.token, prometheusUrl: promUrl, evaluationTime: METRICS_AT,
  }, policyFile);
  // The inspector (loopback only) is idle until used: a full GC before memory readings, --profile.
  const nodeArgs = [`--inspect=127.0.0.1:${inspectPort}`];
  const backend = await startBenchBackend({ mode: ctx.mode, bundleDir: ctx.bundleDir, port, configs: [config], nodeArgs });
  return { backend, inspectPort, policyFile };
}

/** Meshlens, its profile, the floor, then the Kubernetes backend and the variants, on one running backend. */
async function measureAll(ctx: BenchContext, size: BenchSize, b: BenchBackend, promUrl: string, inspectPort: number, policyFile: string, opts: { kubernetes: boolean; profile: boolean }) {
  const bootSeconds = (b.readyAt - b.startedAt) / 1000;
  ctx.log(`[${size.name}] backend ready in ${bootSeconds.toFixed(1)} s (PID ${b.pid}); waiting for ${size.entities} catalog entities`);
  const catalogSeconds = await waitForCatalog(b, size.entities);
  const components = await catalogComponents(b);
  const names = components.map(e => e.metadata.name);
  const meshedIndex = entityWorkloads(size).findIndex(w => w.meshed);
  ctx.log(`[${size.name}] catalog ready (${names.length} components) after ${catalogSeconds.toFixed(1)} s; measuring Meshlens`);
  const meshlens = await measureMeshlens({ backend: b, cp: ctx.cp, promUrl, inspectPort, entities: names, meshedEntity: entityName(meshedIndex), seconds: size.loadSeconds });
  ctx.log(`[${size.name}] Meshlens: p50 ${meshlens.load.p50} ms, p99 ${meshlens.load.p99} ms, ${meshlens.load.rps.toFixed(0)} req/s; loopback calls per cached request ${meshlens.loopback.cached.perRequest}, per request under load ${meshlens.loopback.load.perRequest.toFixed(4)}`);
  const floorLoads = await measureFloor(b, names, size.loadSeconds);
  ctx.log(`[${size.name}] catalog read alone: p50 ${floorLoads.load.p50} ms, p99 ${floorLoads.load.p99} ms, ${floorLoads.load.rps.toFixed(0)} req/s`);
  const floor = { floorLoads, floor: floorSummary(floorLoads), vsFloor: vsFloor(meshlens, floorLoads) };
  const profile = opts.profile ? await profileLoad(ctx, b, inspectPort, size, names) : undefined;
  if (!opts.kubernetes) return { bootSeconds, catalogSeconds, meshlens, profile, ...floor };
  ctx.log(`[${size.name}] measuring the Kubernetes backend`);
  const kubernetes = await measureKubernetes({ backend: b, cp: ctx.cp, entities: components, meshedEntity: components[meshedIndex], seconds: size.loadSeconds });
  ctx.log(`[${size.name}] Kubernetes backend: p50 ${kubernetes.load.p50} ms, p99 ${kubernetes.load.p99} ms, ${kubernetes.load.rps.toFixed(1)} req/s`);
  const variants = await measureVariants(b, names, size.loadSeconds, policyFile, l => ctx.log(`[${size.name}] ${l}`));
  for (const v of variants) ctx.log(`[${size.name}] ${v.name}: Meshlens ${v.meshlens.load.rps.toFixed(0)} req/s vs floor ${v.floor.rps.toFixed(0)} req/s`);
  return { bootSeconds, catalogSeconds, meshlens, profile, kubernetes, ...floor, variants };
}

export async function runScenario(ctx: BenchContext, size: BenchSize, opts: { fromNamespace: number; kubernetes: boolean; profile: boolean }): Promise<ScenarioResult> {
  ctx.log(`[${size.name}] creating ${podCount(size) - opts.fromNamespace * size.workloadsPerNamespace * size.podsPerWorkload} pods (cluster grows to ${podCount(size)})`);
  const clusterCreateSeconds = await populateCluster(ctx.admin, size, opts.fromNamespace);
  ctx.log(`[${size.name}] cluster populated in ${clusterCreateSeconds.toFixed(1)} s; backfilling Prometheus`);
  const om = benchOpenMetrics(size);
  const prom = await startPrometheus(om);
  const untrackProm = ctx.track(prom.stop);
  let backend: BenchBackend | undefined;
  let untrackBackend = () => {};
  try {
    const started = await startBackendFor(ctx, size, prom.url);
    backend = started.backend;
    untrackBackend = ctx.track(backend.stop);
    const figures = await measureAll(ctx, size, backend, prom.url, started.inspectPort, started.policyFile, opts);
    return {
      size: size.name, namespaces: size.namespaces, workloads: workloadCount(size), pods: podCount(size), entities: size.entities,
      loadSeconds: size.loadSeconds, connections: CONNECTIONS, clusterCreateSeconds, openMetricsLines: om.split('\n').length, ...figures,
    };
  } finally {
    if (backend) writeFileSync(join(ctx.artifacts, `backend-${size.name}.log`), backend.logs());
    await backend?.stop();
    untrackBackend();
    await prom.stop();
    untrackProm();
  }
}
