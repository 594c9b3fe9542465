import { existsSync, readFileSync } from 'fs';
import { ANNOTATION_KUBERNETES_AUTH_PROVIDER } from '@backstage/plugin-kubernetes-common';
import type { ClusterDetails } from '@backstage/plugin-kubernetes-node';
import { ClusterConfig, InClusterConfig } from '../../../config/ServiceMeshConfig';
import { AuthStrategies, CLIENT_SIDE_PROVIDERS } from './authStrategies';

/** How to reach one cluster's API server; the token is asked for on every request. */
export interface ClusterConnection {
  server: string;
  /** PEM (plain or base64) of the API server's CA. */
  caData?: string;
  caFile?: string;
  skipTLSVerify: boolean;
  /** The bearer token for the next request (a rotated one once rotated); undefined: none. */
  token(): Promise<string | undefined>;
}

/**
 * Why a cluster cannot be read into a cache shared by every user, or undefined when it can.
 * A `serviceAccountToken` configured for Meshlens makes any cluster readable.
 */
export function unreadableReason(c: ClusterConfig): string | undefined {
  if (c.kubeconfig || c.serviceAccountToken) return undefined;
  const provider = c.authProvider ?? 'serviceAccount';
  if (CLIENT_SIDE_PROVIDERS.has(provider)) {
    return `not read: auth provider "${provider}" is client-side (the signed-in user's token), which cannot feed a cache shared by every user; ` +
      `give Meshlens a server-side credential: serviceMesh.clusters entry "${c.name}" with serviceAccountToken, or a server-side authProvider`;
  }
  if (!['serviceAccount', 'aws', 'azure', 'googleServiceAccount', 'localKubectlProxy'].includes(provider)) {
    return `not read: unknown auth provider "${provider}"`;
  }
  return undefined;
}

/**
 * The connection of a readable cluster. `serviceAccount` without a token is the pod's own
 * ServiceAccount when running in a pod (the in-cluster CA file exists), as the Kubernetes plugin
 * does (plugins/kubernetes-backend/src/service/KubernetesConnection.ts, isServiceAccountAuthentication):
 * the server from KUBERNETES_SERVICE_HOST/PORT, the in-cluster CA, and the token file read on every
 * request, so a token the kubelet rotated is used from the next request on. Other providers ask
 * their strategy on every request; the strategies (and the cloud SDKs under them) refresh
 * before expiry. Throws when the pod's ServiceAccount is wanted outside a pod.
 */
export function clusterConnection(c: ClusterConfig, strategies: AuthStrategies, inCluster: InClusterConfig, env: NodeJS.ProcessEnv = process.env): ClusterConnection {
  // A token given to Meshlens wins over the located cluster's provider (e.g. a catalog `oidc`).
  const provider = c.serviceAccountToken ? 'serviceAccount' : c.authProvider ?? 'serviceAccount';
  const base = { server: c.url ?? '', caData: c.caData, caFile: c.caFile, skipTLSVerify: c.skipTLSVerify ?? false };
  if (provider === 'serviceAccount' && !c.serviceAccountToken) {
    if (!existsSync(inCluster.caFile)) {
      throw new Error(`no serviceAccountToken, and not running in a pod (no ${inCluster.caFile}) to use its ServiceAccount`);
    }
    const host = env.KUBERNETES_SERVICE_HOST;
    const server = host ? `https://${host.includes(':') ? `[${host}]` : host}:${env.KUBERNETES_SERVICE_PORT ?? '443'}` : base.server;
    if (!server) throw new Error('no url and no KUBERNETES_SERVICE_HOST for the in-cluster API server');
    const tokenFile = inCluster.tokenFile;
    return { server, caFile: inCluster.caFile, skipTLSVerify: false, token: async () => readFileSync(tokenFile, 'utf8').trim() };
  }
  const details: ClusterDetails = {
    name: c.name,
    url: base.server,
    authMetadata: c.serviceAccountToken
      ? { [ANNOTATION_KUBERNETES_AUTH_PROVIDER]: provider, serviceAccountToken: c.serviceAccountToken }
      : { ...c.authMetadata, [ANNOTATION_KUBERNETES_AUTH_PROVIDER]: provider },
    skipTLSVerify: base.skipTLSVerify,
    caData: c.caData,
    caFile: c.caFile,
  };
  return {
    ...base,
    token: async () => {
      const strategy = await strategies(provider);
      if (!strategy) throw new Error(`no strategy for auth provider "${provider}"`);
      const credential = await strategy.getCredential(details, {});
      if (credential.type === 'anonymous') return undefined;
      if (credential.type !== 'bearer token') throw new Error(`auth provider "${provider}" gave a ${credential.type}, which Meshlens does not use`);
      return credential.token;
    },
  };
}
