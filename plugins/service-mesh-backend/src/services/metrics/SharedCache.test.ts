import { SharedCache } from './MetricsSource';

describe('SharedCache', () => {
  afterEach(() => jest.useRealTimers());

  it('shares one load per key within the TTL, then serves the previous value while one reload runs', async () => {
    let t = 0;
    const cache = new SharedCache<number>(1000, () => t);
    const load = jest.fn(async () => t);
    await cache.get('1h', load);
    t = 999;
    await cache.get('1h', load);
    expect(load).toHaveBeenCalledTimes(1);
    t = 1000;
    let release = () => {};
    const slow = jest.fn(() => new Promise<number>(ok => { release = () => ok(1000); }));
    expect(await cache.get('1h', slow)).toBe(0);
    expect(await cache.get('1h', slow)).toBe(0);
    expect(slow).toHaveBeenCalledTimes(1);
    release();
    await new Promise(r => setImmediate(r));
    expect(await cache.get('1h', slow)).toBe(1000);
    expect(slow).toHaveBeenCalledTimes(1);
  });

  it('does not cache a failure: a failed first load or reload is loaded afresh by the next caller', async () => {
    let t = 0;
    const cache = new SharedCache<number>(1000, () => t);
    await expect(cache.get('k', async () => { throw new Error('down'); })).rejects.toThrow('down');
    expect(await cache.get('k', async () => 7)).toBe(7);
    t = 2000;
    expect(await cache.get('k', async () => { throw new Error('down again'); })).toBe(7);
    await new Promise(r => setImmediate(r));
    await expect(cache.get('k', async () => { throw new Error('still down'); })).rejects.toThrow('still down');
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
    await Promise.resolve();
    jest.setSystemTime(new Date('2026-11-29T12:00:00Z'));
    await cache.get('1h', load);
    expect(load).toHaveBeenCalledTimes(2);
  });
});
