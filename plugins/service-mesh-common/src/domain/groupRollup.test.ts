import { EntityMeshReport } from '../api/EntityMeshReport';
import { groupRollup } from './groupRollup';

const report = (ref: string, meshed: number, total: number, extra: Partial<EntityMeshReport> = {}): EntityMeshReport => ({
  entityRef: ref, generatedAt: '', state: meshed === total ? 'meshed' : 'partial', clusters: [], runbook: { steps: [] }, errors: [],
  workloads: [{ cluster: 'c', namespace: 'n', kind: 'Deployment', name: ref, state: 'meshed', meshedPods: meshed, totalPods: total, nativeSidecar: false }],
  findings: [{ code: 'udp-not-proxied', severity: 'warning', message: '' }, { code: 'linkerd-not-installed', severity: 'info', message: '' }],
  ...extra,
});

describe('groupRollup', () => {
  it('weights pod and mTLS coverage, finds the worst success rate and counts warnings', () => {
    const r = groupRollup('group:default/team', ['group:default/team'], [
      report('a', 2, 2, { mtls: { inboundTlsRatio: 1, inboundRequests: 300, byClient: [], plaintext: [], outbound: [] }, goldenMetrics: { successRate: 0.99, rps: 5, latencyMs: { p50: 1, p95: 2, p99: 3 } } }),
      report('b', 0, 2, { mtls: { inboundTlsRatio: 0, inboundRequests: 100, byClient: [], plaintext: [], outbound: [] }, goldenMetrics: { successRate: 0.9, rps: 1, latencyMs: { p50: 1, p95: 2, p99: 3 } } }),
    ]);
    expect([r.meshedPodRatio, r.mtlsInboundRatio, r.worstSuccessRate, r.warnings]).toEqual([0.5, 0.75, { entityRef: 'b', successRate: 0.9 }, 2]);
  });
  it('leaves ratios undefined without pods or traffic', () => {
    const r = groupRollup('group:default/team', [], []);
    expect([r.meshedPodRatio, r.mtlsInboundRatio, r.worstSuccessRate, r.entities]).toEqual([undefined, undefined, undefined, []]);
  });
});
