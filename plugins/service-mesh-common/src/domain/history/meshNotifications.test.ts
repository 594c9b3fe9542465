import { EntityMeshReport } from '../../api/EntityMeshReport';
import { historyPoint } from './historyPoint';
import { meshNotifications } from './meshNotifications';

function report(overrides: Partial<EntityMeshReport> = {}): EntityMeshReport {
  return {
    entityRef: 'component:default/orchestrator',
    generatedAt: '2026-11-27T12:00:00.000Z',
    state: 'meshed',
    workloads: [{ cluster: 'homelab', namespace: 'auto-brand', kind: 'Deployment', name: 'orchestrator', state: 'partial', meshedPods: 1, totalPods: 2, nativeSidecar: false }],
    findings: [],
    clusters: [],
    adoption: {
      score: 72,
      recommendation: 'adopt-now',
      explanation: 'observability fired',
      triggers: [
        { id: 'observability', fired: true, strength: 1, evidence: ['3 of 4 services export no golden metrics'] },
        { id: 'scale', fired: false, strength: 0.4, evidence: ['8 services, the bar is 20'] },
      ],
      cost: { sidecarMemoryMiB: 40, controlPlaneMemoryMiB: 300, totalMemoryMiB: 400, statements: [] },
    },
    runbook: { steps: [] },
    errors: [],
    ...overrides,
  } as EntityMeshReport;
}

const at = (iso: string) => new Date(iso);

describe('historyPoint', () => {
  it('records score, fired triggers and coverage', () => {
    const r = report({ mtls: { inboundTlsRatio: 0.9, inboundRequests: 100 } as any });
    expect(historyPoint(r, at('2026-11-27T12:00:00Z'))).toEqual({
      recordedAt: '2026-11-27T12:00:00.000Z',
      state: 'meshed',
      score: 72,
      recommendation: 'adopt-now',
      triggersFired: ['observability'],
      meshedPodRatio: 0.5,
      mtlsInboundRatio: 0.9,
    });
  });

  it('leaves out ratios it cannot know', () => {
    const p = historyPoint(report({ workloads: [], mtls: { inboundTlsRatio: 0, inboundRequests: 0 } as any }), at('2026-11-27T12:00:00Z'));
    expect(p.meshedPodRatio).toBeUndefined();
    expect(p.mtlsInboundRatio).toBeUndefined();
  });
});

describe('meshNotifications', () => {
  const current = (mtls?: number) => ({ recordedAt: '2026-11-27T12:15:00.000Z', state: 'meshed' as const, triggersFired: [], mtlsInboundRatio: mtls });
  const previous = (mtls?: number) => ({ recordedAt: '2026-11-27T12:00:00.000Z', state: 'meshed' as const, triggersFired: [], mtlsInboundRatio: mtls });

  it('notifies a trigger the first time it fires, with its evidence, and never again', () => {
    const first = meshNotifications({ report: report(), current: current(), sent: new Set() });
    expect(first).toEqual([expect.objectContaining({ key: 'trigger-fired:observability', severity: 'normal' })]);
    expect(first[0].title).toBe('component:default/orchestrator: the observability adoption trigger fired');
    expect(first[0].description).toContain('3 of 4 services export no golden metrics');
    expect(first[0].description).toContain('adopt-now (score 72)');
    expect(meshNotifications({ report: report(), current: current(), sent: new Set(['trigger-fired:observability']) })).toEqual([]);
  });

  it('notifies an mTLS drop at the threshold, not just below it', () => {
    const drop = meshNotifications({ report: report({ adoption: undefined }), current: current(0.85), previous: previous(0.9), sent: new Set() });
    expect(drop).toEqual([expect.objectContaining({ key: 'mtls-drop:2026-11-27T12:00:00.000Z', severity: 'high', title: 'component:default/orchestrator: inbound mTLS coverage dropped from 90.0% to 85.0%' })]);
    expect(meshNotifications({ report: report({ adoption: undefined }), current: current(0.86), previous: previous(0.9), sent: new Set() })).toEqual([]);
    expect(meshNotifications({ report: report({ adoption: undefined }), current: current(0.5), previous: previous(undefined), sent: new Set() })).toEqual([]);
    expect(meshNotifications({ report: report({ adoption: undefined }), current: current(0.5), previous: previous(0.9), sent: new Set(), rules: { mtlsDrop: 0.5 } })).toEqual([]);
  });

  it('notifies a meshed entity that regresses to partial, once per regression', () => {
    const was = { ...previous(), state: 'meshed' as const };
    const r = report({ adoption: undefined, state: 'partial' });
    const out = meshNotifications({ report: r, current: { ...current(), state: 'partial' }, previous: was, sent: new Set() });
    expect(out).toEqual([expect.objectContaining({ key: 'mesh-regressed:2026-11-27T12:00:00.000Z', title: 'component:default/orchestrator is no longer fully meshed: 1 of 2 pods run the Linkerd proxy' })]);
    expect(meshNotifications({ report: r, current: { ...current(), state: 'partial' }, previous: { ...was, state: 'partial' }, sent: new Set() })).toEqual([]);
    expect(meshNotifications({ report: r, current: { ...current(), state: 'meshed' }, previous: was, sent: new Set() })).toEqual([]);
  });

  it('notifies a certificate entering the 60-day window once per certificate', () => {
    const finding = { code: 'certificate-expiring' as const, severity: 'warning' as const, message: 'The trust anchor expires on 2027-01-10 (in 44 days ...): rotate it.', cluster: 'homelab', expiresAt: '2027-01-10T00:00:00.000Z' };
    const r = report({ adoption: undefined, findings: [finding, { ...finding, message: 'same certificate, other text' }] });
    const out = meshNotifications({ report: r, current: current(), sent: new Set() });
    expect(out).toEqual([expect.objectContaining({ key: 'certificate-expiring:homelab:2027-01-10T00:00:00.000Z', description: finding.message })]);
    expect(meshNotifications({ report: r, current: current(), sent: new Set([out[0].key]) })).toEqual([]);
  });

  it('notifies nothing while a source is degraded', () => {
    const r = report({ errors: [{ source: 'prometheus:homelab', message: 'timeout' }] });
    expect(meshNotifications({ report: r, current: current(0.1), previous: previous(0.9), sent: new Set() })).toEqual([]);
  });
});
