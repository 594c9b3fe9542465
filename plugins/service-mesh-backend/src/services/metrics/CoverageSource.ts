import { MetricsCoverage } from '@meshlens/plugin-service-mesh-common';
import { PrometheusClient } from '../../adapters/prometheus/PrometheusClient';
import { readMetricsCoverage } from '../../adapters/prometheus/readMetricsCoverage';
import { evaluateCoverage } from '../../adapters/snapshot/evaluateCoverage';
import { RecordedSeries } from '../../adapters/snapshot/parseOpenMetrics';
import { SharedCache } from './MetricsSource';

/** What a cluster's Prometheus holds besides proxy metrics; one batch per refresh cycle. */
export interface CoverageSource {
  getCoverage(): Promise<MetricsCoverage>;
}

/** Coverage from a live Prometheus, cached and shared by every request. */
export class PrometheusCoverageSource implements CoverageSource {
  private readonly cache: SharedCache<MetricsCoverage>;

  constructor(private readonly cluster: string, private readonly client: PrometheusClient, refreshMs: number, private readonly evaluationTime?: number) {
    this.cache = new SharedCache(refreshMs);
  }

  getCoverage(): Promise<MetricsCoverage> {
    return this.cache.get('coverage', () => readMetricsCoverage(this.client, this.cluster, this.evaluationTime ?? Math.floor(Date.now() / 1000)));
  }
}

/** Coverage from a snapshot's recorded samples, at the end of the recording. */
export class SnapshotCoverageSource implements CoverageSource {
  private coverage?: MetricsCoverage;

  constructor(private readonly cluster: string, private readonly recorded: RecordedSeries[], private readonly end: number) {}

  async getCoverage(): Promise<MetricsCoverage> {
    this.coverage ??= evaluateCoverage(this.recorded, this.cluster, this.end);
    return this.coverage;
  }
}
