import { formatPercent } from './formatPercent';

describe('formatPercent', () => {
  it('shows two decimals and never rounds up to 100%', () => {
    expect(formatPercent(0.98754)).toBe('98.75%');
    expect(formatPercent(0.999999)).toBe('99.99%');
    expect(formatPercent(0.5)).toBe('50.00%');
    expect(formatPercent(1)).toBe('100%');
    expect(formatPercent(0)).toBe('0%');
  });
});
