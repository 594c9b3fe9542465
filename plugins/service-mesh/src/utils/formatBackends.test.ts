import { formatBackends } from './formatBackends';

describe('formatBackends', () => {
  it('shows each backend with its share of the weights', () => {
    expect(
      formatBackends([
        { name: 'cart', weight: 90 },
        { name: 'cart-v2', weight: 10 },
      ]),
    ).toBe('cart 90 % · cart-v2 10 %');
    expect(
      formatBackends([
        { name: 'a', weight: 1 },
        { name: 'b', weight: 2 },
      ]),
    ).toBe('a 33.3 % · b 66.7 %');
  });

  it('names the port when there is one', () => {
    expect(formatBackends([{ name: 'cart', port: 8080, weight: 1 }])).toBe(
      'cart:8080 100 %',
    );
  });

  it('shows 0 % when every weight is 0 and a dash without backends', () => {
    expect(formatBackends([{ name: 'cart', weight: 0 }])).toBe('cart 0 %');
    expect(formatBackends([])).toBe('—');
  });
});
