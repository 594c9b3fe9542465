import { metricWorkload, MetricWorkload, workloadKey } from '@meshlens/plugin-service-mesh-common';
import { increase } from './evaluateSeries';
import { RecordedSeries } from './parseOpenMetrics';

/** What one grouped `sum by (…) (increase(…))` returns, evaluated on recorded samples. */
export interface GroupedSample {
  labels: Record<string, string>;
  value: number;
  workload?: MetricWorkload;
}

/**
 * `sum by (by…) (increase({__name__=name, match…}[window]))` at `end` over recorded series, as
 * Prometheus computes it; `perWorkload` adds the owner workload to the grouping, as the batched
 * queries' `perWorkload` does (series without an owner label by pod). Series without samples in
 * the window give nothing, as in Prometheus.
 */
export function evaluateGrouped(series: RecordedSeries[], end: number, windowSeconds: number, family: { name: string; by: string[]; match?: Record<string, string>; perWorkload: boolean }): GroupedSample[] {
  const groups = new Map<string, GroupedSample>();
  for (const s of series) {
    if (s.name !== family.name || Object.entries(family.match ?? {}).some(([k, v]) => (s.labels[k] ?? '') !== v)) continue;
    const workload = family.perWorkload ? metricWorkload(s.labels) : undefined;
    if (family.perWorkload && !workload) continue;
    const v = increase(s.samples, end, windowSeconds);
    if (v === undefined) continue;
    const labels = Object.fromEntries(family.by.filter(k => s.labels[k]).map(k => [k, s.labels[k]]));
    const key = `${workload ? workloadKey(workload) : ''}|${family.by.map(k => s.labels[k] ?? '').join('|')}`;
    const g = groups.get(key);
    if (g) g.value += v;
    else groups.set(key, { labels, value: v, ...(workload ? { workload } : {}) });
  }
  return [...groups.values()];
}
