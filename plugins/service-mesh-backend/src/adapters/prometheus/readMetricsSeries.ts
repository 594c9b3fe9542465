import {
  bucketBound,
  metricWorkload,
  MetricsWindow,
} from '@meshlens/plugin-service-mesh-common';
import { seriesQueries } from './metricsQueries';
import { PrometheusClient } from './PrometheusClient';
import { seriesSteps } from './seriesSteps';

/**
 * Inbound responses and latency of every workload per step over the window: two batched range
 * queries per cluster, returned as one small MetricsWindow per step (each covering the step's
 * `increase()` range, see {@link seriesSteps}). Every step of the window has its MetricsWindow;
 * one where Prometheus returned nothing is empty, so it reads as "no data", never as zero.
 * Grouped like the window's queries ({@link seriesQueries}): a CronJob's pods, which carry no owner
 * label, are kept per pod so they can still be matched.
 */
export async function readMetricsSeries(
  client: PrometheusClient,
  cluster: string,
  windowSeconds: number,
  end: number,
  scrapeIntervalSeconds: number,
): Promise<MetricsWindow[]> {
  const { step, range } = seriesSteps(windowSeconds, scrapeIntervalSeconds);
  const start = end - windowSeconds + step;
  const queries = seriesQueries(range);
  const [responses, latency] = await Promise.all([
    client.range(queries.responses, start, end, step),
    client.range(queries.latency, start, end, step),
  ]);
  const points = new Map<number, MetricsWindow>();
  for (let t = start; t <= end; t += step) {
    points.set(t, {
      cluster,
      windowSeconds: range,
      end: t,
      inbound: [],
      latency: [],
      edges: [],
      edgeResponses: [],
      edgeLatency: [],
      crypto: [],
      leafExpiry: [],
    });
  }
  const at = (t: number) => points.get(t);
  for (const s of responses) {
    const workload = metricWorkload(s.metric);
    if (!workload) continue;
    const classification =
      s.metric.classification === 'success' ? 'success' : 'failure';
    for (const [t, v] of s.values)
      if (Number.isFinite(v))
        at(t)?.inbound.push({ workload, tls: '', classification, count: v });
  }
  for (const s of latency) {
    const workload = metricWorkload(s.metric);
    const le = bucketBound(s.metric.le);
    if (!workload || Number.isNaN(le)) continue;
    for (const [t, v] of s.values)
      if (Number.isFinite(v)) at(t)?.latency.push({ workload, le, count: v });
  }
  return [...points.values()];
}
