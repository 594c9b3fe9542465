/**
 * Prometheus's `increase()` over [end - window, end]: the difference between the last and first
 * samples with counter resets added back, extrapolated towards the range boundaries the way
 * Prometheus 2.x does (at most half a sample interval, never below zero). Undefined with fewer
 * than two samples in range.
 */
export function increase(samples: Array<[number, number]>, end: number, window: number): number | undefined {
  const start = end - window;
  const inRange = samples.filter(([t]) => t >= start && t <= end);
  if (inRange.length < 2) return undefined;
  let result = inRange[inRange.length - 1][1] - inRange[0][1];
  for (let i = 1; i < inRange.length; i++) {
    if (inRange[i][1] < inRange[i - 1][1]) result += inRange[i - 1][1];
  }
  const first = inRange[0];
  const last = inRange[inRange.length - 1];
  const sampled = last[0] - first[0];
  const average = sampled / (inRange.length - 1);
  let toStart = first[0] - start;
  const toEnd = end - last[0];
  if (result > 0 && first[1] >= 0) toStart = Math.min(toStart, sampled * (first[1] / result));
  const threshold = average * 1.1;
  const interval = sampled + (toStart < threshold ? toStart : average / 2) + (toEnd < threshold ? toEnd : average / 2);
  return result * (interval / sampled);
}

/** A gauge's value at `end`: the last sample at or before it within Prometheus's 5-minute lookback. */
export function valueAt(samples: Array<[number, number]>, end: number, lookback = 300): number | undefined {
  for (let i = samples.length - 1; i >= 0; i--) {
    const [t, v] = samples[i];
    if (t <= end) return t > end - lookback ? v : undefined;
  }
  return undefined;
}
export const rate = (s: any, e: number, w: number) => undefined;
export const sampleSpacing = (s: any) => undefined;
