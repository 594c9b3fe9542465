import { GkeLocatorOptions } from '../../config/kubernetesPluginClusters';
import { ClusterConfig } from '../../config/ServiceMeshConfig';

/** The part of `@google-cloud/container`'s ClusterManagerClient the GKE locator calls. */
export interface GkeClient {
  listClusters(request: { parent: string }): Promise<[{ clusters?: GkeCluster[] | null }, ...unknown[]]>;
}

/** A GKE cluster as `listClusters` returns it (the fields read). */
export interface GkeCluster {
  name?: string | null;
  endpoint?: string | null;
  resourceLabels?: Record<string, string> | null;
  controlPlaneEndpointsConfig?: { dnsEndpointConfig?: { endpoint?: string | null } | null } | null;
}

/**
 * The clusters of one GKE project, with the Kubernetes plugin's semantics
 * (plugins/kubernetes-backend/src/cluster-locator/GkeClusterLocator.ts): `listClusters` on
 * `projects/<projectId>/locations/<region>` (region `-` for all), only clusters carrying every
 * `matchingResourceLabels` pair, URL `https://<endpoint>` or, with `endpointType: dns`, the DNS
 * endpoint when there is one; the auth provider `googleServiceAccount` or else `google` (the user's
 * token: listed as not readable). Rejects when the API call fails.
 */
export async function gkeClusters(options: GkeLocatorOptions, client: GkeClient): Promise<ClusterConfig[]> {
  const { projectId, region } = options;
  let response;
  try {
    [response] = await client.listClusters({ parent: `projects/${projectId}/locations/${region}` });
  } catch (e) {
    throw new Error(`There was an error retrieving clusters from GKE for projectId=${projectId} region=${region}: ${(e as Error).message}`);
  }
  return (response.clusters ?? [])
    .filter(c => options.matchingResourceLabels.every(l => c.resourceLabels?.[l.key] === l.value))
    .map(c => {
      const dns = options.endpointType === 'dns' ? c.controlPlaneEndpointsConfig?.dnsEndpointConfig?.endpoint : undefined;
      return {
        name: c.name ?? 'unknown',
        source: 'kubernetes' as const,
        url: dns ? `https://${dns}` : `https://${c.endpoint ?? ''}`,
        skipTLSVerify: options.skipTLSVerify,
        authProvider: options.authProvider,
        authMetadata: { 'kubernetes.io/auth-provider': options.authProvider },
        origin: `${options.key} (gke ${projectId}/${region})`,
        controlPlaneNamespace: 'linkerd',
        prometheusTimeoutMs: 5000,
      };
    });
}
