import { DestinationSubscribers, EgressSample, MetricsWindow, MulticlusterSamples, PolicySample, RouteSample } from '@meshlens/plugin-service-mesh-common';

/** Proxy metrics of one cluster, per window, cached and shared by every request. */
export interface MetricsSource {
  getWindow(windowSeconds: number): Promise<MetricsWindow>;
  /** Inbound traffic per step over the window, for charts. */
  getSeries(windowSeconds: number): Promise<MetricsWindow[]>;
  /** The proxies' authorization counters over the window (denials, rate limiting, audit); Prometheus only. */
  getPolicySamples?(windowSeconds: number): Promise<PolicySample[]>;
  /** The proxies' route metrics of traffic leaving the mesh (EgressNetwork or egress-fallback parents). */
  getEgressSamples?(windowSeconds: number): Promise<EgressSample[]>;
  /** The proxies' route counters over the window (retries, timeouts, backends, inbound per route). */
  getRouteSamples?(windowSeconds: number): Promise<RouteSample[]>;
  /** The Services with the most destination subscribers, at the end of the window. */
  getDestinationHotSpots?(): Promise<DestinationSubscribers[]>;
  /** Gateway probes and calls to mirror Services over the window (multi-cluster). */
  getMulticlusterSamples?(windowSeconds: number): Promise<MulticlusterSamples>;
}

/**
 * Caches one value per key for `ttlMs`; concurrent callers share the in-flight promise. After the
 * TTL the previous value is still served while one reload runs in the background (so requests do
 * not queue behind a refresh); a failed reload drops the entry, and the next caller loads afresh
 * and sees the failure. A failed first load is not cached either. Ages are measured on the
 * monotonic clock, so a wall-clock jump neither freezes nor flushes the cache.
 */
export class SharedCache<T> {
  private readonly entries = new Map<string, { at: number; value: Promise<T>; loaded: boolean; reloading: boolean }>();
  constructor(private readonly ttlMs: number, private readonly now: () => number = () => performance.now()) {}

  get(key: string, load: () => Promise<T>): Promise<T> {
    const hit = this.entries.get(key);
    if (hit && (this.now() - hit.at < this.ttlMs || hit.reloading || !hit.loaded)) return hit.value;
    if (hit) {
      hit.reloading = true;
      const next = load();
      next.then(
        () => this.entries.set(key, { at: this.now(), value: next, loaded: true, reloading: false }),
        () => { if (this.entries.get(key) === hit) this.entries.delete(key); },
      );
      return hit.value;
    }
    const entry = { at: this.now(), value: load(), loaded: false, reloading: false };
    this.entries.set(key, entry);
    entry.value.then(
      () => { entry.loaded = true; },
      () => { if (this.entries.get(key) === entry) this.entries.delete(key); },
    );
    return entry.value;
  }
}
