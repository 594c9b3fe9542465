import { EgressFamily, EgressSample, isEgressParent, metricWorkload } from '@meshlens/plugin-service-mesh-common';
import { egressQueries } from './egressQueries';
import { PrometheusClient } from './PrometheusClient';

/** Runs the egress queries of one cluster in parallel; samples without a workload or an egress parent are dropped. */
export async function readEgressSamples(client: PrometheusClient, cluster: string, windowSeconds: number, end: number): Promise<EgressSample[]> {
  const q = egressQueries(windowSeconds);
  const families = Object.keys(q) as EgressFamily[];
  const results = await Promise.all(families.map(f => client.instant(q[f], end)));
  return families.flatMap((family, i) => results[i].flatMap(s => {
    const workload = metricWorkload(s.metric);
    return workload && Number.isFinite(s.value) && isEgressParent(s.metric) ? [{ cluster, workload, family, labels: s.metric, count: s.value }] : [];
  }));
}
