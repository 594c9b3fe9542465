import { bucketBound, CrossClusterSample, GatewaySample, metricWorkload, MulticlusterSamples } from '@meshlens/plugin-service-mesh-common';
import { multiclusterQueries } from './multiclusterQueries';
import { PrometheusClient, VectorSample } from './PrometheusClient';

/** Gateway gauges and buckets joined per target cluster. */
export function gatewaySamples(cluster: string, r: { alive: VectorSample[]; enabled: VectorSample[]; latency: VectorSample[]; buckets: VectorSample[] }): GatewaySample[] {
  const byTarget = new Map<string, GatewaySample>();
  const of = (s: VectorSample) => {
    const target = s.metric.target_cluster_name;
    if (!target) return undefined;
    let g = byTarget.get(target);
    if (!g) byTarget.set(target, (g = { cluster, targetCluster: target, latencyBuckets: [] }));
    return g;
  };
  const finite = (v: number) => Number.isFinite(v);
  const set = (samples: VectorSample[], field: 'alive' | 'enabled' | 'latencyMs') => {
    for (const s of samples) {
      const g = finite(s.value) ? of(s) : undefined;
      if (g) g[field] = s.value;
    }
  };
  set(r.alive, 'alive');
  set(r.enabled, 'enabled');
  set(r.latency, 'latencyMs');
  for (const s of r.buckets) {
    const le = bucketBound(s.metric.le);
    if (finite(s.value) && !Number.isNaN(le)) of(s)?.latencyBuckets.push({ le, count: s.value });
  }
  return [...byTarget.values()];
}

/** Outbound requests to mirror Services, tied to the calling workload. */
export function crossClusterSamples(cluster: string, samples: VectorSample[]): CrossClusterSample[] {
  return samples.flatMap(s => {
    const workload = metricWorkload(s.metric);
    const m = s.metric;
    if (!workload || !m.dst_target_cluster || !Number.isFinite(s.value)) return [];
    return [{
      cluster, workload,
      mirrorNamespace: m.dst_namespace ?? '', mirrorService: m.dst_service ?? '',
      targetCluster: m.dst_target_cluster, targetService: m.dst_target_service ?? m.dst_service ?? '', targetNamespace: m.dst_target_service_namespace ?? m.dst_namespace ?? '',
      tls: m.tls ?? '', ...(m.server_id ? { serverId: m.server_id } : {}),
      classification: m.classification === 'success' ? 'success' as const : 'failure' as const,
      count: s.value,
    }];
  });
}

/** Runs the multi-cluster queries of one cluster in parallel. */
export async function readMulticlusterSamples(client: PrometheusClient, cluster: string, windowSeconds: number, end: number): Promise<MulticlusterSamples> {
  const q = multiclusterQueries(windowSeconds);
  const [alive, enabled, latency, buckets, cross] = await Promise.all(
    [q.gatewayAlive, q.gatewayEnabled, q.gatewayLatency, q.gatewayProbeLatency, q.crossCluster].map(query => client.instant(query, end)),
  );
  return { windowSeconds, gateways: gatewaySamples(cluster, { alive, enabled, latency, buckets }), crossCluster: crossClusterSamples(cluster, cross) };
}
