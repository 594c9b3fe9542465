import { GoldenMetrics } from '../../api/EntityMeshReport';
import { histogramQuantile } from './histogramQuantile';
import { MetricsWindow, MetricWorkload } from './metricsWindow';
import { keysIn, rowsOf, windowIndex } from './windowIndex';

/** Traffic of a set of workloads: inbound responses and merged latency buckets. */
interface Totals {
  success: number;
  failure: number;
  buckets: Map<number, number>;
}

function totalsOf(windows: MetricsWindow[], workloads: Array<{ cluster: string } & MetricWorkload>): Totals {
  const t: Totals = { success: 0, failure: 0, buckets: new Map() };
  for (const w of windows) {
    const index = windowIndex(w);
    const keys = keysIn(w.cluster, workloads);
    for (const r of rowsOf(index.inbound, keys)) {
      if (r.classification === 'success') t.success += r.count;
      else t.failure += r.count;
    }
    for (const b of rowsOf(index.latency, keys)) t.buckets.set(b.le, (t.buckets.get(b.le) ?? 0) + b.count);
  }
  return t;
}

const round = (x: number, digits: number) => Number(x.toFixed(digits));

/**
 * Golden metrics the way `linkerd viz stat` computes them — success = success / (success +
 * failure) of inbound responses, RPS = responses / window, latency quantiles from the inbound
 * histogram — over every given workload at once (request-weighted: counts and buckets are summed
 * before dividing). Undefined when the workloads served no request in the window.
 */
export function goldenMetrics(
  windows: MetricsWindow[],
  workloads: Array<{ cluster: string } & MetricWorkload>,
): GoldenMetrics | undefined {
  const t = totalsOf(windows, workloads);
  const total = t.success + t.failure;
  if (total === 0 || windows.length === 0) return undefined;
  const buckets = [...t.buckets].map(([le, count]) => ({ le, count }));
  const q = (x: number) => {
    const v = histogramQuantile(x, buckets);
    return Number.isNaN(v) ? 0 : round(v, 2);
  };
  return {
    successRate: round(t.success / total, 6),
    rps: round(total / windows[0].windowSeconds, 4),
    latencyMs: { p50: q(0.5), p95: q(0.95), p99: q(0.99) },
  };
}
