import { Config } from '@backstage/config';

/**
 * The clusters of the Backstage Kubernetes plugin's `kubernetes.clusterLocatorMethods` entries
 * of type `config` (url, name, serviceAccountToken, caData, caFile, skipTLSVerify), so its users
 * configure nothing twice. Other locator types (catalog, gke, localKubectlProxy) are not read.
 */
export function kubernetesPluginClusters(config: Config): Array<{ config: Config; key: string }> {
  const methods = config.getOptionalConfigArray('kubernetes.clusterLocatorMethods') ?? [];
  return methods.flatMap((m, i) =>
    m.getOptionalString('type') === 'config'
      ? (m.getOptionalConfigArray('clusters') ?? []).map((c, j) => ({ config: c, key: `kubernetes.clusterLocatorMethods[${i}].clusters[${j}]` }))
      : [],
  );
}
