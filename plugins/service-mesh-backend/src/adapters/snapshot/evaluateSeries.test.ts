import { increase, rate, sampleSpacing, valueAt } from './evaluateSeries';
import { parseOpenMetrics } from './parseOpenMetrics';

const series = (step: number, values: number[], start = 1000): Array<[number, number]> => values.map((v, i) => [start + i * step, v]);

// The rules below follow Prometheus 3.x: promql/functions.go `extrapolatedRate` and
// promql/engine.go `matrixIterSlice` (left-open range, `t > mint`) and `vectorSelectorSingle`
// (lookback `(t - 5m, t]`) in github.com/prometheus/prometheus v0.316.0 (Prometheus 3.16.0).
// test/integration/promql-parity.test.ts checks the same edge cases against that Prometheus.
describe('increase (Prometheus 3.x extrapolation)', () => {
  it('is exact when samples cover the range', () => {
    expect(increase(series(15, [0, 15, 30, 45, 60, 75]), 1075, 60)).toBeCloseTo(60, 9);
  });
  it('adds counter resets back', () => {
    // (1000, 1060] holds 115, 5, 20, 35: 5 + 15 + 15 after the reset, over 45 s of samples,
    // extrapolated by the 15 s to the start (< 1.1 × 15 s).
    expect(increase(series(15, [100, 115, 5, 20, 35]), 1060, 60)).toBeCloseTo((5 + 15 + 15) * (60 / 45), 9);
  });
  it('excludes a sample exactly at the range start (left-open since 3.0)', () => {
    // (1000, 1060] holds only the sample at 1060: no result. Prometheus 2.x read both.
    expect(increase([[1000, 0], [1060, 60]], 1060, 60)).toBeUndefined();
    // Four of the five samples are in range; extrapolating 15 s back (< 1.1 × 15 s) gives 60.
    expect(increase(series(15, [0, 10, 20, 30, 40]), 1060, 60)).toBeCloseTo(40, 9);
  });
  it('extrapolates towards the range start, but not beyond where the counter was zero', () => {
    // Samples 1030..1060 in (1000, 1060]: the gap to the start (30 s) is over 1.1 × 15 s, so
    // only half an interval (7.5 s) would be added; zero is 2 s away (30 × 2/30): take 2 s.
    expect(increase(series(15, [2, 17, 32], 1030), 1060, 60)).toBeCloseTo(32, 9);
    // Zero is far away: half an interval is added.
    expect(increase(series(15, [1000, 1015, 1030], 1030), 1060, 60)).toBeCloseTo(30 * (37.5 / 30), 9);
    // Gap to start 10 s (< 16.5 s), zero 4 s before the first sample: 4 s.
    expect(increase(series(15, [4, 19, 34], 1010), 1040, 40)).toBeCloseTo(34, 9);
  });
  it('applies the 1.1× threshold before the zero-point clamp (since 2.51)', () => {
    // Gap to start 30 s ≥ 16.5 s: half an interval, 7.5 s. The zero point is 10 s back (30 ×
    // 10/30), which no longer matters as 7.5 < 10: 30 × 37.5/30 = 37.5. Before 2.51 the clamp
    // came first (10 s < 16.5 s, so all 10 s were added): 40.
    expect(increase(series(15, [10, 25, 40], 1030), 1060, 60)).toBeCloseTo(37.5, 9);
  });
  it('needs two samples', () => {
    expect(increase(series(15, [5]), 1000, 60)).toBeUndefined();
  });
  it('rate is increase per second of the range', () => {
    expect(rate(series(15, [0, 15, 30, 45, 60, 75]), 1075, 60)).toBeCloseTo(1, 9);
    expect(rate(series(15, [5]), 1000, 60)).toBeUndefined();
  });
  it('reads gauges within the 5-minute lookback, left-open', () => {
    expect(valueAt(series(15, [1, 2, 3]), 1100)).toBe(3);
    expect(valueAt(series(15, [1, 2, 3]), 2000)).toBeUndefined();
    expect(valueAt([[1000, 7]], 1300)).toBeUndefined();
    expect(valueAt([[1000, 7]], 1299)).toBe(7);
  });
});

describe('sampleSpacing', () => {
  it('is the median gap between consecutive samples, ignoring a missed scrape', () => {
    expect(sampleSpacing([{ samples: series(10, [1, 2, 3, 4]) }, { samples: [[0, 1], [10, 2], [30, 3]] }])).toBe(10);
    expect(sampleSpacing([{ samples: [[0, 1]] }])).toBeUndefined();
  });
});

describe('parseOpenMetrics', () => {
  it('reads samples with timestamps and names malformed lines', () => {
    const text = [
      '# TYPE request counter',
      'request_total{direction="inbound",namespace="a\\"b",deployment="web"} 1 1000',
      'request_total{direction="inbound",namespace="a\\"b",deployment="web"} 3 1015',
      'response_latency_ms_bucket{le="+Inf"} 2 1000',
      'broken{ 1 2',
      'no_timestamp 4',
      '# EOF',
    ].join('\n');
    const { series: s, errors } = parseOpenMetrics(text);
    expect(s.map(x => [x.name, x.labels.namespace ?? x.labels.le, x.samples])).toEqual([
      ['request_total', 'a"b', [[1000, 1], [1015, 3]]],
      ['response_latency_ms_bucket', '+Inf', [[1000, 2]]],
    ]);
    expect(errors).toEqual([{ line: 5, message: 'malformed sample' }, { line: 6, message: 'sample without a timestamp' }]);
  });
  it('reports a truncated file', () => {
    expect(parseOpenMetrics('x 1 1').errors).toEqual([{ line: 1, message: 'missing "# EOF" (truncated file?)' }]);
  });
});
