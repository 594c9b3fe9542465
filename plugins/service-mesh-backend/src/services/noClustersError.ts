import { SourceErrorReport } from '@meshlens/plugin-service-mesh-common';

/**
 * The `errors[]` entry of every answer while no cluster is configured: an installed plugin has
 * no data of its own, so it says what to configure instead of answering empty lists.
 */
export const NO_CLUSTERS_ERROR: SourceErrorReport = {
  source: 'config',
  message:
    'No clusters configured: add serviceMesh.clusters (a live cluster, or a snapshot directory written by `meshlens snapshot`) or kubernetes.clusterLocatorMethods (type config)',
};

/** The same, while cluster locators (catalog, GKE) are configured but have found nothing yet. */
export const NO_CLUSTERS_LOCATED_ERROR: SourceErrorReport = {
  source: 'config',
  message: 'No clusters yet: none in serviceMesh.clusters, and the catalog/GKE cluster locators have found none so far',
};
