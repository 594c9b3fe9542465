// Multi-cluster rules checked against linkerd2 edge-25.10.7:
// - mirror Services: `multicluster/service-mirror/cluster_watcher.go` (mirrorServiceName `<svc>-<target>`,
//   getMirrorServiceLabels: `mirror.linkerd.io/mirrored-service=true`, `mirror.linkerd.io/cluster-name`,
//   remote discovery adds `multicluster.linkerd.io/remote-discovery` and `…/remote-service`;
//   getMirrorServiceAnnotations: `mirror.linkerd.io/remote-svc-fq-name`); label names in `pkg/k8s/labels.go`;
// - federated Services: same file (federatedServiceName `<svc>-federated`, getFederatedServiceAnnotations
//   `multicluster.linkerd.io/remote-discovery: svc@cluster`, `…/local-discovery`);
// - gateway probes: `multicluster/service-mirror/metrics.go` (gateway_enabled, gateway_alive, gateway_latency,
//   gateway_probe_latency_ms by `target_cluster_name`), `probe_worker.go` (latency set on success only),
//   `multicluster/cmd/gateways.go` (how `linkerd multicluster gateways` reads them);
// - Link spec fields: `multicluster/charts/.../link-crd.yaml` as shipped in shared/data/linkerd-2.19/crds/multicluster-link.yaml.
import { clusterMulticluster, federatedServiceOf, mirroredServiceOf } from './clusterMulticluster';
import { clusterMulticlusterReport, gatewayProbeState } from './gatewayProbes';
import { link, service } from '../__testUtils__/multiclusterCluster';

const mirror = service('auto-brand', 'render-gpu-cloud-vps', { 'mirror.linkerd.io/mirrored-service': 'true', 'mirror.linkerd.io/cluster-name': 'cloud-vps', app: 'render-gpu' }, undefined, { 'mirror.linkerd.io/remote-svc-fq-name': 'render-gpu.gpu.svc.cluster.local' });
const remoteDiscovery = service('auto-brand', 'cache-cloud-vps', { 'mirror.linkerd.io/mirrored-service': 'true', 'mirror.linkerd.io/cluster-name': 'cloud-vps', 'multicluster.linkerd.io/remote-discovery': 'cloud-vps', 'multicluster.linkerd.io/remote-service': 'cache' });
const federated = service('auto-brand', 'search-federated', { 'mirror.linkerd.io/mirrored-service': 'true' }, undefined, { 'multicluster.linkerd.io/remote-discovery': 'search@cloud-vps,search@east', 'multicluster.linkerd.io/local-discovery': 'search' });
const plain = service('auto-brand', 'orchestrator', { app: 'orchestrator' }, { app: 'orchestrator' });

describe('mirror and federated Services', () => {
  it.each([
    ['a gateway mirror, its target from the fq-name annotation', mirror, { namespace: 'auto-brand', name: 'render-gpu-cloud-vps', targetCluster: 'cloud-vps', targetService: 'gpu/render-gpu', mode: 'gateway' }],
    ['a remote-discovery mirror, its target from multicluster.linkerd.io/remote-service', remoteDiscovery, { namespace: 'auto-brand', name: 'cache-cloud-vps', targetCluster: 'cloud-vps', targetService: 'auto-brand/cache', mode: 'remote-discovery' }],
    ['not a mirror without cluster-name (federated)', federated, undefined],
    ['not a mirror without labels', plain, undefined],
  ])('%s', (_, svc, expected) => {
    expect(mirroredServiceOf(svc)).toEqual(expected);
  });

  it('reads a federated Service\'s members from its annotations; a mirror is not federated', () => {
    expect(federatedServiceOf(federated)).toEqual({ namespace: 'auto-brand', name: 'search-federated', remoteMembers: ['search@cloud-vps', 'search@east'], localMember: 'search' });
    expect(federatedServiceOf(mirror)).toBeUndefined();
    expect(federatedServiceOf(plain)).toBeUndefined();
  });
});

describe('Links and their gateway probes', () => {
  const mc = clusterMulticluster([link('cloud-vps')], [mirror, remoteDiscovery, federated, plain]);

  it('reads the Link spec: target, gateway, probe, selectors as written, and counts its mirrors', () => {
    expect(mc.links).toEqual([{
      namespace: 'linkerd-multicluster', name: 'cloud-vps', targetClusterName: 'cloud-vps',
      gatewayAddress: '203.0.113.10', gatewayPort: '4143',
      gatewayIdentity: 'linkerd-gateway.linkerd-multicluster.serviceaccount.identity.linkerd.cluster.local',
      probe: { path: '/ready', port: '4191', period: '3s', timeout: '30s', failureThreshold: '3' },
      selectors: { gateway: 'mirror.linkerd.io/exported=true', remoteDiscovery: 'mirror.linkerd.io/exported=remote-discovery', federated: 'mirror.linkerd.io/federated=member' },
      mirroredServices: 2,
    }]);
    expect([mc.mirroredServices.length, mc.federatedServices.length]).toEqual([2, 1]);
  });

  it('a cluster without the Link CRD has nothing multi-cluster (a normal state)', () => {
    expect(clusterMulticluster(undefined, [plain])).toEqual({ links: [], linkObjects: [], mirroredServices: [], federatedServices: [] });
  });

  it.each([
    ['no probe metric', undefined, 'unknown'],
    ['gateway_enabled 0 (no gateway probed)', { enabled: 0, alive: 0 }, 'disabled'],
    ['gateway_alive 1', { enabled: 1, alive: 1 }, 'alive'],
    ['gateway_alive 0', { enabled: 1, alive: 0 }, 'down'],
    ['gateway_alive without gateway_enabled', { alive: 1 }, 'alive'],
  ])('probe state: %s', (_, values, state) => {
    expect(gatewayProbeState(values && { cluster: 'homelab', targetCluster: 'cloud-vps', latencyBuckets: [], ...values })).toBe(state);
  });

  it('joins the probe by target_cluster_name: last latency while alive, p95 of the histogram over the window', () => {
    const buckets = [{ le: 10, count: 0 }, { le: 20, count: 10 }, { le: 50, count: 20 }, { le: Infinity, count: 20 }];
    const alive = clusterMulticlusterReport(mc, [{ cluster: 'homelab', targetCluster: 'cloud-vps', alive: 1, enabled: 1, latencyMs: 23, latencyBuckets: buckets }]);
    expect(alive.links[0]).toMatchObject({ probeState: 'alive', probeLatencyMs: 23, probeLatencyP95Ms: 47 });
    const down = clusterMulticlusterReport(mc, [{ cluster: 'homelab', targetCluster: 'cloud-vps', alive: 0, enabled: 1, latencyMs: 23, latencyBuckets: [] }]);
    expect([down.links[0].probeState, down.links[0].probeLatencyMs, down.links[0].probeLatencyP95Ms]).toEqual(['down', undefined, undefined]);
    const other = clusterMulticlusterReport(mc, [{ cluster: 'homelab', targetCluster: 'east', alive: 1, latencyBuckets: [] }]);
    expect(other.links[0].probeState).toBe('unknown');
  });
});
