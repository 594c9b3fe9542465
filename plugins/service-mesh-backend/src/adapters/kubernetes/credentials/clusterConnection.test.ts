import { mkdtempSync, renameSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import type { AuthenticationStrategy } from '@backstage/plugin-kubernetes-node';
import { ClusterConfig } from '../../../config/ServiceMeshConfig';
import { clusterConnection, unreadableReason } from './clusterConnection';

const cluster = (over: Partial<ClusterConfig>): ClusterConfig => ({ name: 'c', source: 'kubernetes', url: 'https://c:6443', controlPlaneNamespace: 'linkerd', prometheusTimeoutMs: 5000, ...over });
const noStrategies = async () => undefined;

describe('unreadableReason', () => {
  // Client-side: backstage/backstage plugins/kubernetes-backend/src/auth/{GoogleStrategy,OidcStrategy,AksStrategy}.ts
  // take the token from the request's auth (the user's), never from the server.
  it.each(['google', 'oidc', 'aks'])('names the client-side provider %s', provider => {
    expect(unreadableReason(cluster({ authProvider: provider }))).toMatch(`auth provider "${provider}" is client-side`);
  });
  it('reads server-side providers, and any cluster given a token', () => {
    for (const provider of ['serviceAccount', 'aws', 'azure', 'googleServiceAccount', 'localKubectlProxy']) expect(unreadableReason(cluster({ authProvider: provider }))).toBeUndefined();
    expect(unreadableReason(cluster({ authProvider: 'oidc', serviceAccountToken: 't' }))).toBeUndefined();
    expect(unreadableReason(cluster({ authProvider: 'kerberos' }))).toBe('not read: unknown auth provider "kerberos"');
  });
});

describe('clusterConnection', () => {
  const dir = mkdtempSync(join(tmpdir(), 'meshlens-sa-'));
  const inCluster = { tokenFile: join(dir, 'token'), caFile: join(dir, 'ca.crt') };

  // In a pod (the CA file exists) a serviceAccount cluster without a token uses the pod's
  // ServiceAccount and KUBERNETES_SERVICE_HOST/PORT, as plugins/kubernetes-backend/src/service/
  // KubernetesConnection.ts (isServiceAccountAuthentication, loadFromCluster) does.
  it('in a pod: the server from the environment, the in-cluster CA, the token file re-read on every request', async () => {
    writeFileSync(inCluster.caFile, 'CA');
    writeFileSync(inCluster.tokenFile, 'token-1\n');
    const conn = clusterConnection(cluster({}), noStrategies, inCluster, { KUBERNETES_SERVICE_HOST: 'fd00::1', KUBERNETES_SERVICE_PORT: '443' });
    expect([conn.server, conn.caFile]).toEqual(['https://[fd00::1]:443', inCluster.caFile]);
    expect(await conn.token()).toBe('token-1');
    writeFileSync(`${inCluster.tokenFile}.new`, 'token-2');
    renameSync(`${inCluster.tokenFile}.new`, inCluster.tokenFile);
    expect(await conn.token()).toBe('token-2');
  });

  it('outside a pod: says why instead of sending no token', () => {
    expect(() => clusterConnection(cluster({}), noStrategies, { ...inCluster, caFile: join(dir, 'absent') }, {}))
      .toThrow(`no serviceAccountToken, and not running in a pod (no ${join(dir, 'absent')}) to use its ServiceAccount`);
  });

  it('asks the provider strategy on every request with the cluster details, and a configured token wins', async () => {
    const calls: any[] = [];
    let n = 0;
    const strategy = { getCredential: async (details: any) => { calls.push(details); return { type: 'bearer token', token: `aws-${++n}` }; } } as unknown as AuthenticationStrategy;
    const conn = clusterConnection(cluster({ authProvider: 'aws', authMetadata: { 'kubernetes.io/x-k8s-aws-id': 'prod' } }), async p => (p === 'aws' ? strategy : undefined), inCluster, {});
    expect([await conn.token(), await conn.token()]).toEqual(['aws-1', 'aws-2']);
    expect(calls[0]).toEqual(expect.objectContaining({ name: 'c', url: 'https://c:6443', authMetadata: { 'kubernetes.io/x-k8s-aws-id': 'prod', 'kubernetes.io/auth-provider': 'aws' } }));
    const sa = { getCredential: async (details: any) => ({ type: 'bearer token', token: details.authMetadata.serviceAccountToken }) } as unknown as AuthenticationStrategy;
    const given = clusterConnection(cluster({ authProvider: 'oidc', serviceAccountToken: 'from-config' }), async p => (p === 'serviceAccount' ? sa : undefined), inCluster, {});
    expect(await given.token()).toBe('from-config');
  });
});
