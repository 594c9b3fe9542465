/**
 * How an edge's or an entity's success rate reads: `poor` below 90 %,
 * `warning` below 95 %, else `good`; `unknown` without requests. The
 * thresholds are the Linkerd viz dashboard's.
 *
 * @internal
 */
export function successRateClass(
  rate: number | undefined | null,
): 'good' | 'warning' | 'poor' | 'unknown' {
  if (rate === undefined || rate === null || Number.isNaN(rate)) {
    return 'unknown';
  }
  if (rate < 0.9) return 'poor';
  if (rate < 0.95) return 'warning';
  return 'good';
}
