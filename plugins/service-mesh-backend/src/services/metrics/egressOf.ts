import { egressReport, EntityEgressReport, EgressSample, MetricWorkload, SourceErrorReport } from '@meshlens/plugin-service-mesh-common';
import { ClusterState } from '../ClusterSource';

/**
 * The entity's egress over the window from each cluster's egress samples, with the clusters'
 * EgressNetworks for their traffic policy; a failing Prometheus is named in errors, the rest
 * still used.
 */
export async function egressOf(states: ClusterState[], workloads: Array<{ cluster: string } & MetricWorkload>, windowSeconds: number): Promise<{ egress?: EntityEgressReport; errors: SourceErrorReport[] }> {
  const samples: EgressSample[] = [];
  const errors: SourceErrorReport[] = [];
  const sources = states.filter(s => s.mesh && s.metrics?.getEgressSamples);
  await Promise.all(sources.map(async s => {
    try {
      samples.push(...(await s.metrics!.getEgressSamples!(windowSeconds)));
    } catch (e) {
      errors.push({ source: `prometheus:${s.name}`, message: `egress metrics: ${(e as Error).message}` });
    }
  }));
  const networks = states.flatMap(s => (s.mesh?.summary.egressNetworks ? [{ cluster: s.name, networks: s.mesh.summary.egressNetworks }] : []));
  return { egress: egressReport(samples, workloads, windowSeconds, networks), errors };
}
