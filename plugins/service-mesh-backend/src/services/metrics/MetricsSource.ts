import { MetricsWindow } from '@meshlens/plugin-service-mesh-common';

/** Proxy metrics of one cluster, per window, cached and shared by every request. */
export interface MetricsSource {
  getWindow(windowSeconds: number): Promise<MetricsWindow>;
  /** Inbound traffic per step over the window, for charts. */
  getSeries(windowSeconds: number): Promise<MetricsWindow[]>;
}

/**
 * Caches one value per key for `ttlMs`; concurrent callers share the in-flight promise, and a
 * failure is not cached (the next request retries). Ages are measured on the monotonic clock,
 * so a wall-clock jump neither freezes nor flushes the cache.
 */
export class SharedCache<T> {
  private readonly entries = new Map<string, { at: number; value: Promise<T> }>();
  constructor(private readonly ttlMs: number, private readonly now: () => number = () => performance.now()) {}

  get(key: string, load: () => Promise<T>): Promise<T> {
    const hit = this.entries.get(key);
    if (hit && this.now() - hit.at < this.ttlMs) return hit.value;
    const value = load();
    this.entries.set(key, { at: this.now(), value });
    value.catch(() => {
      if (this.entries.get(key)?.value === value) this.entries.delete(key);
    });
    return value;
  }
}
