import { chartDomain } from './chartDomain';

describe('chartDomain', () => {
  it('keeps a span when every value is the same', () => {
    const [lo, hi] = chartDomain([0.995, 0.995], { floor: 0, ceiling: 1 });
    expect(hi).toBeLessThanOrEqual(1);
    expect(hi - lo).toBeGreaterThan(0.01);
    expect(lo).toBeLessThan(0.995);
  });

  it('adds a tenth of the span as margin, clamped to the bounds', () => {
    expect(chartDomain([10, 20])).toEqual([9, 21]);
    expect(chartDomain([0, 10], { floor: 0 })).toEqual([0, 11]);
    expect(chartDomain([0.9, 1], { floor: 0, ceiling: 1 })).toEqual([0.89, 1]);
  });

  it('keeps the labels apart when the values nearly agree', () => {
    // 99.55 % to 99.57 %: a span of 5 % of the value, inside the ceiling.
    const [lo, hi] = chartDomain([0.9955, 0.9957], { floor: 0, ceiling: 1 });
    expect(hi).toBe(1);
    expect(hi - lo).toBeCloseTo(0.9957 * 0.05, 6);
    const [low, high] = chartDomain([200, 201]);
    expect(low).toBeCloseTo(195.475, 6);
    expect(high).toBeCloseTo(205.525, 6);
  });

  it('keeps a span for a flat zero', () => {
    const [lo, hi] = chartDomain([0, 0], { floor: 0 });
    expect(lo).toBe(0);
    expect(hi).toBeGreaterThan(0);
  });
});
