// Issue 17, topology-aware routing: the destination controller labels each endpoint
// `zone_locality` local/remote/unknown against the client's node zone (linkerd2 edge-25.10.7
// `controller/api/destination/endpoint_translator.go`); the proxy exports it as `dst_zone_locality`.
import { zoneLocality } from './zoneLocality';
import { MetricsWindow } from './metricsWindow';

const orchestrator = { namespace: 'auto-brand', kind: 'Deployment', name: 'orchestrator' };
const window = (zones: MetricsWindow['zones']): MetricsWindow =>
  ({ cluster: 'c', windowSeconds: 60, end: 0, inbound: [], latency: [], edges: [], edgeResponses: [], edgeLatency: [], crypto: [], leafExpiry: [], zones });

describe('zoneLocality', () => {
  it('gives the share of requests that stayed in the zone, unknown apart', () => {
    const w = window([
      { workload: orchestrator, locality: 'local', requests: 300 },
      { workload: orchestrator, locality: 'remote', requests: 100 },
      { workload: orchestrator, locality: 'unknown', requests: 50 },
    ]);
    expect(zoneLocality([w], [{ cluster: 'c', ...orchestrator }])).toEqual({ localRequests: 300, remoteRequests: 100, unknownRequests: 50, localShare: 0.75 });
  });

  it('has no share when no zone is known (nodes without zone labels), and nothing without outbound requests', () => {
    expect(zoneLocality([window([{ workload: orchestrator, locality: 'unknown', requests: 10 }])], [{ cluster: 'c', ...orchestrator }])).toEqual({ localRequests: 0, remoteRequests: 0, unknownRequests: 10, localShare: undefined });
    expect(zoneLocality([window([])], [{ cluster: 'c', ...orchestrator }])).toBeUndefined();
  });
});
