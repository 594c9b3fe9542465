import { LoggerService } from '@backstage/backend-plugin-api';
import { AnalyzeOptions, analyzeCluster } from '@meshlens/plugin-service-mesh-common';
import { readSnapshot } from '../adapters/snapshot/readSnapshot';
import { trustAnchorsOf } from '../adapters/certificates/trustAnchorsOf';
import { webhookCaBundlesOf } from '../adapters/certificates/webhookCaBundlesOf';
import { readSnapshotMetrics } from '../adapters/snapshot/readSnapshotMetrics';
import { SnapshotMetricsSource } from './metrics/SnapshotMetricsSource';
import { SnapshotCoverageSource } from './metrics/CoverageSource';
import { COVERAGE_SERIES } from '../adapters/prometheus/coverageQueries';
import { ClusterSource, ClusterState } from './ClusterSource';

/**
 * A cluster read from a snapshot directory. The directory is read and analyzed once, on first
 * use, and the result is shared by every request.
 */
export class SnapshotClusterSource implements ClusterSource {
  readonly kind = 'snapshot' as const;
  private state?: Promise<ClusterState>;

  constructor(
    readonly name: string,
    private readonly dir: string,
    private readonly controlPlaneNamespace: string,
    private readonly logger: LoggerService,
    private readonly options: AnalyzeOptions = {},
  ) {}

  getState(): Promise<ClusterState> {
    this.state ??= this.load();
    return this.state;
  }

  private async load(): Promise<ClusterState> {
    const started = Date.now();
    try {
      const snapshot = await readSnapshot(this.dir, this.name, this.controlPlaneNamespace);
      const recorded = await readSnapshotMetrics(snapshot.metricsFiles, this.dir);
      const end = snapshot.capturedAt ? snapshot.capturedAt.getTime() / 1000 : recorded.lastSampleTime;
      const now = end ? new Date(end * 1000) : new Date();
      const certs = trustAnchorsOf(snapshot.cluster.objects, this.controlPlaneNamespace);
      const webhooks = webhookCaBundlesOf(snapshot.cluster.objects);
      // Series of the coverage queries are not the proxies': a recording of only those means no mesh metrics.
      const proxy = recorded.series.filter(s => !COVERAGE_SERIES.includes(s.name));
      const mesh = analyzeCluster({ ...snapshot.cluster, trustAnchors: certs.anchors, webhookCaBundles: webhooks.bundles }, now, this.options);
      this.logger.info('Snapshot cluster loaded', {
        cluster: this.name,
        pods: snapshot.cluster.objects.pods.length,
        workloads: mesh.workloads.length,
        series: recorded.series.length,
        errors: snapshot.errors.length + recorded.errors.length,
        ms: Date.now() - started,
      });
      return {
        name: this.name,
        mesh,
        now,
        synced: true,
        errors: [
          ...[...snapshot.errors, ...recorded.errors].map(e => ({ ...e, source: `cluster:${this.name}/${e.source}` })),
          ...[...certs.errors, ...webhooks.errors].map(message => ({ source: `cluster:${this.name}`, message })),
        ],
        metrics: proxy.length && end ? new SnapshotMetricsSource(this.name, proxy, end) : undefined,
        // A recording means the cluster had a Prometheus: what it holds besides proxy series counts.
        coverage: recorded.series.length && end ? new SnapshotCoverageSource(this.name, recorded.series, end) : undefined,
      };
    } catch (e) {
      this.logger.warn('Snapshot cluster could not be read', { cluster: this.name, error: String(e) });
      return {
        name: this.name,
        now: new Date(),
        synced: false,
        errors: [{ source: `cluster:${this.name}`, message: (e as Error).message }],
      };
    }
  }
}
