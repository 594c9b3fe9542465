import type { GoldenMetricsPoint } from '@meshlens/plugin-service-mesh-common';

/** Aggregates of one half of a series. */
export interface SeriesAggregate {
  /** Mean requests per second over the points with data. */
  rps?: number;
  /** Success rate weighted by each point's requests. */
  successRate?: number;
  /** Mean of the points' p95 latency (an approximation of the window's p95). */
  p95?: number;
  /** Share of the points that carry requests, 0..1. */
  coverage: number;
}

/** The current half of a series against the half before it. */
export interface SeriesTrend {
  current: SeriesAggregate;
  previous: SeriesAggregate;
}

const present = (value: number | null | undefined): value is number =>
  value !== undefined && value !== null && !Number.isNaN(value);

function aggregate(points: GoldenMetricsPoint[]): SeriesAggregate {
  const rps = points.map(p => p.rps).filter(present);
  const weighted = points.filter(
    p => present(p.successRate) && present(p.rps) && p.rps > 0,
  );
  const requests = weighted.reduce((sum, p) => sum + (p.rps ?? 0), 0);
  const p95 = points.map(p => p.latencyMs?.p95).filter(present);
  const mean = (values: number[]) =>
    values.length === 0
      ? undefined
      : values.reduce((a, b) => a + b, 0) / values.length;
  const withTraffic = points.filter(
    p => (present(p.rps) && p.rps > 0) || present(p.successRate),
  ).length;
  return {
    coverage: points.length === 0 ? 0 : withTraffic / points.length,
    rps: mean(rps),
    successRate:
      requests > 0
        ? weighted.reduce(
            (sum, p) => sum + (p.rps ?? 0) * (p.successRate ?? 0),
            0,
          ) / requests
        : undefined,
    p95: mean(p95),
  };
}

/**
 * Splits a series at the middle of its time span and aggregates each half:
 * with a series of twice the window, the current window against the one
 * before it. No trend when either half has traffic in fewer than half of its
 * points (a window that only starts to fill compares nothing).
 *
 * @internal
 */
export function seriesTrend(
  series: GoldenMetricsPoint[],
): SeriesTrend | undefined {
  const times = series.map(p => Date.parse(p.t));
  if (series.length < 2 || times.some(Number.isNaN)) return undefined;
  const middle = (times[0] + times[times.length - 1]) / 2;
  const previous = aggregate(series.filter((_, i) => times[i] <= middle));
  const current = aggregate(series.filter((_, i) => times[i] > middle));
  if (previous.coverage < 0.5 || current.coverage < 0.5) return undefined;
  return { previous, current };
}
