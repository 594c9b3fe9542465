import { EgressFamily, EgressSample, isEgressParent, metricWorkload, workloadKey } from '@meshlens/plugin-service-mesh-common';
import { increase } from './evaluateSeries';
import { RecordedSeries } from './parseOpenMetrics';

const PARENT = ['parent_kind', 'parent_namespace', 'parent_name', 'parent_port', 'route_kind', 'route_name'];

/** The families of the egress queries and the labels each groups by (egressQueries.ts). */
const FAMILIES: Record<string, [EgressFamily, string[]]> = {
  outbound_http_route_request_statuses_total: ['http-requests', ['hostname', 'http_status', 'error']],
  outbound_tcp_route_open_total: ['tcp-open', ['target_ip', 'target_port']],
  outbound_tcp_route_close_total: ['tcp-close', ['target_ip', 'target_port', 'error']],
  outbound_tls_route_open_total: ['tls-open', ['hostname']],
  outbound_tls_route_close_total: ['tls-close', ['hostname', 'error']],
};

/**
 * Evaluates a cluster's recorded route metrics over [end - window, end] into the samples the
 * Prometheus adapter's egress queries return: the same families, the same egress parents, the
 * same group-by labels (owner, or pod for ownerless series).
 */
export function evaluateEgress(series: RecordedSeries[], cluster: string, end: number, windowSeconds: number): EgressSample[] {
  const sums = new Map<string, EgressSample>();
  for (const s of series) {
    const family = FAMILIES[s.name];
    if (!family || !isEgressParent(s.labels)) continue;
    const workload = metricWorkload(s.labels);
    const v = workload && increase(s.samples, end, windowSeconds);
    if (!workload || v === undefined) continue;
    const labels = Object.fromEntries([...PARENT, ...family[1]].filter(k => s.labels[k] !== undefined && s.labels[k] !== '').map(k => [k, s.labels[k]]));
    const key = JSON.stringify([family[0], workloadKey(workload), labels]);
    const hit = sums.get(key);
    if (hit) hit.count += v;
    else sums.set(key, { cluster, workload, family: family[0], labels, count: v });
  }
  return [...sums.values()];
}
