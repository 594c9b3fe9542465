import { Config } from '@backstage/config';
import {
  ANNOTATION_KUBERNETES_AUTH_PROVIDER,
  ANNOTATION_KUBERNETES_AWS_ASSUME_ROLE,
  ANNOTATION_KUBERNETES_AWS_EXTERNAL_ID,
  ANNOTATION_KUBERNETES_OIDC_TOKEN_PROVIDER,
} from '@backstage/plugin-kubernetes-common';

/** Keys of a Kubernetes-plugin cluster that Meshlens reads. */
const READ_KEYS = new Set(['name', 'url', 'authProvider', 'authMetadata', 'serviceAccountToken', 'assumeRole', 'externalId', 'oidcTokenProvider', 'caData', 'caFile', 'skipTLSVerify']);

/** One `config` locator cluster, with the auth metadata the plugin's ConfigClusterLocator builds. */
export interface PluginConfigCluster {
  config: Config;
  key: string;
  authProvider: string;
  authMetadata: Record<string, string>;
}

/** A `catalog` locator's options (CatalogClusterLocatorOptions upstream). */
export interface CatalogLocatorOptions {
  key: string;
  dangerouslyAllowClusterUrls?: string[];
  dangerouslyAllowSkipTLSVerify?: boolean;
}

/** A `gke` locator's options, as GkeClusterLocator.fromConfigWithClient reads them. */
export interface GkeLocatorOptions {
  key: string;
  projectId: string;
  region: string;
  authProvider: 'google' | 'googleServiceAccount';
  skipTLSVerify: boolean;
  matchingResourceLabels: Array<{ key: string; value: string }>;
  endpointType: 'public' | 'dns';
}

/** Everything the Backstage Kubernetes plugin's `kubernetes.clusterLocatorMethods` configures. */
export interface KubernetesPluginLocators {
  clusters: PluginConfigCluster[];
  catalog: CatalogLocatorOptions[];
  gke: GkeLocatorOptions[];
  /** Log lines: keys and locator types that do not apply to Meshlens. */
  notes: string[];
}

/**
 * Reads `kubernetes.clusterLocatorMethods` with the Kubernetes plugin's semantics
 * (plugins/kubernetes-backend/src/cluster-locator/{index,ConfigClusterLocator,GkeClusterLocator,
 * CatalogClusterLocatorOptions}.ts): a `config` cluster's auth provider is
 * `authMetadata['kubernetes.io/auth-provider']` or `authProvider` (one is required), and
 * `serviceAccountToken`, `assumeRole`, `externalId`, `oidcTokenProvider` become auth metadata
 * under the plugin's annotation names. Throws an Error naming the key when invalid.
 */
export function kubernetesPluginClusters(config: Config): KubernetesPluginLocators {
  const out: KubernetesPluginLocators = { clusters: [], catalog: [], gke: [], notes: [] };
  const methods = config.getOptionalConfigArray('kubernetes.clusterLocatorMethods') ?? [];
  methods.forEach((m, i) => {
    const base = `kubernetes.clusterLocatorMethods[${i}]`;
    const type = m.getOptionalString('type');
    if (type === 'config') {
      (m.getOptionalConfigArray('clusters') ?? []).forEach((c, j) => out.clusters.push(configCluster(c, `${base}.clusters[${j}]`, out.notes)));
    } else if (type === 'catalog') {
      out.catalog.push({
        key: base,
        dangerouslyAllowClusterUrls: m.getOptionalStringArray('dangerouslyAllowClusterUrls'),
        dangerouslyAllowSkipTLSVerify: m.getOptionalBoolean('dangerouslyAllowSkipTLSVerify'),
      });
    } else if (type === 'gke') {
      out.gke.push(gkeLocator(m, base));
    } else {
      out.notes.push(`${base}: locator type "${type}" is not read by Meshlens (only config, catalog and gke)`);
    }
  });
  return out;
}

function configCluster(c: Config, key: string, notes: string[]): PluginConfigCluster {
  const name = c.getOptionalString('name') ?? '?';
  const block = c.getOptional<Record<string, string>>('authMetadata');
  const authProvider = block?.[ANNOTATION_KUBERNETES_AUTH_PROVIDER] ?? c.getOptionalString('authProvider');
  if (!authProvider) {
    throw new Error(`Missing ${key}.authProvider (or ${key}.authMetadata['${ANNOTATION_KUBERNETES_AUTH_PROVIDER}']) for cluster "${name}"`);
  }
  const flat: Record<string, string | undefined> = {
    serviceAccountToken: c.getOptionalString('serviceAccountToken'),
    [ANNOTATION_KUBERNETES_AWS_ASSUME_ROLE]: c.getOptionalString('assumeRole'),
    [ANNOTATION_KUBERNETES_AWS_EXTERNAL_ID]: c.getOptionalString('externalId'),
    [ANNOTATION_KUBERNETES_OIDC_TOKEN_PROVIDER]: c.getOptionalString('oidcTokenProvider'),
  };
  const authMetadata: Record<string, string> = { [ANNOTATION_KUBERNETES_AUTH_PROVIDER]: authProvider };
  for (const [k, v] of Object.entries(flat)) if (v) authMetadata[k] = v;
  Object.assign(authMetadata, block);
  // title, skipMetricsLookup, dashboard*, customResources: the Kubernetes plugin's own pages.
  const ignored = c.keys().filter(k => !READ_KEYS.has(k));
  if (ignored.length) notes.push(`${key} (cluster "${name}"): ${ignored.join(', ')} ignored: not used by Meshlens`);
  return { config: c, key, authProvider, authMetadata };
}

function gkeLocator(m: Config, key: string): GkeLocatorOptions {
  const endpointType = m.getOptionalString('endpointType') ?? 'public';
  if (endpointType !== 'public' && endpointType !== 'dns') throw new Error(`Invalid ${key}.endpointType "${endpointType}": expected "public" or "dns"`);
  return {
    key,
    projectId: m.getString('projectId'),
    region: m.getOptionalString('region') ?? '-',
    // Anything but googleServiceAccount is the user's Google token, as upstream.
    authProvider: m.getOptionalString('authProvider') === 'googleServiceAccount' ? 'googleServiceAccount' : 'google',
    skipTLSVerify: m.getOptionalBoolean('skipTLSVerify') ?? false,
    matchingResourceLabels: (m.getOptionalConfigArray('matchingResourceLabels') ?? []).map(l => ({ key: l.getString('key'), value: l.getString('value') })),
    endpointType,
  };
}
