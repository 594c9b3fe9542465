import { MetricsWindow, PolicySample } from '@meshlens/plugin-service-mesh-common';
import { readPolicySamples } from '../../adapters/prometheus/readPolicySamples';
import { PrometheusClient } from '../../adapters/prometheus/PrometheusClient';
import { readMetricsWindow } from '../../adapters/prometheus/readMetricsWindow';
import { readMetricsSeries } from '../../adapters/prometheus/readMetricsSeries';
import { MetricsSource, SharedCache } from './MetricsSource';

/**
 * A cluster's Prometheus: one batch of queries per window and refresh cycle, whatever the
 * number of entities viewed. `evaluationTime` pins the query time (replayed or recorded data).
 */
export class PrometheusMetricsSource implements MetricsSource {
  private readonly cache: SharedCache<MetricsWindow>;
  private readonly seriesCache: SharedCache<MetricsWindow[]>;
  private readonly policyCache: SharedCache<PolicySample[]>;

  constructor(
    private readonly cluster: string,
    private readonly client: PrometheusClient,
    refreshMs: number,
    private readonly evaluationTime?: number,
  ) {
    this.cache = new SharedCache(refreshMs);
    this.seriesCache = new SharedCache(refreshMs);
    this.policyCache = new SharedCache(refreshMs);
  }

  getPolicySamples(windowSeconds: number): Promise<PolicySample[]> {
    return this.policyCache.get(String(windowSeconds), () => readPolicySamples(this.client, this.cluster, windowSeconds, this.end()));
  }

  private end(): number {
    return this.evaluationTime ?? Math.floor(Date.now() / 1000);
  }

  getSeries(windowSeconds: number): Promise<MetricsWindow[]> {
    return this.seriesCache.get(String(windowSeconds), () => readMetricsSeries(this.client, this.cluster, windowSeconds, this.end()));
  }

  getWindow(windowSeconds: number): Promise<MetricsWindow> {
    return this.cache.get(String(windowSeconds), () =>
      readMetricsWindow(this.client, this.cluster, windowSeconds, this.end()),
    );
  }
}
