// Conformance (issue 13, item 3): edges. Label sets: outbound TLS connect labels (linkerd2-proxy
// release/v2.326.0 `linkerd/tls/src/client.rs`: `tls="true"` + `server_id`, or `tls="no_identity"` +
// `no_tls_reason`), outbound `dst_*` labels from the destination controller (linkerd2 edge-25.10.7
// `pkg/k8s/labels.go` `GetPodLabels`), TCP families on the client side `peer="dst"`
// (`linkerd/transport-metrics/src/lib.rs`). `linkerd viz edges` keeps only edges with open
// connections (`viz/metrics-api/edges.go` drops zero samples) and derives CLIENT_ID from the source
// pod (`pkg/k8s/k8s.go` `PodIdentity`).
import { edgeReports } from './edgeReports';
import { EdgeResponses, MetricsWindow } from './metricsWindow';

const webUi = { namespace: 'auto-brand', kind: 'Deployment', name: 'web-ui' };
const orchestrator = { namespace: 'auto-brand', kind: 'Deployment', name: 'orchestrator' };
const nats = { namespace: 'auto-brand', kind: 'StatefulSet', name: 'nats' };
const batch = { namespace: 'auto-brand', kind: 'Deployment', name: 'batch' };
const orchestratorId = 'orchestrator.auto-brand.serviceaccount.identity.linkerd.cluster.local';
const natsId = 'nats.auto-brand.serviceaccount.identity.linkerd.cluster.local';

const resp = (r: Partial<EdgeResponses> & { count: number }): EdgeResponses => ({
  workload: webUi, dst: orchestrator, tls: 'true', serverId: orchestratorId, classification: 'success', ...r,
});

function window(rows: Partial<MetricsWindow>): MetricsWindow {
  return { cluster: 'c', windowSeconds: 100, end: 0, inbound: [], latency: [], edges: [], edgeResponses: [], edgeLatency: [], crypto: [], leafExpiry: [], ...rows };
}

describe('edgeReports (item 3)', () => {
  it('is mtls only when all of the edge traffic is; a mixed edge is partial with its share', () => {
    const mixed = window({ edgeResponses: [resp({ count: 900 }), resp({ tls: 'no_identity', serverId: undefined, noTlsReason: 'not_provided_by_service_discovery', count: 100 })] });
    const { callers } = edgeReports([mixed], [{ cluster: 'c', ...orchestrator }]);
    expect(callers).toHaveLength(1);
    expect(callers[0]).toMatchObject({ peer: 'auto-brand/Deployment/web-ui', protocol: 'http', security: 'partial', tlsShare: 0.9, serverId: orchestratorId, noTlsReason: 'not_provided_by_service_discovery' });
    const secured = edgeReports([window({ edgeResponses: [resp({ count: 1000 })] })], [{ cluster: 'c', ...orchestrator }]);
    expect(secured.callers[0]).toMatchObject({ security: 'mtls', tlsShare: 1 });
  });

  it('gives a TCP-only edge (NATS) its security from bytes, as TCP', () => {
    const tcp = window({
      edgeBytes: [{ workload: orchestrator, dst: nats, tls: 'true', serverId: natsId, bytes: 5_000_000 }],
      edges: [{ workload: orchestrator, dst: nats, tls: 'true', serverId: natsId, connections: 2 }],
    });
    const { callees } = edgeReports([tcp], [{ cluster: 'c', ...orchestrator }]);
    expect(callees).toEqual([expect.objectContaining({ peer: 'auto-brand/StatefulSet/nats', protocol: 'tcp', security: 'mtls', tlsShare: 1, rps: 0, connections: 2, serverId: natsId })]);
  });

  it('drops an edge with neither open connections nor traffic in the window, keeps one with traffic but no open connection', () => {
    const w = window({
      edges: [{ workload: batch, dst: orchestrator, tls: 'true', serverId: orchestratorId, connections: 0 }],
      edgeResponses: [resp({ count: 50 })],
    });
    const { callers } = edgeReports([w], [{ cluster: 'c', ...orchestrator }]);
    expect(callers.map(e => e.peer)).toEqual(['auto-brand/Deployment/web-ui']);
  });
});
