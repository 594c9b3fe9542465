import {
  ClusterMesh,
  inboundRouteTraffic,
  InboundRouteTraffic,
  matchEntityWorkloads,
  MetricWorkload,
  RouteActivity,
  routeActivity,
  RouteSample,
  SourceErrorReport,
} from '@meshlens/plugin-service-mesh-common';
import { ClusterState } from './ClusterSource';

/**
 * The entity's HTTPRoutes in action and its inbound requests by route, from each cluster's route
 * counters; a failing source is named in errors, the rest still used. Absent fields when no
 * cluster has a source of route counters.
 */
export async function routeActivityOf(
  states: ClusterState[],
  matched: ReturnType<typeof matchEntityWorkloads>,
  workloads: Array<{ cluster: string } & MetricWorkload>,
  windowSeconds: number,
): Promise<{ routeActivity?: RouteActivity[]; inboundRoutes?: InboundRouteTraffic[]; errors: SourceErrorReport[] }> {
  const sources = states.filter(s => s.mesh && s.metrics?.getRouteSamples);
  if (sources.length === 0) return { errors: [] };
  const samples: RouteSample[] = [];
  const errors: SourceErrorReport[] = [];
  await Promise.all(sources.map(async s => {
    try {
      samples.push(...(await s.metrics!.getRouteSamples!(windowSeconds)));
    } catch (e) {
      errors.push({ source: `prometheus:${s.name}`, message: `route metrics: ${(e as Error).message}` });
    }
  }));
  const routed = matched.flatMap(m => m.workloads.flatMap(a => {
    const routes = a.mesh.report.policy?.httpRoutes ?? [];
    const w = a.workload;
    return routes.length > 0 ? [{ cluster: m.cluster.summary.name, namespace: w.namespace, kind: w.kind, name: w.name, httpRoutes: routes }] : [];
  }));
  const clusters = new Map<string, ClusterMesh>(matched.map(m => [m.cluster.summary.name, m.cluster]));
  const exists = (cluster: string, namespace: string, name: string) =>
    clusters.get(cluster)?.services.some(s => s.metadata.namespace === namespace && s.metadata.name === name) ?? true;
  return { routeActivity: routeActivity(samples, routed, exists), inboundRoutes: inboundRouteTraffic(samples, workloads), errors };
}
