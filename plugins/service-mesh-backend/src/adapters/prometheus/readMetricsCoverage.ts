import { MetricsCoverage } from '@meshlens/plugin-service-mesh-common';
import { COVERAGE_QUERIES, ingressPodsOf, podOf } from './coverageQueries';
import { PrometheusClient, VectorSample } from './PrometheusClient';

const unique = (xs: Array<string | undefined>) => [...new Set(xs.filter((x): x is string => Boolean(x)))].sort();

/** Runs the coverage queries at `end` and names what they found. */
export async function readMetricsCoverage(client: PrometheusClient, cluster: string, end: number): Promise<MetricsCoverage> {
  const [requestPods, ingress, bus] = await Promise.all([
    client.instant(COVERAGE_QUERIES.requestPods, end),
    client.instant(COVERAGE_QUERIES.ingressServices, end),
    client.instant(COVERAGE_QUERIES.busExporterPods, end),
  ]);
  const pods = (v: VectorSample[]) => unique(v.map(s => podOf(s.metric)));
  return {
    cluster,
    podsWithRequestSeries: pods(requestPods),
    ingressServices: unique(ingress.map(s => s.metric.service)),
    ingressPods: ingressPodsOf(ingress.map(s => s.metric)),
    busExporterPods: pods(bus),
  };
}
