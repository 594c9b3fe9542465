import { formatNumber } from './formatNumber';

describe('formatNumber', () => {
  it('keeps fewer decimals for larger values', () => {
    expect(formatNumber(0.1234)).toBe('0.12');
    expect(formatNumber(12.3456)).toBe('12.3');
    expect(formatNumber(1600)).toBe('1,600');
    expect(formatNumber(3)).toBe('3');
  });
});
