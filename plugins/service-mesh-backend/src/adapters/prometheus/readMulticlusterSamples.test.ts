// Label sets: the service mirror's gateway metrics by `target_cluster_name` (linkerd2 edge-25.10.7
// `multicluster/service-mirror/metrics.go`); outbound `response_total` to a mirror Service with
// `dst_target_cluster`, `dst_target_service`, `dst_target_service_namespace` (`controller/api/destination/
// watcher/endpoints_watcher.go` metricLabels, prefixed `dst_` by linkerd2-proxy release/v2.326.0
// `linkerd/app/outbound/src/http/concrete.rs`).
import { multiclusterQueries } from './multiclusterQueries';
import { PrometheusClient, VectorSample } from './PrometheusClient';
import { readMulticlusterSamples } from './readMulticlusterSamples';

function fakeClient(answers: Record<string, VectorSample[]>, seen: string[]): PrometheusClient {
  return { instant: async (q: string) => { seen.push(q); return answers[q] ?? []; } } as unknown as PrometheusClient;
}

describe('readMulticlusterSamples', () => {
  it('runs the five fixed queries once each, joins the gateway metrics by target and ties calls to workloads', async () => {
    const q = multiclusterQueries(600);
    const seen: string[] = [];
    const client = fakeClient({
      [q.gatewayAlive]: [{ metric: { target_cluster_name: 'cloud-vps' }, value: 1 }, { metric: {}, value: 1 }],
      [q.gatewayEnabled]: [{ metric: { target_cluster_name: 'cloud-vps' }, value: 1 }],
      [q.gatewayLatency]: [{ metric: { target_cluster_name: 'cloud-vps' }, value: 23 }],
      [q.gatewayProbeLatency]: [{ metric: { target_cluster_name: 'cloud-vps', le: '50' }, value: 200 }, { metric: { target_cluster_name: 'cloud-vps', le: '+Inf' }, value: 200 }],
      [q.crossCluster]: [
        { metric: { namespace: 'auto-brand', deployment: 'publisher', dst_namespace: 'auto-brand', dst_service: 'render-gpu-cloud-vps', dst_target_cluster: 'cloud-vps', dst_target_service: 'render-gpu', dst_target_service_namespace: 'gpu', tls: 'true', server_id: 'gw', classification: 'success' }, value: 42 },
        { metric: { namespace: 'auto-brand', dst_target_cluster: 'cloud-vps' }, value: 1 },
      ],
    }, seen);
    const r = await readMulticlusterSamples(client, 'homelab', 600, 1000);
    expect(seen.sort()).toEqual(Object.values(q).sort());
    expect(r.gateways).toEqual([{ cluster: 'homelab', targetCluster: 'cloud-vps', alive: 1, enabled: 1, latencyMs: 23, latencyBuckets: [{ le: 50, count: 200 }, { le: Infinity, count: 200 }] }]);
    expect(r.crossCluster).toEqual([{
      cluster: 'homelab', workload: { namespace: 'auto-brand', kind: 'Deployment', name: 'publisher' }, mirrorNamespace: 'auto-brand', mirrorService: 'render-gpu-cloud-vps',
      targetCluster: 'cloud-vps', targetService: 'render-gpu', targetNamespace: 'gpu', tls: 'true', serverId: 'gw', classification: 'success', count: 42,
    }]);
  });

  it('takes nothing from input but a whole number of seconds', () => {
    expect(() => multiclusterQueries(0)).toThrow('invalid window');
    expect(multiclusterQueries(600).crossCluster).toContain('dst_target_cluster!=""');
  });
});
