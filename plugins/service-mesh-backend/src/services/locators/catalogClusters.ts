import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { CATALOG_FILTER_EXISTS } from '@backstage/catalog-client';
import { Entity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ANNOTATION_KUBERNETES_API_SERVER,
  ANNOTATION_KUBERNETES_API_SERVER_CA,
  ANNOTATION_KUBERNETES_AUTH_PROVIDER,
  ANNOTATION_KUBERNETES_SKIP_TLS_VERIFY,
} from '@backstage/plugin-kubernetes-common';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogLocatorOptions } from '../../config/kubernetesPluginClusters';
import { ClusterConfig } from '../../config/ServiceMeshConfig';
import { validateClusterUrl } from './validateClusterUrl';

/** A catalog cluster, or the reason it is not read. */
export type CatalogCluster = { cluster: ClusterConfig } | { name: string; origin: string; reason: string };

/**
 * The clusters of the catalog, with the Kubernetes plugin's semantics
 * (plugins/kubernetes-backend/src/cluster-locator/CatalogClusterLocator.ts and
 * catalogClusterAuthMetadata.ts): Resource entities of `spec.type: kubernetes-cluster` with the
 * api-server, api-server-certificate-authority and auth-provider annotations; the entity name is
 * the cluster name; auth metadata is every `kubernetes.io/` annotation except a
 * `serviceAccountToken`; skip-tls-verify only when the locator dangerously allows it; the
 * `serviceAccount` provider and an unsafe URL are refused (listed with the reason). Read with
 * the plugin's own credentials.
 */
export async function catalogClusters(catalog: CatalogService, auth: AuthService, options: CatalogLocatorOptions, logger: LoggerService): Promise<CatalogCluster[]> {
  const { items } = await catalog.getEntities({
    filter: [{
      kind: 'Resource',
      'spec.type': 'kubernetes-cluster',
      [`metadata.annotations.${ANNOTATION_KUBERNETES_API_SERVER}`]: CATALOG_FILTER_EXISTS,
      [`metadata.annotations.${ANNOTATION_KUBERNETES_API_SERVER_CA}`]: CATALOG_FILTER_EXISTS,
      [`metadata.annotations.${ANNOTATION_KUBERNETES_AUTH_PROVIDER}`]: CATALOG_FILTER_EXISTS,
    }],
  }, { credentials: await auth.getOwnServiceCredentials() });
  return Promise.all(items.map(e => toCluster(e, options, logger)));
}

async function toCluster(entity: Entity, options: CatalogLocatorOptions, logger: LoggerService): Promise<CatalogCluster> {
  const name = entity.metadata.name;
  const origin = stringifyEntityRef(entity);
  const annotations = entity.metadata.annotations ?? {};
  const refuse = (reason: string): CatalogCluster => {
    logger.warn(`Ignoring kubernetes-cluster Resource "${name}": ${reason}`);
    return { name, origin, reason: `not read (${origin}): ${reason}` };
  };
  const authProvider = annotations[ANNOTATION_KUBERNETES_AUTH_PROVIDER];
  if (authProvider === 'serviceAccount') return refuse('the catalog cluster locator does not support the serviceAccount auth provider');
  const url = annotations[ANNOTATION_KUBERNETES_API_SERVER];
  try {
    await validateClusterUrl(url, options.dangerouslyAllowClusterUrls);
  } catch (e) {
    return refuse((e as Error).message);
  }
  const authMetadata = Object.fromEntries(Object.entries(annotations).filter(([k]) => k.startsWith('kubernetes.io/') && k !== 'serviceAccountToken'));
  return {
    cluster: {
      name,
      source: 'kubernetes',
      url,
      caData: annotations[ANNOTATION_KUBERNETES_API_SERVER_CA],
      skipTLSVerify: (options.dangerouslyAllowSkipTLSVerify ?? false) && annotations[ANNOTATION_KUBERNETES_SKIP_TLS_VERIFY] === 'true',
      authProvider,
      authMetadata,
      origin,
      controlPlaneNamespace: 'linkerd',
      prometheusTimeoutMs: 5000,
    },
  };
}
