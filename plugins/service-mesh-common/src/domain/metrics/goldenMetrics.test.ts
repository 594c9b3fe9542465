import { goldenMetrics } from './goldenMetrics';
import { mtlsReport } from './mtls';
import { plaintextFindings } from './plaintextFindings';
import { MetricsWindow } from './metricsWindow';

const cart = { namespace: 'shop', kind: 'Deployment', name: 'cart' };
const web = { namespace: 'shop', kind: 'Deployment', name: 'web' };
const window: MetricsWindow = {
  cluster: 'c', windowSeconds: 60, end: 0,
  inbound: [
    { workload: cart, tls: 'true', clientId: 'web.shop.serviceaccount.identity.linkerd.cluster.local', classification: 'success', count: 490 },
    { workload: cart, tls: 'true', clientId: 'web.shop.serviceaccount.identity.linkerd.cluster.local', classification: 'failure', count: 10 },
    { workload: cart, tls: 'no_identity', noTlsReason: 'no_tls_from_remote', classification: 'success', count: 100 },
    { workload: web, tls: 'no_identity', noTlsReason: 'no_tls_from_remote', classification: 'success', count: 300 },
  ],
  latency: [
    { workload: cart, le: 10, count: 300 }, { workload: cart, le: 100, count: 600 }, { workload: cart, le: Infinity, count: 600 },
    { workload: web, le: 10, count: 0 }, { workload: web, le: 100, count: 300 }, { workload: web, le: Infinity, count: 300 },
  ],
  edgeResponses: [],
  edgeLatency: [],
  edges: [{ workload: web, dst: cart, serverId: 'cart.shop.serviceaccount.identity.linkerd.cluster.local', connections: 4 }],
  crypto: [{ workload: cart, suites: ['TLS13_AES_128_GCM_SHA256'], kxGroups: ['X25519MLKEM768', 'X25519'], fips: false }],
  leafExpiry: [{ workload: cart, expiresAt: 1_800_000_000 }],
};

describe('goldenMetrics', () => {
  it('computes success rate, RPS and quantiles of one workload like viz stat', () => {
    expect(goldenMetrics([window], [{ cluster: 'c', ...cart }])).toEqual({
      // p95: rank 570 falls in (10, 100] holding 300 → 10 + 90 × 270/300 = 91.
      successRate: Number((590 / 600).toFixed(6)), rps: 10, latencyMs: { p50: 10, p95: 91, p99: 98.2 },
    });
  });

  it('weights by requests across workloads (counts and buckets summed first)', () => {
    const g = goldenMetrics([window], [{ cluster: 'c', ...cart }, { cluster: 'c', ...web }])!;
    expect(g.successRate).toBeCloseTo(890 / 900, 6);
    expect(g.rps).toBe(15);
    // Merged buckets: 300 ≤ 10 ms, 900 ≤ 100 ms; rank 450 → 10 + 90 × 150/600.
    expect(g.latencyMs.p50).toBe(32.5);
  });

  it('is undefined without requests, or for workloads of another cluster', () => {
    expect(goldenMetrics([window], [{ cluster: 'other', ...cart }])).toBeUndefined();
  });
});

describe('mtlsReport', () => {
  it('splits inbound traffic by client identity and plaintext reason', () => {
    const m = mtlsReport([window], [{ cluster: 'c', ...cart }], { ingressFacing: false })!;
    expect(m.inboundTlsRatio).toBeCloseTo(500 / 600, 6);
    expect(m.byClient).toEqual([{ clientId: 'web.shop.serviceaccount.identity.linkerd.cluster.local', requests: 500, share: Number((500 / 600).toFixed(6)) }]);
    expect(m.plaintext).toEqual([{ reason: 'no_tls_from_remote', requests: 100, share: Number((100 / 600).toFixed(6)), expected: false }]);
    expect(m.crypto).toEqual({ suites: ['TLS13_AES_128_GCM_SHA256'], kxGroups: ['X25519MLKEM768', 'X25519'], postQuantumPreferred: true, fips: false });
    expect(m.leafCertificateExpiresAt).toBe('2027-01-15T08:00:00.000Z');
  });

  it('marks unmeshed clients of an ingress-facing entity as expected, and lists outbound edges', () => {
    const m = mtlsReport([window], [{ cluster: 'c', ...web }], { ingressFacing: true })!;
    expect(m.inboundTlsRatio).toBe(0);
    expect(m.plaintext[0].expected).toBe(true);
    expect(m.outbound).toEqual([{ cluster: 'c', from: 'shop/Deployment/web', to: 'shop/Deployment/cart', serverId: 'cart.shop.serviceaccount.identity.linkerd.cluster.local', noTlsReason: undefined, connections: 4 }]);
  });
});

describe('plaintext-inbound', () => {
  it('is raised for unexpected plaintext and not for an ingress-facing entity (near miss)', () => {
    const cartOnly = [{ cluster: 'c', ...cart }];
    expect(plaintextFindings(mtlsReport([window], cartOnly, { ingressFacing: false })).map(f => f.code)).toEqual(['plaintext-inbound']);
    expect(plaintextFindings(mtlsReport([window], cartOnly, { ingressFacing: true }))).toEqual([]);
  });
});
