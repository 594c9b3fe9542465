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

  it('keeps a span for a flat zero', () => {
    const [lo, hi] = chartDomain([0, 0], { floor: 0 });
    expect(lo).toBe(0);
    expect(hi).toBeGreaterThan(0);
  });
});
