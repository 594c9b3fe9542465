/**
 * Prometheus 3.x's `increase()` over the range `(end - window, end]`, for float counters, as
 * `extrapolatedRate` in promql/functions.go of github.com/prometheus/prometheus v0.316.0
 * (Prometheus 3.16) computes it:
 *
 * - the range is left-open (since 3.0, `matrixIterSlice` in promql/engine.go keeps samples with
 *   `t > mint`): a sample exactly at the range start is not in it;
 * - the result is last minus first sample, with every counter reset (a decrease) adding back the
 *   value before it;
 * - it is extrapolated towards each boundary by the gap to it when that gap is shorter than 1.1 ×
 *   the average sample interval, else by half an interval (the series is taken to start or end
 *   inside the range); only then (since 2.51) is the start capped at the extrapolated zero point
 *   of the counter;
 * - with fewer than two samples there is no result.
 *
 * Not modelled: native histograms and start (created) timestamps, which Meshlens's snapshots do
 * not carry, and stale markers (snapshots record no NaN samples).
 */
export function increase(samples: Array<[number, number]>, end: number, window: number): number | undefined {
  const start = end - window;
  const inRange = samples.filter(([t]) => t > start && t <= end);
  if (inRange.length < 2) return undefined;
  let result = inRange[inRange.length - 1][1] - inRange[0][1];
  for (let i = 1; i < inRange.length; i++) {
    if (inRange[i][1] < inRange[i - 1][1]) result += inRange[i - 1][1];
  }
  const [firstT, firstV] = inRange[0];
  const lastT = inRange[inRange.length - 1][0];
  const sampled = lastT - firstT;
  if (sampled === 0) return undefined;
  const average = sampled / (inRange.length - 1);
  const threshold = average * 1.1;
  let toStart = firstT - start;
  let toEnd = end - lastT;
  if (toStart >= threshold) toStart = average / 2;
  if (result > 0 && firstV >= 0) toStart = Math.min(toStart, sampled * (firstV / result));
  if (toEnd >= threshold) toEnd = average / 2;
  return result * ((sampled + toStart + toEnd) / sampled);
}

/** Prometheus's `rate()`: {@link increase} per second of the range. */
export function rate(samples: Array<[number, number]>, end: number, window: number): number | undefined {
  const v = increase(samples, end, window);
  return v === undefined ? undefined : v / window;
}

/**
 * A gauge's value at `end`: the last sample in Prometheus's 5-minute lookback `(end - 5m, end]`
 * (left-open since 3.0, like range selectors).
 */
export function valueAt(samples: Array<[number, number]>, end: number, lookback = 300): number | undefined {
  for (let i = samples.length - 1; i >= 0; i--) {
    const [t, v] = samples[i];
    if (t <= end) return t > end - lookback ? v : undefined;
  }
  return undefined;
}

/**
 * The scrape interval a recording was taken at: the median spacing of consecutive samples over
 * every series (a missed scrape or a series starting late does not move the median). Undefined
 * when no series has two samples.
 */
export function sampleSpacing(series: Array<{ samples: Array<[number, number]> }>): number | undefined {
  const gaps: number[] = [];
  for (const s of series) {
    for (let i = 1; i < s.samples.length; i++) {
      const gap = s.samples[i][0] - s.samples[i - 1][0];
      if (gap > 0) gaps.push(gap);
    }
  }
  if (gaps.length === 0) return undefined;
  gaps.sort((a, b) => a - b);
  return gaps[Math.floor(gaps.length / 2)];
}
