import { increase, valueAt } from './evaluateSeries';
import { parseOpenMetrics } from './parseOpenMetrics';

const series = (step: number, values: number[], start = 1000): Array<[number, number]> => values.map((v, i) => [start + i * step, v]);

describe('increase (Prometheus 2.x extrapolation)', () => {
  it('is exact when samples cover the range', () => {
    expect(increase(series(15, [0, 15, 30, 45, 60, 75]), 1075, 60)).toBeCloseTo(60, 9);
  });
  it('adds counter resets back', () => {
    expect(increase(series(15, [100, 115, 5, 20, 35]), 1060, 60)).toBeCloseTo(15 + 5 + 15 + 15, 9);
  });
  it('extrapolates towards the range start, but not beyond where the counter was zero', () => {
    // Samples 1030..1060 in a 1000..1060 range. The counter would reach zero 10 s before the
    // first sample (30 × 10/30), closer than the 30 s to the start: extrapolate 10 s.
    expect(increase(series(15, [10, 25, 40], 1030), 1060, 60)).toBeCloseTo(40, 9);
    expect(increase(series(15, [1, 16, 31], 1030), 1060, 60)).toBeCloseTo(31, 9);
    // Zero is far away: the 30 s gap exceeds 1.1 × 15 s, so only half an interval is added.
    expect(increase(series(15, [1000, 1015, 1030], 1030), 1060, 60)).toBeCloseTo(30 * (37.5 / 30), 9);
  });
  it('needs two samples', () => {
    expect(increase(series(15, [5]), 1000, 60)).toBeUndefined();
  });
  it('reads gauges within the 5-minute lookback', () => {
    expect(valueAt(series(15, [1, 2, 3]), 1100)).toBe(3);
    expect(valueAt(series(15, [1, 2, 3]), 2000)).toBeUndefined();
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
