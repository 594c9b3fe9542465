import { LoggerService } from '@backstage/backend-plugin-api';
import { ServiceMeshConfig } from '../config/ServiceMeshConfig';
import { ClusterSource } from './ClusterSource';
import { SnapshotClusterSource } from './SnapshotClusterSource';
import { KubernetesClusterSource } from './KubernetesClusterSource';

/** One source per configured cluster. */
export function createClusterSources(config: ServiceMeshConfig, logger: LoggerService): ClusterSource[] {
  return config.clusters.map(c =>
    c.source === 'snapshot'
      ? new SnapshotClusterSource(c.name, c.path!, c.controlPlaneNamespace, logger, { serverSpeaksFirstPorts: config.serverSpeaksFirstPorts })
      : new KubernetesClusterSource(c, logger, config.metricsRefreshMs, { serverSpeaksFirstPorts: config.serverSpeaksFirstPorts }),
  );
}
