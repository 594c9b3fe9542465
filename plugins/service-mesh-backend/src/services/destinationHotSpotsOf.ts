import { ClusterReport } from '@meshlens/plugin-service-mesh-common';
import { ClusterState } from './ClusterSource';

/**
 * Adds the cluster's destination hot spots to its report when its metrics source has the control
 * plane's gauges; a failing Prometheus is named in the report's errors (once per source).
 */
export async function destinationHotSpotsOf(s: ClusterState, report: ClusterReport): Promise<void> {
  const source = `prometheus:${s.name}`;
  // A Prometheus that already failed this request is not waited for a second time.
  if (!s.mesh || !s.metrics?.getDestinationHotSpots || report.errors.some(x => x.source === source)) return;
  try {
    const spots = await s.metrics.getDestinationHotSpots();
    if (spots.length > 0) report.destinationHotSpots = spots;
  } catch (e) {
    report.errors.push({ source, message: `destination metrics: ${(e as Error).message}` });
  }
}
