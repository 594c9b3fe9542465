import { formatMs } from './formatMs';

describe('formatMs', () => {
  it('appends the unit', () => {
    expect(formatMs(27.25)).toBe('27.3 ms');
    expect(formatMs(4.5)).toBe('4.5 ms');
  });
});
