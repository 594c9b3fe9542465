import { metricWorkload, PolicyActivityKind, PolicySample } from '@meshlens/plugin-service-mesh-common';
import { policyQueries } from './policyQueries';
import { PrometheusClient } from './PrometheusClient';

/** Runs the policy queries of one cluster in parallel; samples without a workload are dropped. */
export async function readPolicySamples(client: PrometheusClient, cluster: string, windowSeconds: number, end: number): Promise<PolicySample[]> {
  const q = policyQueries(windowSeconds);
  const kinds = Object.keys(q) as PolicyActivityKind[];
  const results = await Promise.all(kinds.map(k => client.instant(q[k], end)));
  return kinds.flatMap((kind, i) => results[i].flatMap(s => {
    const workload = metricWorkload(s.metric);
    return workload && Number.isFinite(s.value) ? [{ cluster, workload, kind, labels: s.metric, count: s.value }] : [];
  }));
}
