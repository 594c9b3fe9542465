// The snapshot evaluator must answer as the batched queries do (multiclusterQueries.ts); label sets as in
// readMulticlusterSamples.test.ts (linkerd2 `multicluster/service-mirror/metrics.go`, `endpoints_watcher.go`).
import { evaluateMulticluster } from './evaluateMulticluster';

const END = 10_000;
// A counter from 0 (so `increase` does not extrapolate before the first sample) to `v1`, a sample a minute.
const counter = (v1: number): Array<[number, number]> => Array.from({ length: 10 }, (_, i) => [END - 540 + 60 * i, (v1 * i) / 9] as [number, number]);

describe('evaluateMulticluster', () => {
  it('reads gateway gauges at the end, bucket increases, and sums calls to mirror Services per workload', () => {
    const call = { direction: 'outbound', namespace: 'auto-brand', deployment: 'publisher', pod: 'publisher-1', dst_namespace: 'auto-brand', dst_service: 'render-gpu-cloud-vps', dst_target_cluster: 'cloud-vps', dst_target_service: 'render-gpu', dst_target_service_namespace: 'gpu', tls: 'true', server_id: 'gw', classification: 'success' };
    const r = evaluateMulticluster([
      { name: 'gateway_alive', labels: { target_cluster_name: 'cloud-vps', pod: 'controller-cloud-vps-1' }, samples: [[END, 1]] },
      { name: 'gateway_enabled', labels: { target_cluster_name: 'cloud-vps' }, samples: [[END, 1]] },
      { name: 'gateway_latency', labels: { target_cluster_name: 'cloud-vps' }, samples: [[END, 31]] },
      { name: 'gateway_probe_latency_ms_bucket', labels: { target_cluster_name: 'cloud-vps', le: '+Inf' }, samples: counter(200) },
      { name: 'response_total', labels: call, samples: counter(600) },
      { name: 'response_total', labels: { ...call, pod: 'publisher-2' }, samples: counter(60) },
      { name: 'response_total', labels: { ...call, dst_target_cluster: '' }, samples: counter(999) },
    ], 'homelab', END, 600);
    expect(r.gateways).toEqual([{ cluster: 'homelab', targetCluster: 'cloud-vps', alive: 1, enabled: 1, latencyMs: 31, latencyBuckets: [{ le: Infinity, count: 200 }] }]);
    expect(r.crossCluster.map(s => [s.workload.name, s.mirrorService, s.targetCluster, s.count])).toEqual([['publisher', 'render-gpu-cloud-vps', 'cloud-vps', 660]]);
  });
});
