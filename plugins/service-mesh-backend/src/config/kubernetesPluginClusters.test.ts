import { ConfigReader } from '@backstage/config';
import { kubernetesPluginClusters } from './kubernetesPluginClusters';
import { readServiceMeshConfig } from './ServiceMeshConfig';

const read = (data: object) => readServiceMeshConfig(new ConfigReader(data), p => `/abs/${p}`);

describe('kubernetesPluginClusters', () => {
  // backstage/backstage plugins/kubernetes-backend/src/cluster-locator/ConfigClusterLocator.ts:
  // authMetadata's kubernetes.io/auth-provider wins over authProvider; serviceAccountToken,
  // assumeRole, externalId and oidcTokenProvider become auth metadata; the authMetadata block is
  // spread last.
  it('reads a config cluster with the ConfigClusterLocator auth metadata', () => {
    const out = kubernetesPluginClusters(new ConfigReader({ kubernetes: { clusterLocatorMethods: [{ type: 'config', clusters: [
      { name: 'eks', url: 'https://eks', authProvider: 'serviceAccount', authMetadata: { 'kubernetes.io/auth-provider': 'aws', 'kubernetes.io/x-k8s-aws-id': 'prod' }, assumeRole: 'arn:aws:iam::1:role/r', externalId: 'x', title: 'EKS', dashboardUrl: 'https://d', skipMetricsLookup: true, customResources: [] },
    ] }] } }));
    expect(out.clusters[0].authProvider).toBe('aws');
    expect(out.clusters[0].authMetadata).toEqual({
      'kubernetes.io/auth-provider': 'aws',
      'kubernetes.io/x-k8s-aws-id': 'prod',
      'kubernetes.io/aws-assume-role': 'arn:aws:iam::1:role/r',
      'kubernetes.io/aws-external-id': 'x',
    });
    expect(out.notes).toEqual(['kubernetes.clusterLocatorMethods[0].clusters[0] (cluster "eks"): title, dashboardUrl, skipMetricsLookup, customResources ignored: not used by Meshlens']);
  });

  it('requires an auth provider, as ConfigClusterLocator does', () => {
    expect(() => kubernetesPluginClusters(new ConfigReader({ kubernetes: { clusterLocatorMethods: [{ type: 'config', clusters: [{ name: 'k', url: 'https://k' }] }] } })))
      .toThrow('kubernetes.clusterLocatorMethods[0].clusters[0].authProvider');
  });

  // GkeClusterLocator.ts fromConfigWithClient: region default '-', authProvider google unless
  // googleServiceAccount, endpointType public|dns. CatalogClusterLocatorOptions.ts: the two
  // dangerously* options.
  it('reads catalog and gke locators, and names the types it does not read', () => {
    const out = kubernetesPluginClusters(new ConfigReader({ kubernetes: { clusterLocatorMethods: [
      { type: 'catalog', dangerouslyAllowClusterUrls: ['*.internal'], dangerouslyAllowSkipTLSVerify: true },
      { type: 'gke', projectId: 'p1', authProvider: 'googleServiceAccount', matchingResourceLabels: [{ key: 'mesh', value: 'linkerd' }] },
      { type: 'gke', projectId: 'p2', region: 'europe-west1', endpointType: 'dns' },
      { type: 'localKubectlProxy' },
    ] } }));
    expect(out.catalog).toEqual([{ key: 'kubernetes.clusterLocatorMethods[0]', dangerouslyAllowClusterUrls: ['*.internal'], dangerouslyAllowSkipTLSVerify: true }]);
    expect(out.gke.map(g => [g.projectId, g.region, g.authProvider, g.endpointType, g.matchingResourceLabels.length])).toEqual([
      ['p1', '-', 'googleServiceAccount', 'public', 1],
      ['p2', 'europe-west1', 'google', 'dns', 0],
    ]);
    expect(out.notes).toEqual(['kubernetes.clusterLocatorMethods[3]: locator type "localKubectlProxy" is not read by Meshlens (only config, catalog and gke)']);
  });
});

describe('readServiceMeshConfig with located clusters', () => {
  it('has no configured clusters when only a catalog locator is configured, and keeps serviceMesh entries for located clusters', () => {
    const c = read({
      kubernetes: { clusterLocatorMethods: [{ type: 'catalog' }] },
      serviceMesh: { clusters: [{ name: 'from-catalog', serviceAccountToken: 't', prometheus: { url: 'http://prom' } }], clusterLocators: { refreshSeconds: 5 }, inCluster: { tokenFile: 'tok' } },
    });
    expect([c.clusters.length, c.locators.refreshMs, c.inCluster]).toEqual([0, 5000, { tokenFile: '/abs/tok', caFile: '/var/run/secrets/kubernetes.io/serviceaccount/ca.crt' }]);
    const located = c.locators.overlays.get('from-catalog')!({ name: 'from-catalog', source: 'kubernetes', url: 'https://x', authProvider: 'oidc', authMetadata: { 'kubernetes.io/auth-provider': 'oidc' }, origin: 'resource:default/from-catalog', controlPlaneNamespace: 'linkerd', prometheusTimeoutMs: 5000 });
    expect(located).toEqual(expect.objectContaining({ url: 'https://x', serviceAccountToken: 't', authProvider: 'serviceAccount', prometheusUrl: 'http://prom', origin: 'resource:default/from-catalog' }));
  });

  it('still requires a url for a serviceMesh entry when nothing can locate it', () => {
    expect(() => read({ serviceMesh: { clusters: [{ name: 'x', serviceAccountToken: 't' }] } })).toThrow('serviceMesh.clusters[0].url');
  });
});
