import { analyzeCluster } from './clusterMesh';
import { entityMatcher } from './entityMatch';
import { buildEntityReport, entityState, matchEntityWorkloads } from './entityReport';
import { clusterFromManifests, readManifest } from './__testUtils__/manifestCluster';

const NOW = new Date('2026-11-20T12:00:00Z');
const docs = [...readManifest('emojivoto_deployment.golden.yaml'), ...readManifest('emojivoto_statefulset.golden.yaml')].map(d => ({
  ...d,
  metadata: { ...d.metadata, name: `${d.metadata.name}-${d.kind.toLowerCase()}` },
  spec: { ...d.spec, template: { ...d.spec.template, metadata: { ...d.spec.template.metadata, labels: { ...d.spec.template.metadata.labels, 'backstage.io/kubernetes-id': d.kind === 'Deployment' ? 'web' : 'db' } } } },
}));
const mesh = analyzeCluster(clusterFromManifests(docs, { linkerdVersion: 'test-inject-proxy-version' }), NOW);
const entity = (annotations: Record<string, string>) => ({ kind: 'Component', metadata: { name: 'x', annotations } });

describe('entity reports', () => {
  it('finds the same workloads through the kubernetes-id index as through a label-selector scan', () => {
    const indexed = matchEntityWorkloads(entityMatcher(entity({ 'backstage.io/kubernetes-id': 'web' })), [mesh]);
    const scanned = matchEntityWorkloads(entityMatcher(entity({ 'backstage.io/kubernetes-label-selector': 'backstage.io/kubernetes-id in (web)' })), [mesh]);
    expect(indexed[0].workloads.map(a => a.workload.name)).toEqual(['web-deployment']);
    expect(scanned[0].workloads.map(a => a.workload.name)).toEqual(['web-deployment']);
  });

  it('reports state, workloads and cluster summary, and no-workloads for an unknown id', () => {
    const report = buildEntityReport({ entityRef: 'component:default/web', now: NOW, matcher: entityMatcher(entity({ 'backstage.io/kubernetes-id': 'web' })), clusters: [mesh], errors: [] });
    expect([report.state, report.workloads.map(w => `${w.kind}/${w.name} ${w.meshedPods}/${w.totalPods}`), report.clusters[0].linkerdVersion]).toEqual(['meshed', ['Deployment/web-deployment 1/1'], 'test-inject-proxy-version']);
    const none = buildEntityReport({ entityRef: 'component:default/nope', now: NOW, matcher: entityMatcher(entity({ 'backstage.io/kubernetes-id': 'nope' })), clusters: [mesh], errors: [] });
    expect([none.state, none.workloads, none.findings, none.goldenMetrics, none.mtls]).toEqual(['no-workloads', [], [], undefined, undefined]);
  });

  // viz counts no Succeeded pod (linkerd2 controller/k8s/api.go isPendingOrRunning): a CronJob
  // between runs is 0/0; the entity takes its workload's state (the last run's) instead of "unmeshed".
  it('takes the workloads\' states when no pod is counted', () => {
    const w = (state: 'meshed' | 'unmeshed', total = 0) => ({ cluster: 'c', namespace: 'n', kind: 'CronJob', name: 'x', state, meshedPods: state === 'meshed' ? total : 0, totalPods: total, nativeSidecar: true });
    expect(entityState([w('meshed')])).toBe('meshed');
    expect(entityState([w('meshed'), w('unmeshed')])).toBe('partial');
    expect(entityState([w('unmeshed')])).toBe('unmeshed');
    expect(entityState([w('meshed', 2), w('meshed')])).toBe('meshed');
  });
});
