import { LoggerService } from '@backstage/backend-plugin-api';
import { ClusterConfig, ServiceMeshConfig } from '../config/ServiceMeshConfig';
import { AuthStrategies } from '../adapters/kubernetes/credentials/authStrategies';
import { ClusterConnection, clusterConnection, unreadableReason } from '../adapters/kubernetes/credentials/clusterConnection';
import { ClusterSource } from './ClusterSource';
import { SnapshotClusterSource } from './SnapshotClusterSource';
import { KubernetesClusterSource } from './KubernetesClusterSource';
import { UnreadableClusterSource } from './UnreadableClusterSource';

/**
 * The source of one cluster: a snapshot, a live API server with its credentials, or, when
 * Meshlens cannot hold a credential for it, one that lists the cluster with the reason.
 */
export function createClusterSource(c: ClusterConfig, config: ServiceMeshConfig, logger: LoggerService, strategies: AuthStrategies): ClusterSource {
  if (c.source === 'snapshot') {
    return new SnapshotClusterSource(c.name, c.path!, c.controlPlaneNamespace, logger, { serverSpeaksFirstPorts: config.serverSpeaksFirstPorts });
  }
  const reason = unreadableReason(c);
  if (reason) return new UnreadableClusterSource(c.name, reason);
  let connection: ClusterConnection | undefined;
  try {
    connection = c.kubeconfig ? undefined : clusterConnection(c, strategies, config.inCluster);
  } catch (e) {
    return new UnreadableClusterSource(c.name, `not read: ${(e as Error).message}`);
  }
  const withScrape = config.metricsScrapeIntervalSeconds === undefined ? c : { ...c, prometheusScrapeIntervalSeconds: config.metricsScrapeIntervalSeconds };
  return new KubernetesClusterSource(withScrape, logger, config.metricsRefreshMs, { serverSpeaksFirstPorts: config.serverSpeaksFirstPorts }, undefined, connection);
}

/** One source per configured cluster. */
export function createClusterSources(config: ServiceMeshConfig, logger: LoggerService, strategies: AuthStrategies): ClusterSource[] {
  return config.clusters.map(c => createClusterSource(c, config, logger, strategies));
}
