import { LoggerService } from '@backstage/backend-plugin-api';
import { AnalyzeOptions, analyzeCluster, ClusterMesh } from '@meshlens/plugin-service-mesh-common';
import { ClusterConfig } from '../config/ServiceMeshConfig';
import { ClusterWatch } from '../adapters/kubernetes/ClusterWatch';
import { kubeConfigFor } from '../adapters/kubernetes/kubeConfigFor';
import { ClusterConnection } from '../adapters/kubernetes/credentials/clusterConnection';
import { trustAnchorsOf } from '../adapters/certificates/trustAnchorsOf';
import { webhookCaBundlesOf } from '../adapters/certificates/webhookCaBundlesOf';
import { ClusterSource, ClusterState } from './ClusterSource';
import { PrometheusClient } from '../adapters/prometheus/PrometheusClient';
import { MetricsSource } from './metrics/MetricsSource';
import { PrometheusMetricsSource } from './metrics/PrometheusMetricsSource';
import { CoverageSource, PrometheusCoverageSource } from './metrics/CoverageSource';

/** Re-analysis without a cache change, for time-based findings (certificate windows are days wide). */
const ANALYSIS_MAX_AGE_MS = 10 * 60_000;

/**
 * A live cluster read through watch-backed caches. The analysis is recomputed only when the
 * caches changed since the last request; a request before the first sync waits a bounded time,
 * then answers with what it has and says so.
 */
export class KubernetesClusterSource implements ClusterSource {
  readonly name: string;
  readonly kind = 'kubernetes' as const;
  private watch?: Promise<ClusterWatch>;
  private cached?: { generation: number; mesh: ClusterMesh; at: number; certErrors: string[] };
  private readonly metrics?: MetricsSource;
  private readonly coverage?: CoverageSource;

  constructor(
    private readonly config: ClusterConfig,
    private readonly logger: LoggerService,
    metricsRefreshMs: number,
    private readonly options: AnalyzeOptions = {},
    private readonly syncWaitMs = 10_000,
    private readonly connection?: ClusterConnection,
  ) {
    this.name = config.name;
    if (config.prometheusUrl) {
      const client = new PrometheusClient(config.prometheusUrl, config.prometheusTimeoutMs);
      this.metrics = new PrometheusMetricsSource(config.name, client, metricsRefreshMs, config.prometheusEvaluationTime, config.prometheusScrapeIntervalSeconds);
      this.coverage = new PrometheusCoverageSource(config.name, client, metricsRefreshMs, config.prometheusEvaluationTime);
    }
  }

  /** Starts the caches (also done lazily by the first request). */
  start(): Promise<ClusterWatch> {
    this.watch ??= (async () => {
      const client = await import('@kubernetes/client-node');
      const w = new ClusterWatch(this.name, kubeConfigFor(client, this.config, this.connection), client, this.config.controlPlaneNamespace, this.logger);
      const started = Date.now();
      const done = w.start().then(() => {
        this.logger.info('Cluster cache synced', { cluster: this.name, synced: w.isSynced(), ms: Date.now() - started });
      });
      void done;
      return w;
    })();
    return this.watch;
  }

  async getState(): Promise<ClusterState> {
    let w: ClusterWatch;
    try {
      w = await this.start();
    } catch (e) {
      return { name: this.name, now: new Date(), synced: false, errors: [{ source: `cluster:${this.name}`, message: (e as Error).message }] };
    }
    const deadline = Date.now() + this.syncWaitMs;
    while (!w.isSynced() && w.errors().length === 0 && Date.now() < deadline) {
      await new Promise(r => setTimeout(r, 50));
    }
    const errors = w.errors();
    if (!w.isSynced() && errors.length === 0) {
      errors.push({ source: `cluster:${this.name}`, message: `caches not synced after ${this.syncWaitMs} ms; answering with what is cached so far` });
    }
    if (!w.hasListed()) return { name: this.name, now: new Date(), synced: false, errors };
    // Recompute when the caches changed, and at least every ANALYSIS_MAX_AGE_MS of monotonic
    // time (certificate windows are judged on the wall clock, at the new time after a jump).
    if (this.cached?.generation !== w.generation || performance.now() - this.cached.at > ANALYSIS_MAX_AGE_MS) {
      const generation = w.generation;
      const objects = w.objects();
      const certs = trustAnchorsOf(objects, this.config.controlPlaneNamespace);
      const webhooks = webhookCaBundlesOf(objects);
      const mesh = analyzeCluster({ name: this.name, controlPlaneNamespace: this.config.controlPlaneNamespace, objects, trustAnchors: certs.anchors, webhookCaBundles: webhooks.bundles, policyCrdsServed: w.policyCrdsServed() }, new Date(), this.options);
      this.cached = { generation, mesh, at: performance.now(), certErrors: [...certs.errors, ...webhooks.errors] };
    }
    errors.push(...this.cached.certErrors.map(message => ({ source: `cluster:${this.name}`, message })));
    return { name: this.name, mesh: this.cached.mesh, now: new Date(), synced: w.isSynced(), errors, metrics: this.metrics, coverage: this.coverage };
  }

  async stop(): Promise<void> {
    if (this.watch) await (await this.watch).stop();
  }
}
