import { GoldenMetricsPoint } from '../../api/EntityMeshReport';
import { goldenMetrics } from './goldenMetrics';
import { MetricsWindow, MetricWorkload } from './metricsWindow';
import { keysIn, rowsOf, windowIndex } from './windowIndex';

/** Whether any of the windows has an inbound-response row of the workloads (even a zero increase). */
function hasData(windows: MetricsWindow[], workloads: Array<{ cluster: string } & MetricWorkload>): boolean {
  return windows.some(w => rowsOf(windowIndex(w).inbound, keysIn(w.cluster, workloads)).length > 0);
}

/**
 * One golden-metrics point per step. A step where the workloads' series have samples but served
 * no request is RPS 0; a step without any sample of them (a scrape missed, the series not yet
 * there) has RPS `null`, so that a chart draws a gap instead of a fall to 0. Without data at any
 * step (workloads without proxy metrics) the series is empty.
 */
export function goldenMetricsSeries(
  points: MetricsWindow[][],
  workloads: Array<{ cluster: string } & MetricWorkload>,
): GoldenMetricsPoint[] {
  const byTime = new Map<number, MetricsWindow[]>();
  for (const clusterPoints of points) {
    for (const p of clusterPoints) byTime.set(p.end, [...(byTime.get(p.end) ?? []), p]);
  }
  const series = [...byTime.entries()].sort((a, b) => a[0] - b[0]).map(([t, windows]) => {
    const g = goldenMetrics(windows, workloads);
    const rps = g?.rps ?? (hasData(windows, workloads) ? 0 : null);
    return { t: new Date(t * 1000).toISOString(), successRate: g?.successRate, rps, latencyMs: g?.latencyMs };
  });
  return series.some(p => p.rps !== null) ? series : [];
}
