import { DestinationSubscribers, EgressSample, MetricsWindow, MulticlusterSamples, PolicySample, RouteSample } from '@meshlens/plugin-service-mesh-common';
import { readEgressSamples } from '../../adapters/prometheus/readEgressSamples';
import { readDestinationSubscribers } from '../../adapters/prometheus/readDestinationSubscribers';
import { readRouteSamples } from '../../adapters/prometheus/readRouteSamples';
import { readMulticlusterSamples } from '../../adapters/prometheus/readMulticlusterSamples';
import { readPolicySamples } from '../../adapters/prometheus/readPolicySamples';
import { PrometheusClient } from '../../adapters/prometheus/PrometheusClient';
import { readMetricsWindow } from '../../adapters/prometheus/readMetricsWindow';
import { readMetricsSeries } from '../../adapters/prometheus/readMetricsSeries';
import { scrapeIntervalOf } from '../../adapters/prometheus/scrapeIntervalOf';
import { DEFAULT_SCRAPE_INTERVAL_SECONDS } from '../../adapters/prometheus/seriesSteps';
import { MetricsSource, SharedCache } from './MetricsSource';

/** How long the scrape interval read from Prometheus's configuration is reused. */
const SCRAPE_INTERVAL_TTL_MS = 10 * 60_000;

/**
 * A cluster's Prometheus: one batch of queries per window and refresh cycle, whatever the
 * number of entities viewed. `evaluationTime` pins the query time (replayed or recorded data).
 * The series' step ranges follow the scrape interval: `scrapeIntervalSeconds` when configured,
 * else the `linkerd-proxy` job's (or the global) interval from Prometheus's configuration, else 30 s.
 */
export class PrometheusMetricsSource implements MetricsSource {
  private readonly cache: SharedCache<MetricsWindow>;
  private readonly seriesCache: SharedCache<MetricsWindow[]>;
  private readonly intervalCache = new SharedCache<number>(SCRAPE_INTERVAL_TTL_MS);
  private readonly policyCache: SharedCache<PolicySample[]>;
  private readonly egressCache: SharedCache<EgressSample[]>;
  private readonly routeCache: SharedCache<RouteSample[]>;
  private readonly destinationCache: SharedCache<DestinationSubscribers[]>;
  private readonly multiclusterCache: SharedCache<MulticlusterSamples>;

  constructor(
    private readonly cluster: string,
    private readonly client: PrometheusClient,
    refreshMs: number,
    private readonly evaluationTime?: number,
    private readonly scrapeIntervalSeconds?: number,
  ) {
    this.cache = new SharedCache(refreshMs);
    this.seriesCache = new SharedCache(refreshMs);
    this.policyCache = new SharedCache(refreshMs);
    this.egressCache = new SharedCache(refreshMs);
    this.routeCache = new SharedCache(refreshMs);
    this.destinationCache = new SharedCache(refreshMs);
    this.multiclusterCache = new SharedCache(refreshMs);
  }

  getDestinationHotSpots(): Promise<DestinationSubscribers[]> {
    return this.destinationCache.get('now', () => readDestinationSubscribers(this.client, this.end()));
  }

  getRouteSamples(windowSeconds: number): Promise<RouteSample[]> {
    return this.routeCache.get(String(windowSeconds), () => readRouteSamples(this.client, this.cluster, windowSeconds, this.end()));
  }

  getEgressSamples(windowSeconds: number): Promise<EgressSample[]> {
    return this.egressCache.get(String(windowSeconds), () => readEgressSamples(this.client, this.cluster, windowSeconds, this.end()));
  }

  getMulticlusterSamples(windowSeconds: number): Promise<MulticlusterSamples> {
    return this.multiclusterCache.get(String(windowSeconds), () => readMulticlusterSamples(this.client, this.cluster, windowSeconds, this.end()));
  }

  getPolicySamples(windowSeconds: number): Promise<PolicySample[]> {
    return this.policyCache.get(String(windowSeconds), () => readPolicySamples(this.client, this.cluster, windowSeconds, this.end()));
  }

  private end(): number {
    return this.evaluationTime ?? Math.floor(Date.now() / 1000);
  }

  /** The scrape interval the series' ranges are chosen from, in seconds. */
  scrapeInterval(): Promise<number> {
    if (this.scrapeIntervalSeconds !== undefined) return Promise.resolve(this.scrapeIntervalSeconds);
    return this.intervalCache.get('interval', () =>
      this.client.config().then(
        yaml => scrapeIntervalOf(yaml) ?? DEFAULT_SCRAPE_INTERVAL_SECONDS,
        () => DEFAULT_SCRAPE_INTERVAL_SECONDS,
      ),
    );
  }

  getSeries(windowSeconds: number): Promise<MetricsWindow[]> {
    return this.seriesCache.get(String(windowSeconds), async () =>
      readMetricsSeries(this.client, this.cluster, windowSeconds, this.end(), await this.scrapeInterval()),
    );
  }

  getWindow(windowSeconds: number): Promise<MetricsWindow> {
    return this.cache.get(String(windowSeconds), () =>
      readMetricsWindow(this.client, this.cluster, windowSeconds, this.end()),
    );
  }
}
