import { MulticlusterSamples, SourceErrorReport } from '@meshlens/plugin-service-mesh-common';
import { ClusterState } from './ClusterSource';

/**
 * Each cluster's multi-cluster samples (gateway probes, calls to mirror Services); a failing
 * Prometheus is named in errors and the other clusters are still used. `supported` is false when
 * no cluster's metrics source reads them.
 */
export async function multiclusterSamplesOf(states: ClusterState[], windowSeconds: number) {
  const byCluster = new Map<string, MulticlusterSamples>();
  const errors: SourceErrorReport[] = [];
  const sources = states.filter(s => s.mesh && s.metrics?.getMulticlusterSamples);
  await Promise.all(sources.map(async s => {
    try {
      byCluster.set(s.name, await s.metrics!.getMulticlusterSamples!(windowSeconds));
    } catch (e) {
      errors.push({ source: `prometheus:${s.name}`, message: `multicluster metrics: ${(e as Error).message}` });
    }
  }));
  return { byCluster, errors, supported: sources.length > 0 };
}
