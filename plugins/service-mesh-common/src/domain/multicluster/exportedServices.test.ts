// Export rules checked against linkerd2 edge-25.10.7: the Link's default selectors
// `mirror.linkerd.io/exported=true` (gateway), `mirror.linkerd.io/exported=remote-discovery`,
// `mirror.linkerd.io/federated=member` (`multicluster/cmd/link.go` newLinkOptionsWithDefault, label
// names in `pkg/k8s/labels.go`); a mirror is named `<svc>-<targetClusterName>` in the Service's
// namespace and a federated Service lists `svc@cluster` (`multicluster/service-mirror/cluster_watcher.go`).
import { analyzeCluster } from '../clusterMesh';
import { entityMatcher } from '../entityMatch';
import { buildEntityReport, matchEntityWorkloads } from '../entityReport';
import { clusterWith, link, service } from '../__testUtils__/multiclusterCluster';
import { exportedServices, exportMode } from './exportedServices';

const NOW = new Date('2026-11-20T12:00:00Z');
const apps = [{ ns: 'auto-brand', app: 'render', id: 'render' }];
// cloud-vps exports render (gateway mode) and search (federated); homelab links to cloud-vps and holds the mirrors.
const vps = analyzeCluster(clusterWith('cloud-vps', {
  apps,
  services: [
    service('auto-brand', 'render', { 'mirror.linkerd.io/exported': 'true' }, { app: 'render' }),
    service('auto-brand', 'render-admin', {}, { app: 'render' }),
    service('auto-brand', 'render-search', { 'mirror.linkerd.io/federated': 'member' }, { app: 'render' }),
  ],
}), NOW);
const homelab = analyzeCluster(clusterWith('homelab', {
  apps,
  links: [link('cloud-vps')],
  services: [
    service('auto-brand', 'render', {}, { app: 'render' }),
    service('auto-brand', 'render-cloud-vps', { 'mirror.linkerd.io/mirrored-service': 'true', 'mirror.linkerd.io/cluster-name': 'cloud-vps' }, undefined, { 'mirror.linkerd.io/remote-svc-fq-name': 'render.auto-brand.svc.cluster.local' }),
    service('auto-brand', 'render-search-federated', { 'mirror.linkerd.io/mirrored-service': 'true' }, undefined, { 'multicluster.linkerd.io/remote-discovery': 'render-search@cloud-vps' }),
  ],
}), NOW);
const entity = { kind: 'Component', metadata: { name: 'render', annotations: { 'backstage.io/kubernetes-id': 'render' } } };

describe('exported Services of an entity', () => {
  it.each([
    ['exported=true', { 'mirror.linkerd.io/exported': 'true' }, 'gateway'],
    ['exported=remote-discovery', { 'mirror.linkerd.io/exported': 'remote-discovery' }, 'remote-discovery'],
    ['federated=member', { 'mirror.linkerd.io/federated': 'member' }, 'federated'],
    ['exported=false', { 'mirror.linkerd.io/exported': 'false' }, undefined],
    ['no label', {}, undefined],
  ])('%s', (_, labels, mode) => {
    expect(exportMode(service('ns', 's', labels), [])).toBe(mode);
  });

  it('follows a visible Link\'s own selector when it is not the default', () => {
    const custom = link('cloud-vps', { selector: { matchLabels: { tier: 'shared' } } });
    expect(exportMode(service('ns', 's', { tier: 'shared' }), [custom])).toBe('gateway');
    expect(exportMode(service('ns', 's', { tier: 'private' }), [custom])).toBeUndefined();
  });

  it('lists the entity\'s exported Services with the mirrors seen in the other clusters', () => {
    const matched = matchEntityWorkloads(entityMatcher(entity), [vps, homelab]);
    expect(exportedServices(matched, [vps, homelab])).toEqual([
      { cluster: 'cloud-vps', namespace: 'auto-brand', name: 'render', exportedAs: 'gateway', mirroredIn: [{ cluster: 'homelab', service: 'auto-brand/render-cloud-vps', link: 'cloud-vps' }] },
      { cluster: 'cloud-vps', namespace: 'auto-brand', name: 'render-search', exportedAs: 'federated', mirroredIn: [{ cluster: 'homelab', service: 'auto-brand/render-search-federated', link: 'cloud-vps' }] },
    ]);
  });

  it('an exported Service no configured cluster mirrors has no mirrors listed', () => {
    const matched = matchEntityWorkloads(entityMatcher(entity), [vps]);
    expect(exportedServices(matched, [vps]).map(e => e.mirroredIn)).toEqual([[], []]);
  });

  // Matching needs nothing multi-cluster: the entity's matcher looks in every configured cluster
  // (entityMatch.ts), so an entity in two linked clusters is one entity with both clusters' workloads.
  it('an entity in two linked clusters is one entity with both clusters\' workloads', () => {
    const report = buildEntityReport({ entityRef: 'component:default/render', now: NOW, matcher: entityMatcher(entity), clusters: [vps, homelab], errors: [] });
    expect(report.workloads.map(w => `${w.cluster}/${w.kind}/${w.name}`)).toEqual(['cloud-vps/Deployment/render', 'homelab/Deployment/render']);
    expect(report.clusters.map(c => c.name)).toEqual(['cloud-vps', 'homelab']);
  });
});
