import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { catalogClusters } from './catalogClusters';

// Rules from backstage/backstage plugins/kubernetes-backend/src/cluster-locator/CatalogClusterLocator.ts
// as published in @backstage/plugin-kubernetes-backend 0.21.15 (the installed version; older
// upstream revisions had no URL validation or serviceAccount refusal)
// (filter, serviceAccount refused, skip-tls-verify only when dangerously allowed, caData from the
// api-server-certificate-authority annotation), catalogClusterAuthMetadata.ts (kubernetes.io/
// annotations minus serviceAccountToken) and validateClusterApiServerUrl.ts (no non-public
// address unless allowed); annotation names from plugins/kubernetes-common/src/catalog-entity-constants.ts.
const cluster = (name: string, annotations: Record<string, string>, type = 'kubernetes-cluster') => ({
  apiVersion: 'backstage.io/v1alpha1', kind: 'Resource', metadata: { name, namespace: 'default', annotations }, spec: { type, owner: 'group:ops' },
});
const base = { 'kubernetes.io/api-server': 'https://8.8.8.8:6443', 'kubernetes.io/api-server-certificate-authority': 'Q0E=', 'kubernetes.io/auth-provider': 'aws' };

describe('catalogClusters', () => {
  const logger = mockServices.logger.mock();
  const auth = mockServices.auth();

  it('reads kubernetes-cluster Resources with the three annotations, as the Kubernetes plugin does', async () => {
    const catalog = catalogServiceMock({ entities: [
      cluster('eks', { ...base, 'kubernetes.io/x-k8s-aws-id': 'prod', 'kubernetes.io/skip-tls-verify': 'true', serviceAccountToken: 'leak', 'other.io/x': 'y' }),
      cluster('no-ca', { 'kubernetes.io/api-server': 'https://8.8.8.8', 'kubernetes.io/auth-provider': 'aws' }),
      cluster('database', base, 'database'),
    ] });
    const out = await catalogClusters(catalog, auth, { key: 'k' }, logger);
    expect(out).toEqual([{ cluster: expect.objectContaining({
      name: 'eks', url: 'https://8.8.8.8:6443', caData: 'Q0E=', skipTLSVerify: false, authProvider: 'aws', origin: 'resource:default/eks',
      authMetadata: { ...base, 'kubernetes.io/x-k8s-aws-id': 'prod', 'kubernetes.io/skip-tls-verify': 'true' },
    }) }]);
    const allowed = await catalogClusters(catalog, auth, { key: 'k', dangerouslyAllowSkipTLSVerify: true }, logger);
    expect((allowed[0] as any).cluster.skipTLSVerify).toBe(true);
  });

  it('refuses the serviceAccount provider and non-public URLs, with the reason', async () => {
    const catalog = catalogServiceMock({ entities: [
      cluster('sa', { ...base, 'kubernetes.io/auth-provider': 'serviceAccount' }),
      cluster('loopback', { ...base, 'kubernetes.io/api-server': 'https://127.0.0.1:6443' }),
      cluster('plain', { ...base, 'kubernetes.io/api-server': 'http://8.8.8.8' }),
      cluster('creds', { ...base, 'kubernetes.io/api-server': 'https://u:p@8.8.8.8' }),
    ] });
    const out = await catalogClusters(catalog, auth, { key: 'k' }, logger);
    expect(out.map(o => ('reason' in o ? o.reason : 'read'))).toEqual([
      'not read (resource:default/sa): the catalog cluster locator does not support the serviceAccount auth provider',
      'not read (resource:default/loopback): Kubernetes cluster API server URL must not use a non-public IP address',
      'not read (resource:default/plain): Kubernetes cluster API server URL must use the HTTPS scheme',
      'not read (resource:default/creds): Kubernetes cluster API server URL must not contain credentials',
    ]);
    const allowed = await catalogClusters(catalog, auth, { key: 'k', dangerouslyAllowClusterUrls: ['127.0.0.1'] }, logger);
    expect(allowed.filter(o => 'cluster' in o).map(o => (o as any).cluster.name)).toEqual(['loopback']);
  });
});
