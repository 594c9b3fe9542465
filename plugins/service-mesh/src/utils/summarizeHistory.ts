import type {
  MeshHistoryPoint,
  TriggerId,
} from '@meshlens/plugin-service-mesh-common';

/**
 * One recorded value over time, as {@link summarizeHistory} extracts it.
 *
 * @internal
 */
export interface HistorySeries {
  /** The points that carry the value, oldest first. */
  points: Array<{ t: string; value: number }>;
  first: number;
  last: number;
  /** The date (`YYYY-MM-DD`, UTC) of the first point carrying the value. */
  since: string;
}

/**
 * What changed over an entity's mesh history.
 *
 * @internal
 */
export interface HistorySummary {
  /** The date (`YYYY-MM-DD`, UTC) of the first point. */
  since: string;
  /** The readiness score (0..100); absent when no point has one. */
  score?: HistorySeries;
  /** Inbound mTLS coverage (0..1); absent when no point has metrics. */
  mtls?: HistorySeries;
  /** Triggers firing at the last point that did not at the first. */
  startedFiring: TriggerId[];
  /** Triggers firing at the first point that no longer do at the last. */
  stoppedFiring: TriggerId[];
}

function dateOf(recordedAt: string): string {
  return recordedAt.slice(0, 10);
}

function seriesOf(
  points: MeshHistoryPoint[],
  valueOf: (point: MeshHistoryPoint) => number | undefined,
): HistorySeries | undefined {
  const series = points.flatMap(point => {
    const value = valueOf(point);
    return value === undefined || Number.isNaN(value)
      ? []
      : [{ t: point.recordedAt, value }];
  });
  if (series.length === 0) return undefined;
  return {
    points: series,
    first: series[0].value,
    last: series[series.length - 1].value,
    since: dateOf(series[0].t),
  };
}

/**
 * Summarises mesh history points (oldest first): the score and mTLS series
 * with their first and last values, and the triggers that started or stopped
 * firing between the first and the last point. Undefined without points.
 *
 * @internal
 */
export function summarizeHistory(
  points: MeshHistoryPoint[],
): HistorySummary | undefined {
  if (points.length === 0) return undefined;
  const first = new Set(points[0].triggersFired);
  const last = new Set(points[points.length - 1].triggersFired);
  return {
    since: dateOf(points[0].recordedAt),
    score: seriesOf(points, point => point.score),
    mtls: seriesOf(points, point => point.mtlsInboundRatio),
    startedFiring: [...last].filter(id => !first.has(id)),
    stoppedFiring: [...first].filter(id => !last.has(id)),
  };
}
