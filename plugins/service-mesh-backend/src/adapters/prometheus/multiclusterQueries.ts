import { perWorkload, type Vector } from './metricsQueries.ts';

/** Labels of outbound requests to a mirror Service (the destination controller's `target_*`, prefixed `dst_`). */
export const CROSS_CLUSTER_LABELS = ['dst_namespace', 'dst_service', 'dst_target_cluster', 'dst_target_service', 'dst_target_service_namespace', 'tls', 'server_id', 'classification'];

/**
 * The fixed multi-cluster queries of one cluster and cycle: the service mirror's gateway probe
 * gauges and latency histogram by `target_cluster_name` (linkerd2 edge-25.10.7
 * `multicluster/service-mirror/metrics.go`; scraped by viz's `linkerd-multicluster-controller`
 * job), and every workload's outbound requests to mirror Services (`dst_target_cluster` set),
 * grouped by workload and mirror. Nothing comes from input but the validated window.
 */
export function multiclusterQueries(windowSeconds: number) {
  if (!Number.isInteger(windowSeconds) || windowSeconds <= 0) throw new Error(`invalid window ${windowSeconds}`);
  const increase: Vector = s => `increase({${s}}[${windowSeconds}s])`;
  return {
    gatewayAlive: 'max by (target_cluster_name) (gateway_alive)',
    gatewayEnabled: 'max by (target_cluster_name) (gateway_enabled)',
    gatewayLatency: 'max by (target_cluster_name) (gateway_latency)',
    gatewayProbeLatency: `sum by (target_cluster_name, le) (increase(gateway_probe_latency_ms_bucket[${windowSeconds}s]))`,
    crossCluster: perWorkload('sum', increase, ['__name__="response_total"', 'direction="outbound"', 'dst_target_cluster!=""'], CROSS_CLUSTER_LABELS),
  };
}
