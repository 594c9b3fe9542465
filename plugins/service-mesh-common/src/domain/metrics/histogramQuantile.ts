/**
 * The φ-quantile of a cumulative histogram, interpolated linearly inside the bucket the rank
 * falls in, exactly as Prometheus's `histogram_quantile` does (the lowest bucket starts at 0,
 * a rank in the +Inf bucket returns the highest finite bound). NaN without observations.
 */
export function histogramQuantile(q: number, buckets: Array<{ le: number; count: number }>): number {
  const sorted = [...buckets].sort((a, b) => a.le - b.le);
  if (sorted.length < 2 || sorted[sorted.length - 1].le !== Infinity) return NaN;
  // Counts must be monotonic; Prometheus fixes small inconsistencies the same way.
  for (let i = 1; i < sorted.length; i++) sorted[i] = { ...sorted[i], count: Math.max(sorted[i].count, sorted[i - 1].count) };
  const total = sorted[sorted.length - 1].count;
  if (total === 0 || q < 0 || q > 1 || Number.isNaN(q)) return NaN;
  const rank = q * total;
  let i = sorted.findIndex(b => b.count >= rank);
  if (i === sorted.length - 1) return sorted[sorted.length - 2].le;
  if (i === 0 && sorted[0].le <= 0) return sorted[0].le;
  let lower = 0;
  let below = 0;
  if (i > 0) {
    lower = sorted[i - 1].le;
    below = sorted[i - 1].count;
  }
  i = Math.max(i, 0);
  const upper = sorted[i].le;
  const inBucket = sorted[i].count - below;
  return inBucket === 0 ? upper : lower + (upper - lower) * ((rank - below) / inBucket);
}
