// Meshlens's figures on a running backend: cache sync, RSS before and after, the Prometheus
// batch of one refresh cycle, and the entity-report load with the apiserver's and Prometheus's
// request counters around it.
import type { ControlPlane } from '../harness/controlPlane.ts';
import { type BenchBackend, until } from './benchBackend.ts';
import { METRICS_REFRESH_SECONDS } from './benchConfig.ts';
import { apiCounts, apiDelta, prometheusQueries } from './counters.ts';
import { type LoadResult, runLoad } from './load.ts';
import { heapAfterGc } from './inspector.ts';
import { rssMiB } from './processTree.ts';
import { CONNECTIONS, SETTLE_MS, SINGLE_SECONDS } from './sizes.ts';

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

export interface MeshlensFigures {
  /** VmRSS after a full GC, before the first Meshlens request (caches not started). */
  rssBeforeMiB: number;
  /** VmRSS after a full GC, once every cache has synced. */
  rssSyncedMiB: number;
  /** V8 heap in use after the same full GCs. */
  heapBeforeMiB: number;
  heapSyncedMiB: number;
  /** VmRSS right after the load (no GC). */
  rssAfterLoadMiB: number;
  syncSeconds: number;
  /** The backend's own "Cluster cache synced" log line, when found. */
  syncLoggedMs?: number;
  clusterCounts: unknown;
  sample: { entity: string; state: string; workloads: string[]; rps?: number; errors: unknown[] };
  prometheusBatch: number;
  /** One connection: the service time without queueing. */
  single: LoadResult;
  load: LoadResult;
  api: ReturnType<typeof apiDelta>;
  prometheus: { query: number; queryRange: number; cycles: number; perCycle: number };
  loopback: LoopbackFigures;
}

/** HTTP calls the backend made to itself (its access log: every plugin but the one under load). */
export interface LoopbackFigures {
  /** During the 50-connection load, per Meshlens request sent (all, and without snapshot reloads). */
  load: { calls: Record<string, number>; perRequest: number; requestPathPerRequest: number };
  /** One entity asked `requests` times in a row with one token after one warm-up request (decisions and report cached). */
  cached: { requests: number; calls: Record<string, number>; perRequest: number; requestPathPerRequest: number };
}

/**
 * Catalog list reads: the plugin's catalog snapshot reloading (every 10 s, in the background,
 * whatever the request rate). Entity lookups on the request path use `/entities/by-name` or
 * `/entities/by-refs`, and decisions `/api/permission/authorize`.
 */
export const isSnapshotReload = (key: string) => key === '/api/catalog/entities' || key === '/api/catalog/entities/by-query';

/** Requests per path between two readings, leaving out `/api/<exclude>`; `requestPath` leaves out snapshot reloads too. */
export function loopbackDelta(before: Record<string, number>, after: Record<string, number>, exclude: string) {
  const calls: Record<string, number> = {};
  for (const [k, v] of Object.entries(after)) if (!k.startsWith(`/api/${exclude}`) && v - (before[k] ?? 0) > 0) calls[k] = v - (before[k] ?? 0);
  const sum = (keys: string[]) => keys.reduce((a, k) => a + calls[k], 0);
  return { calls, total: sum(Object.keys(calls)), requestPath: sum(Object.keys(calls).filter(k => !isSnapshotReload(k))) };
}

const CACHED_PROBE_REQUESTS = 200;
/** Well inside the decision cache's 5 s TTL, counted from the warm-up request. */
const CACHED_PROBE_MS = 3_000;

/**
 * The loopback calls of cached entity requests: a warm-up request (which decides and computes),
 * then the same request up to CACHED_PROBE_REQUESTS times in a row, stopping at CACHED_PROBE_MS
 * so every one of them falls inside the decision TTL.
 */
async function cachedProbe(b: BenchBackend, entity: string): Promise<LoopbackFigures['cached']> {
  await sleep(SETTLE_MS);
  const started = Date.now();
  await sample(b, entity);
  // The warm-up's own loopback calls are logged before its answer; give the log pipe a moment.
  await sleep(200);
  const before = b.requestCounts();
  let requests = 0;
  while (requests < CACHED_PROBE_REQUESTS && Date.now() - started < CACHED_PROBE_MS) {
    const res = await fetch(`${b.url}/api/service-mesh/v1/entities/component/default/${entity}`, auth(b));
    if (res.status !== 200) throw new Error(`cached probe: ${res.status}`);
    await res.arrayBuffer();
    requests++;
  }
  await sleep(1000);
  const { calls, total, requestPath } = loopbackDelta(before, b.requestCounts(), 'service-mesh');
  return { requests, calls, perRequest: total / Math.max(requests, 1), requestPathPerRequest: requestPath / Math.max(requests, 1) };
}

const auth = (b: BenchBackend) => ({ headers: { Authorization: `Bearer ${b.token}` } });

/** Polls /v1/clusters (the first call starts the caches) until every cluster is synced. */
export async function measureSync(b: BenchBackend): Promise<{ seconds: number; counts: unknown }> {
  const started = Date.now();
  const clusters = await until('caches synced', 300_000, async () => {
    const body = (await (await fetch(`${b.url}/api/service-mesh/v1/clusters`, auth(b))).json()) as any;
    return body.clusters?.length && body.clusters.every((c: any) => c.synced) ? body.clusters : undefined;
  }, 50);
  return { seconds: (Date.now() - started) / 1000, counts: clusters.map((c: any) => ({ name: c.name, ...c.counts })) };
}

/** The report of one entity, checked to be a 200 with workloads. */
async function sample(b: BenchBackend, name: string) {
  const res = await fetch(`${b.url}/api/service-mesh/v1/entities/component/default/${name}`, auth(b));
  const r = (await res.json()) as any;
  if (res.status !== 200) throw new Error(`entity report ${name}: ${res.status} ${JSON.stringify(r).slice(0, 500)}`);
  return { entity: name, state: r.state, workloads: r.workloads.map((w: any) => `${w.namespace}/${w.name} ${w.meshedPods}/${w.totalPods}`), rps: r.goldenMetrics?.rps, errors: r.errors };
}

/**
 * Queries one entity request causes once the metrics batch has expired. The batch reloads in the
 * background while the previous window is served, so the count is read once it settles.
 */
async function prometheusBatch(b: BenchBackend, promUrl: string, entity: string): Promise<number> {
  await sleep((METRICS_REFRESH_SECONDS + 1) * 1000);
  const before = await prometheusQueries(promUrl);
  await sample(b, entity);
  await sleep(2000);
  const after = await prometheusQueries(promUrl);
  return after.query - before.query + after.queryRange - before.queryRange;
}

/** A full GC through the inspector, then the V8 heap in use and the process's RSS. */
async function memory(b: BenchBackend, inspectPort: number) {
  await sleep(2000);
  const heap = await heapAfterGc(inspectPort);
  return { heap, rss: rssMiB(b.pid)! };
}

/** Every figure for Meshlens, in order: memory, sync, memory, one report, the metrics batch, the loads. */
export async function measureMeshlens(opts: {
  backend: BenchBackend; cp: ControlPlane; promUrl: string; inspectPort: number; entities: string[]; meshedEntity: string; seconds: number;
}): Promise<MeshlensFigures> {
  const { backend: b, cp, promUrl, entities } = opts;
  const before = await memory(b, opts.inspectPort);
  const sync = await measureSync(b);
  const line = b.logs().split('\n').find(l => l.includes('Cluster cache synced'));
  const logged = line ? /\bms"?[:=]\s*(\d+)/.exec(line) : null;
  const synced = await memory(b, opts.inspectPort);
  const first = await sample(b, opts.meshedEntity);
  const batch = await prometheusBatch(b, promUrl, opts.meshedEntity);
  const request = (k: number) => ({ method: 'GET' as const, path: `/api/service-mesh/v1/entities/component/default/${entities[k]}` });
  const load = { url: b.url, token: b.token, count: entities.length, requestFor: request };
  await runLoad({ ...load, connections: 10, seconds: 3, seed: 7 });
  const single = await runLoad({ ...load, connections: 1, seconds: SINGLE_SECONDS, seed: 11 });
  const [apiBefore, promBefore, httpBefore] = [await apiCounts(cp), await prometheusQueries(promUrl), b.requestCounts()];
  const result = await runLoad({ ...load, connections: CONNECTIONS, seconds: opts.seconds });
  await sleep(SETTLE_MS);
  const [apiAfter, promAfter] = [await apiCounts(cp), await prometheusQueries(promUrl)];
  const during = loopbackDelta(httpBefore, b.requestCounts(), 'service-mesh');
  const cached = await cachedProbe(b, opts.meshedEntity);
  const queries = promAfter.query - promBefore.query;
  const queryRange = promAfter.queryRange - promBefore.queryRange;
  const cycles = Math.ceil(result.seconds / METRICS_REFRESH_SECONDS);
  return {
    rssBeforeMiB: before.rss, rssSyncedMiB: synced.rss, heapBeforeMiB: before.heap, heapSyncedMiB: synced.heap, rssAfterLoadMiB: rssMiB(b.pid)!,
    syncSeconds: sync.seconds, syncLoggedMs: logged ? Number(logged[1]) : undefined, clusterCounts: sync.counts,
    sample: first, prometheusBatch: batch, single, load: result, api: apiDelta(apiBefore, apiAfter),
    prometheus: { query: queries, queryRange, cycles, perCycle: (queries + queryRange) / cycles },
    loopback: { load: { calls: during.calls, perRequest: during.total / Math.max(result.sent, 1), requestPathPerRequest: during.requestPath / Math.max(result.sent, 1) }, cached },
  };
}
