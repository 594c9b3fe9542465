import { metricWorkload, RouteSample, RouteSampleKind } from '@meshlens/plugin-service-mesh-common';
import { ROUTE_FAMILIES, routeQueries } from './routeQueries';
import { PrometheusClient } from './PrometheusClient';

/** Runs the route queries of one cluster in parallel; per-workload samples without a workload are dropped. */
export async function readRouteSamples(client: PrometheusClient, cluster: string, windowSeconds: number, end: number): Promise<RouteSample[]> {
  const q = routeQueries(windowSeconds);
  const kinds = Object.keys(q) as RouteSampleKind[];
  const results = await Promise.all(kinds.map(k => client.instant(q[k], end)));
  return kinds.flatMap((kind, i) => results[i].flatMap(s => {
    if (!Number.isFinite(s.value)) return [];
    if (!ROUTE_FAMILIES[kind].perWorkload) return [{ cluster, kind, labels: s.metric, value: s.value }];
    const workload = metricWorkload(s.metric);
    return workload ? [{ cluster, kind, labels: s.metric, value: s.value, workload }] : [];
  }));
}
