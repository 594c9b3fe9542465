import {
  bucketBound,
  metricWorkload,
  MetricsWindow,
} from '@meshlens/plugin-service-mesh-common';
import { PrometheusClient } from './PrometheusClient';

const OWNER = 'namespace, deployment, statefulset, daemonset, k8s_job';

/** The step of a window's time series: about 60 points, at least 15 s. */
export function seriesStep(windowSeconds: number): number {
  return Math.max(15, Math.round(windowSeconds / 60));
}

/**
 * Inbound responses and latency of every workload per step over the window: two batched range
 * queries per cluster, returned as one small MetricsWindow per step.
 */
export async function readMetricsSeries(
  client: PrometheusClient,
  cluster: string,
  windowSeconds: number,
  end: number,
): Promise<MetricsWindow[]> {
  const step = seriesStep(windowSeconds);
  const start = end - windowSeconds + step;
  const [responses, latency] = await Promise.all([
    client.range(
      `sum by (${OWNER}, classification) (increase(response_total{direction="inbound"}[${step}s]))`,
      start,
      end,
      step,
    ),
    client.range(
      `sum by (${OWNER}, le) (increase(response_latency_ms_bucket{direction="inbound"}[${step}s]))`,
      start,
      end,
      step,
    ),
  ]);
  const points = new Map<number, MetricsWindow>();
  const at = (t: number) => {
    let w = points.get(t);
    if (!w)
      points.set(
        t,
        (w = {
          cluster,
          windowSeconds: step,
          end: t,
          inbound: [],
          latency: [],
          edges: [],
          edgeResponses: [],
          edgeLatency: [],
          crypto: [],
          leafExpiry: [],
        }),
      );
    return w;
  };
  for (const s of responses) {
    const workload = metricWorkload(s.metric);
    if (!workload) continue;
    const classification =
      s.metric.classification === 'success' ? 'success' : 'failure';
    for (const [t, v] of s.values)
      if (Number.isFinite(v))
        at(t).inbound.push({ workload, tls: '', classification, count: v });
  }
  for (const s of latency) {
    const workload = metricWorkload(s.metric);
    const le = bucketBound(s.metric.le);
    if (!workload || Number.isNaN(le)) continue;
    for (const [t, v] of s.values)
      if (Number.isFinite(v)) at(t).latency.push({ workload, le, count: v });
  }
  return [...points.values()].sort((a, b) => a.end - b.end);
}
