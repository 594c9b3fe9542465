// Conformance (issue 13, items 1 and 2): which inbound traffic counts in the mTLS share.
// Label sets follow the proxy's own: inbound endpoint labels (linkerd2-proxy release/v2.326.0
// `linkerd/app/core/src/metrics.rs`, `linkerd/app/core/src/transport/labels.rs`), TLS accept labels
// (`linkerd/tls/src/server.rs`: `tls="no_identity"` + `no_tls_reason="no_tls_from_remote"`), the
// probe route of the policy controller (linkerd2 edge-25.10.7
// `policy-controller/k8s/index/src/inbound/index.rs`: `RouteRef::Default("probe")`) and the admin
// server's metrics (linkerd2-proxy `linkerd/app/admin/src/stack.rs`: inbound endpoint labels, admin port).
import { mtlsReport } from './mtls';
import { plaintextFindings } from './plaintextFindings';
import { InboundResponses, MetricsWindow } from './metricsWindow';

const orchestrator = { namespace: 'auto-brand', kind: 'Deployment', name: 'orchestrator' };
const nats = { namespace: 'auto-brand', kind: 'StatefulSet', name: 'nats' };
const webUiId = 'web-ui.auto-brand.serviceaccount.identity.linkerd.cluster.local';
const prometheusId = 'prometheus.linkerd-viz.serviceaccount.identity.linkerd.cluster.local';
const plaintext = { tls: 'no_identity', noTlsReason: 'no_tls_from_remote' };

const row = (r: Partial<InboundResponses> & { count: number }): InboundResponses => ({
  workload: orchestrator, tls: 'true', classification: 'success', targetPort: '8080', routeName: 'default', ...r,
});

function window(rows: Partial<MetricsWindow>): MetricsWindow {
  return { cluster: 'c', windowSeconds: 3600, end: 0, inbound: [], latency: [], edges: [], edgeResponses: [], edgeLatency: [], crypto: [], leafExpiry: [], ...rows };
}

const w = (workload = orchestrator) => [{ cluster: 'c', ...workload }];

describe('mtlsReport: kubelet probes and the admin port (item 1)', () => {
  const probed = window({
    inbound: [
      row({ clientId: webUiId, count: 21600 }),
      // Kubelet probes: plaintext on the app port, on the policy controller's `probe` route.
      row({ ...plaintext, routeName: 'probe', count: 720 }),
      // Admin port: an unmeshed Prometheus scraping /metrics, the proxy's own /live and /ready probes.
      row({ ...plaintext, targetPort: '4191', count: 360 }),
      row({ ...plaintext, targetPort: '4191', routeName: 'probe', count: 1440 }),
      // A meshed Prometheus scraping the admin port over mTLS is not a caller either.
      row({ clientId: prometheusId, targetPort: '4191', count: 360 }),
    ],
  });

  it('leaves probes and admin traffic out of the share: 100 % with every caller meshed', () => {
    const m = mtlsReport([probed], w(), { ingressFacing: false })!;
    expect(m.inboundTlsRatio).toBe(1);
    expect(m.inboundRequests).toBe(21600);
    expect(m.byClient).toEqual([{ clientId: webUiId, requests: 21600, share: 1 }]);
    expect(m.plaintext).toEqual([]);
    expect(m.excluded).toEqual([{ kind: 'probe', requests: 2160 }, { kind: 'admin', requests: 720 }]);
  });

  it('raises no plaintext-inbound finding for probes', () => {
    expect(plaintextFindings(mtlsReport([probed], w(), { ingressFacing: false }))).toEqual([]);
  });

  it('still counts a real plaintext caller on the app port', () => {
    const m = mtlsReport([window({ inbound: [...probed.inbound, row({ ...plaintext, count: 2400 })] })], w(), { ingressFacing: false })!;
    expect(m.inboundTlsRatio).toBeCloseTo(21600 / 24000, 6);
    expect(plaintextFindings(m)[0].code).toBe('plaintext-inbound');
  });
});

describe('mtlsReport: TCP-only servers from the TCP families (item 2)', () => {
  // NATS: opaque client port 4222 (no HTTP), HTTP monitoring on 8222 probed by the kubelet.
  const tcp = (tls: 'true' | 'no_identity', bytes: number, connections: number, clientId?: string) => ({
    workload: nats, targetPort: '4222', tls, clientId, noTlsReason: tls === 'true' ? undefined : 'no_tls_from_remote', bytes, connections,
  });
  const natsWindow = (rows: ReturnType<typeof tcp>[]) => window({
    inbound: [row({ workload: nats, ...plaintext, targetPort: '8222', routeName: 'probe', count: 720 })],
    inboundTcp: [
      ...rows,
      // The HTTP probe connections on 8222 also show in the TCP families: not TCP-only traffic.
      { workload: nats, targetPort: '8222', tls: 'no_identity', noTlsReason: 'no_tls_from_remote', bytes: 90_000, connections: 0 },
      // Admin port connections (scrapes).
      { workload: nats, targetPort: '4191', tls: 'no_identity', noTlsReason: 'no_tls_from_remote', bytes: 50_000, connections: 0 },
    ],
  });

  it('gives a NATS server its mTLS share from bytes read', () => {
    const m = mtlsReport([natsWindow([tcp('true', 3_000_000, 4, 'orchestrator.auto-brand.serviceaccount.identity.linkerd.cluster.local'), tcp('true', 1_000_000, 2, 'publisher.auto-brand.serviceaccount.identity.linkerd.cluster.local')])], w(nats), { ingressFacing: false })!;
    expect(m.tcp).toMatchObject({ inboundTlsRatio: 1, bytes: 4_000_000, connections: 6 });
    expect(m.tcp!.byClient.map(c => c.share)).toEqual([0.75, 0.25]);
    expect(m.inboundTlsRatio).toBe(1);
    expect(m.inboundRequests).toBe(0);
    expect(plaintextFindings(m)).toEqual([]);
  });

  it('names plaintext TCP clients and lowers the share', () => {
    const m = mtlsReport([natsWindow([tcp('true', 3_000_000, 4, 'orchestrator.auto-brand.serviceaccount.identity.linkerd.cluster.local'), tcp('no_identity', 1_000_000, 1)])], w(nats), { ingressFacing: false })!;
    expect(m.inboundTlsRatio).toBe(0.75);
    expect(m.tcp!.plaintext).toEqual([{ reason: 'no_tls_from_remote', bytes: 1_000_000, connections: 1, share: 0.25, expected: false }]);
    expect(plaintextFindings(m)[0].message).toContain('25.0 % of inbound TCP traffic arrives without mTLS');
  });

  it('weighs idle long-lived connections when no byte moved in the window', () => {
    const m = mtlsReport([natsWindow([tcp('true', 0, 3), tcp('no_identity', 0, 1)])], w(nats), { ingressFacing: false })!;
    expect(m.tcp!.inboundTlsRatio).toBe(0.75);
  });
});
