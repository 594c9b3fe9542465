import { GoldenMetricsPoint } from '../../api/EntityMeshReport';
import { goldenMetrics } from './goldenMetrics';
import { MetricsWindow, MetricWorkload } from './metricsWindow';

/** One golden-metrics point per step (RPS 0 where the workloads served nothing). */
export function goldenMetricsSeries(
  points: MetricsWindow[][],
  workloads: Array<{ cluster: string } & MetricWorkload>,
): GoldenMetricsPoint[] {
  const byTime = new Map<number, MetricsWindow[]>();
  for (const clusterPoints of points) {
    for (const p of clusterPoints) byTime.set(p.end, [...(byTime.get(p.end) ?? []), p]);
  }
  return [...byTime.entries()].sort((a, b) => a[0] - b[0]).map(([t, windows]) => {
    const g = goldenMetrics(windows, workloads);
    return { t: new Date(t * 1000).toISOString(), successRate: g?.successRate, rps: g?.rps ?? 0, latencyMs: g?.latencyMs };
  });
}
