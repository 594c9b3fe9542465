// The benchmark's summary: ratios Meshlens / Kubernetes backend, growth from 2,000 to 10,000
// pods, the targets of issues 8 and 15 as PASS/MISS with their figure, and a printable table.
import type { ScenarioResult } from './scenario.ts';

export interface Target { name: string; pass: boolean; figure: string }

/** API reads per entity request: over requests sent, since in-flight ones also reached the API. */
const perRequest = (reads: number, sent: number) => (sent ? reads / sent : 0);

/** Meshlens / Kubernetes backend: below 1 means Meshlens is lower (latency, API requests). */
export function ratios(s: ScenarioResult) {
  const k = s.kubernetes;
  if (!k) return undefined;
  const m = s.meshlens;
  return {
    p50: m.load.p50 / k.load.p50,
    p99: m.load.p99 / k.load.p99,
    throughput: m.load.rps / k.load.rps,
    apiRequestsPerEntityRequest: perRequest(m.api.serviceAccount, m.load.sent) / perRequest(k.api.serviceAccount, k.load.sent),
  };
}

/** How Meshlens's figures change from the smaller to the larger cluster (larger / smaller). */
export function growth(small: ScenarioResult, large: ScenarioResult) {
  const [a, b] = [small.meshlens, large.meshlens];
  return {
    pods: [small.pods, large.pods], p50: b.load.p50 / a.load.p50, p99: b.load.p99 / a.load.p99, throughput: b.load.rps / a.load.rps,
    syncSeconds: b.syncSeconds / a.syncSeconds, rssGrowthMiB: [a.rssSyncedMiB - a.rssBeforeMiB, b.rssSyncedMiB - b.rssBeforeMiB],
  };
}

const pods = (s: ScenarioResult) => `${s.pods.toLocaleString('en-US')} pods`;

/** Latency with what explains it: the one-connection service time and Little's law. */
function latencyFigure(s: ScenarioResult, q: 'p50' | 'p99') {
  const l = s.meshlens.load;
  return `${l[q]} ms (1 connection: ${s.meshlens.single[q]} ms; ${s.connections} connections / ${l.rps.toFixed(0)} req/s = ${((s.connections / l.rps) * 1000).toFixed(0)} ms in the system per request)`;
}

function meshlensTargets(main: ScenarioResult): Target[] {
  const m = main.meshlens;
  const perEntity = perRequest(m.api.serviceAccount, m.load.sent);
  const allowed = m.prometheusBatch * (m.prometheus.cycles + 1);
  const growthMB = (m.rssSyncedMiB - m.rssBeforeMiB) * 1.048576;
  return [
    {
      name: '0 Kubernetes API requests per entity request (steady state)', pass: m.api.serviceAccount === 0,
      figure: `${m.api.serviceAccount} requests by the plugin's ServiceAccount during ${m.load.sent} entity requests (${perEntity.toFixed(4)} per request); GET/LIST by every client incl. the apiserver's own loops: ${m.api.reads}`,
    },
    {
      name: 'Prometheus queries per refresh cycle independent of load', pass: m.prometheus.query + m.prometheus.queryRange <= allowed,
      figure: `${m.prometheus.query + m.prometheus.queryRange} queries for ${m.load.requests} requests in ${m.load.seconds} s; one cycle = ${m.prometheusBatch} queries, at most ${m.prometheus.cycles + 1} cycles -> limit ${allowed}`,
    },
    { name: `entity report p50 <= 10 ms (${main.connections} connections, ${pods(main)})`, pass: m.load.p50 <= 10, figure: latencyFigure(main, 'p50') },
    { name: `entity report p99 <= 50 ms (${main.connections} connections, ${pods(main)})`, pass: m.load.p99 <= 50, figure: latencyFigure(main, 'p99') },
    { name: `caches synced within 15 s of start (${pods(main)})`, pass: m.syncSeconds <= 15, figure: `${m.syncSeconds.toFixed(2)} s from the first request, which starts the caches; boot to ready ${main.bootSeconds.toFixed(1)} s, so ${(main.bootSeconds + m.syncSeconds).toFixed(1)} s from process start for a request right at readiness` },
    {
      name: 'RSS growth from the caches <= 200 MB (RSS after a full GC: synced minus before the first request)', pass: growthMB <= 200,
      figure: `${growthMB.toFixed(0)} MB (${m.rssBeforeMiB.toFixed(0)} -> ${m.rssSyncedMiB.toFixed(0)} MiB; V8 heap ${m.heapBeforeMiB.toFixed(0)} -> ${m.heapSyncedMiB.toFixed(0)} MiB)`,
    },
  ];
}

const x = (r: number) => `${r.toFixed(2)}x`;

/** Issue 15: Meshlens against the authenticated catalog read on the same run. */
function floorTargets(main: ScenarioResult): Target[] {
  const m = main.meshlens;
  const f = main.floor;
  const v = main.vsFloor;
  const calls = (c: Record<string, number>) => Object.entries(c).map(([k, n]) => `${k} ${n}`).join(', ') || 'none';
  const out: Target[] = [
    {
      name: `throughput at ${main.connections} connections >= 0.9x the catalog-read floor (${pods(main)})`, pass: v.throughput >= 0.9,
      figure: `${m.load.rps.toFixed(0)} vs ${f.rps.toFixed(0)} req/s (${x(v.throughput)}); p99 ${m.load.p99} vs ${f.p99} ms (${x(v.p99)})`,
    },
    {
      name: 'one-connection p50 <= 1.5x the floor\'s', pass: m.single.requests > 0 && v.singleP50 <= 1.5,
      figure: `${m.single.p50} vs ${f.single.p50} ms (${x(v.singleP50)}); p99 ${m.single.p99} vs ${f.single.p99} ms; ${m.single.requests} answers in ${m.single.seconds} s${m.single.requests === 0 ? ' (every request took longer than the run)' : ''}`,
    },
    {
      name: 'loopback HTTP calls per cached entity request: 0 (request path; the snapshot reload runs every 10 s whatever the load)', pass: m.loopback.cached.requests > 0 && m.loopback.cached.requestPathPerRequest === 0,
      figure: `${m.loopback.cached.requestPathPerRequest} on the request path, ${m.loopback.cached.perRequest} with snapshot reloads (${calls(m.loopback.cached.calls)} in ${m.loopback.cached.requests} requests for one entity after a warm-up); under the ${main.connections}-connection load ${m.loopback.load.perRequest.toFixed(4)} per request (${calls(m.loopback.load.calls)} for ${m.load.sent} requests: decision-cache misses and snapshot reloads)`,
    },
  ];
  for (const variant of main.variants ?? []) {
    out.push({
      name: `${variant.name}: throughput >= 0.9x the floor under the same condition`, pass: variant.vsFloor.throughput >= 0.9,
      figure: `${variant.meshlens.load.rps.toFixed(0)} vs ${variant.floor.rps.toFixed(0)} req/s (${x(variant.vsFloor.throughput)}); 1 connection p50 ${variant.meshlens.single.p50} vs ${variant.floor.single.p50} ms (${x(variant.vsFloor.singleP50)}); loopback ${variant.loopback.perRequest.toFixed(4)} per request (${calls(variant.loopback.calls)})`,
    });
  }
  return out;
}

/** The targets, judged on the largest scenario (and the growth when two sizes ran). */
export function targets(main: ScenarioResult, small?: ScenarioResult): Target[] {
  const m = main.meshlens;
  const out = [...meshlensTargets(main), ...floorTargets(main)];
  if (main.kubernetes) {
    const k = main.kubernetes.load.p50;
    out.push({ name: 'p50 at least 20x lower than the Kubernetes backend', pass: k >= 20 * m.load.p50, figure: `${m.load.p50} ms vs ${k} ms (${(k / Math.max(m.load.p50, 0.001)).toFixed(1)}x; 1 connection: ${m.single.p50} vs ${main.kubernetes.single.p50} ms)` });
  }
  if (small) {
    const g = growth(small, main);
    const s = small.meshlens;
    out.push({
      name: `latency roughly flat from ${pods(small)} to ${pods(main)} (p50 and p99 grow <= 1.5x)`, pass: g.p50 <= 1.5 && g.p99 <= 1.5,
      figure: `p50 ${s.load.p50} -> ${m.load.p50} ms (${g.p50.toFixed(2)}x), p99 ${s.load.p99} -> ${m.load.p99} ms (${g.p99.toFixed(2)}x); 1 connection p50 ${s.single.p50} -> ${m.single.p50} ms`,
    });
  }
  return out;
}
