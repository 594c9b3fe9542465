// Mesh expansion rules checked against linkerd2 edge-25.10.7: an ExternalWorkload is ready when a
// `Ready` condition is `True` (`controller/api/destination/external-workload/controller_util.go` IsEwReady);
// its identity is `spec.meshTLS.identity` (CRD workload.linkerd.io v1beta1, shared/data/linkerd-2.19/crds/external-workload.yaml).
import { analyzeCluster } from '../clusterMesh';
import { buildClusterReport } from '../clusterReport';
import { entityMatcher } from '../entityMatch';
import { buildEntityReport } from '../entityReport';
import { clusterWith } from '../__testUtils__/multiclusterCluster';
import { externalWorkloadReady } from './externalWorkloads';

const NOW = new Date('2026-11-20T12:00:00Z');
const ew = (name: string, labels: Record<string, string>, conditions: unknown[]) => ({
  apiVersion: 'workload.linkerd.io/v1beta1', kind: 'ExternalWorkload',
  metadata: { name, namespace: 'auto-brand', labels },
  spec: { meshTLS: { identity: `spiffe://root.linkerd.cluster.local/${name}`, serverName: `${name}.cluster.local` }, workloadIPs: [{ ip: '192.168.1.50' }], ports: [{ port: 8080, name: 'http' }] },
  status: { conditions },
});
const ready = [{ type: 'Ready', status: 'True' }];
const mesh = analyzeCluster(clusterWith('homelab', {
  apps: [{ ns: 'auto-brand', app: 'transcoder', id: 'transcoder' }],
  externalWorkloads: [
    ew('transcoder-vm', { app: 'transcoder', 'backstage.io/kubernetes-id': 'transcoder' }, ready),
    ew('backup-vm', { app: 'backup' }, [{ type: 'Ready', status: 'False', reason: 'ProbeFailed' }]),
  ],
}), NOW);
const entity = (id: string) => ({ kind: 'Component', metadata: { name: id, annotations: { 'backstage.io/kubernetes-id': id } } });

describe('ExternalWorkloads', () => {
  it.each([
    ['Ready True', ready, { ready: true }],
    ['Ready False with a reason', [{ type: 'Ready', status: 'False', reason: 'ProbeFailed' }], { ready: false, reason: 'ProbeFailed' }],
    ['Ready Unknown without reason', [{ type: 'Ready', status: 'Unknown' }], { ready: false, reason: 'Ready is Unknown' }],
    ['no conditions', [], { ready: false, reason: 'no Ready condition' }],
  ])('readiness: %s', (_, conditions, expected) => {
    expect(externalWorkloadReady(conditions)).toEqual(expected);
  });

  it('matches an entity like its pods (backstage.io/kubernetes-id) and counts as a meshed workload beside them', () => {
    const report = buildEntityReport({ entityRef: 'component:default/transcoder', now: NOW, matcher: entityMatcher(entity('transcoder')), clusters: [mesh], errors: [] });
    expect(report.workloads.map(w => [w.kind, w.name, w.state, w.totalPods])).toEqual([['Deployment', 'transcoder', 'unmeshed', 1], ['ExternalWorkload', 'transcoder-vm', 'meshed', 0]]);
    expect(report.workloads[1].external).toEqual({ identity: 'spiffe://root.linkerd.cluster.local/transcoder-vm', serverName: 'transcoder-vm.cluster.local', ready: true, workloadIPs: ['192.168.1.50'], ports: [{ port: 8080, name: 'http' }] });
    // Unmeshed pods beside a proxy-running ExternalWorkload: partly meshed.
    expect(report.state).toBe('partial');
  });

  it('matches by a label selector too; an entity with only an ExternalWorkload is meshed', () => {
    const bySelector = { kind: 'Component', metadata: { name: 'backup', annotations: { 'backstage.io/kubernetes-label-selector': 'app=backup' } } };
    const report = buildEntityReport({ entityRef: 'component:default/backup', now: NOW, matcher: entityMatcher(bySelector), clusters: [mesh], errors: [] });
    expect([report.state, report.workloads.map(w => [w.name, w.external?.ready, w.external?.readyReason])]).toEqual(['meshed', [['backup-vm', false, 'ProbeFailed']]]);
  });

  it('counts ExternalWorkloads as meshed workloads of the cluster, not as pods', () => {
    const report = buildClusterReport({ name: 'homelab', source: 'snapshot', synced: true, now: NOW, mesh, errors: [] });
    expect(report.counts).toEqual({ namespaces: 1, workloads: 3, meshedWorkloads: 2, pods: 1, meshedPods: 0, externalWorkloads: 2 });
  });
});
