import { MetricsCoverage } from '@meshlens/plugin-service-mesh-common';
import { APP_REQUEST_METRICS, BUS_EXPORTER_METRICS, INGRESS_SERVICE_METRIC, ingressPodsOf, podOf } from '../prometheus/coverageQueries';
import { valueAt } from './evaluateSeries';
import { RecordedSeries } from './parseOpenMetrics';

const unique = (xs: Array<string | undefined>) => [...new Set(xs.filter((x): x is string => Boolean(x)))].sort();

/** The coverage queries evaluated over recorded samples at `end` (same lookback as Prometheus). */
export function evaluateCoverage(series: RecordedSeries[], cluster: string, end: number): MetricsCoverage {
  const live = series.filter(s => valueAt(s.samples, end) !== undefined);
  const named = (names: string[]) => live.filter(s => names.includes(s.name));
  return {
    cluster,
    podsWithRequestSeries: unique(named(APP_REQUEST_METRICS).map(s => podOf(s.labels))),
    ingressServices: unique(named([INGRESS_SERVICE_METRIC]).map(s => s.labels.service)),
    ingressPods: ingressPodsOf(named([INGRESS_SERVICE_METRIC]).map(s => s.labels)),
    busExporterPods: unique(named(BUS_EXPORTER_METRICS).map(s => podOf(s.labels))),
  };
}
