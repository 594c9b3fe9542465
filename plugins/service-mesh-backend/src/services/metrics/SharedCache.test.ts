import { SharedCache } from './MetricsSource';

describe('SharedCache', () => {
  afterEach(() => jest.useRealTimers());

  it('shares one load per key within the TTL and reloads after it', async () => {
    let t = 0;
    const cache = new SharedCache<number>(1000, () => t);
    const load = jest.fn(async () => t);
    await cache.get('1h', load);
    t = 999;
    await cache.get('1h', load);
    expect(load).toHaveBeenCalledTimes(1);
    t = 1000;
    expect(await cache.get('1h', load)).toBe(1000);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('does not cache a failure', async () => {
    const cache = new SharedCache<number>(1000, () => 0);
    await expect(cache.get('k', async () => { throw new Error('down'); })).rejects.toThrow('down');
    expect(await cache.get('k', async () => 7)).toBe(7);
  });

  it('keeps refreshing when the wall clock jumps back a day (monotonic ages)', async () => {
    jest.useFakeTimers({ now: new Date('2026-11-27T12:00:00Z') });
    const cache = new SharedCache<string>(30_000);
    const load = jest.fn(async () => new Date().toISOString());
    await cache.get('1h', load);
    jest.setSystemTime(new Date('2026-11-26T12:00:00Z'));
    jest.advanceTimersByTime(30_000);
    await cache.get('1h', load);
    expect(load).toHaveBeenCalledTimes(2);
    jest.setSystemTime(new Date('2026-11-29T12:00:00Z'));
    await cache.get('1h', load);
    expect(load).toHaveBeenCalledTimes(2);
  });
});
