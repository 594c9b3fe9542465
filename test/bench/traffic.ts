// Linkerd-proxy metrics for the meshed workloads, from a declared traffic model through the same
// helper as examples/traffic: in each namespace an unmeshed ingress calls the first meshed
// workload in plaintext, which calls the next over mTLS, and so on down the chain. One pod per
// workload in the samples (Meshlens aggregates by owner) and 3 samples over the hour keep the
// file small enough for a quick backfill.
import { toOpenMetrics, type ModelEdge, type ModelWorkload } from '../../examples/traffic/openMetrics.ts';
import { type BenchSize, workloadsOf } from './sizes.ts';

export const METRICS_START = 1_795_000_000;
const DURATION = 3600;
const STEP = 1800;
/** Queries are pinned here (serviceMesh.clusters[].prometheus.evaluationTime): inside the data. */
export const METRICS_AT = METRICS_START + DURATION;

const latency: ModelEdge['latency'] = [[2, 0], [10, 0.5], [40, 0.95], [100, 0.99], [200, 1]];

/** The model's edges for every meshed workload of `size`, one chain per namespace. */
export function trafficChains(size: BenchSize): ModelEdge[][] {
  const byNamespace = new Map<string, ModelWorkload[]>();
  for (const w of workloadsOf(size).filter(x => x.meshed)) {
    const list = byNamespace.get(w.namespace) ?? [];
    list.push({ namespace: w.namespace, kind: 'deployment', name: w.name, pods: 1 });
    byNamespace.set(w.namespace, list);
  }
  return [...byNamespace.values()].map(chain => [
    { from: { unmeshed: 'ingress' }, to: chain[0], rps: 20, failureRatio: 0.001, tls: false, latency },
    ...chain.slice(1).map((to, i) => ({ from: chain[i], to, rps: 20 / (i + 2), failureRatio: 0.01 * (i + 1), tls: true, latency })),
  ]);
}

/**
 * OpenMetrics text for Prometheus's backfill. The helper is called per namespace and the
 * families merged: one call for the whole cluster overflows the stack (it spreads a family's
 * lines into one `push`, over ~120k lines at 10,000 pods).
 */
export function benchOpenMetrics(size: BenchSize): string {
  const families = new Map<string, string[]>();
  trafficChains(size).forEach((edges, i) => {
    const text = toOpenMetrics({ start: METRICS_START, durationSeconds: DURATION, stepSeconds: STEP, edges, issuerTtlSeconds: i === 0 ? 200 * 86400 : undefined, podTraffic: false });
    let family: string[] = [];
    for (const line of text.split('\n')) {
      if (line.startsWith('# TYPE ')) {
        family = families.get(line) ?? [];
        families.set(line, family);
      } else if (line && line !== '# EOF') family.push(line);
    }
  });
  const out: string[] = [];
  for (const [type, lines] of families) {
    out.push(type);
    for (const l of lines) out.push(l);
  }
  out.push('# EOF', '');
  return out.join('\n');
}
