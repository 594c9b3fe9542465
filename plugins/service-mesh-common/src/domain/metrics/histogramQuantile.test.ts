import { histogramQuantile } from './histogramQuantile';

const b = (pairs: Array<[number, number]>) => pairs.map(([le, count]) => ({ le, count }));

describe('histogramQuantile interpolates like Prometheus', () => {
  const h = b([[5, 0], [10, 50], [20, 65], [40, 95], [100, 99], [200, 100], [Infinity, 100]]);
  it.each([
    [0.5, 10],
    [0.95, 40],
    [0.99, 100],
    [0.8, 30],
    [0.25, 7.5],
    [0, 5],
  ])('q=%s → %s', (q, want) => {
    expect(histogramQuantile(q, h)).toBeCloseTo(want, 6);
  });

  it('returns the highest finite bound when the rank falls in +Inf', () => {
    expect(histogramQuantile(0.99, b([[10, 10], [Infinity, 100]]))).toBe(10);
  });

  it('is NaN without observations or without a +Inf bucket', () => {
    expect(histogramQuantile(0.5, b([[10, 0], [Infinity, 0]]))).toBeNaN();
    expect(histogramQuantile(0.5, b([[10, 5]]))).toBeNaN();
  });

  it('repairs non-monotonic counts', () => {
    expect(histogramQuantile(0.5, b([[10, 60], [20, 50], [Infinity, 100]]))).toBeCloseTo(8.333333, 5);
  });
});
