import {
  AdoptionConfig,
  DEFAULT_ADOPTION_CONFIG,
  entityRunbook,
  adoptionContextFor,
  CatalogGraph,
  entityAdoption,
  buildClusterReport,
  ClusterReport,
  buildEntityReport,
  edgeReports,
  EdgeReport,
  EntityMetricsResponse,
  entityMetricWorkloads,
  goldenMetrics,
  goldenMetricsSeries,
  matchEntityWorkloads,
  mtlsReport,
  peerIdentities,
  zoneLocality,
  peerKubernetesIds,
  ClusterMesh,
  EntityLike,
  EntityMeshReport,
  entityMatcher,
  matcherIncludesCluster,
  MetricsWindow,
  SourceErrorReport,
} from '@meshlens/plugin-service-mesh-common';
import { ClusterSource, ClusterState } from './ClusterSource';
import { catalogEntry } from './CatalogGraphService';
import { NO_CLUSTERS_ERROR } from './noClustersError';
import { Entity } from '@backstage/catalog-model';

/** Entity annotation: plaintext from unmeshed clients is the ingress's, and expected. */
export const INGRESS_FACING_ANNOTATION = 'meshlens.io/ingress-facing';

/** Finds the catalog entities whose `backstage.io/kubernetes-id` is one of `ids`, for a cluster. */
export type EntityResolver = (cluster: string, ids: string[]) => Promise<Map<string, string>>;

/** Computes entity mesh reports from every configured cluster source. */
export class EntityReportService {
  constructor(
    private readonly sources: ClusterSource[],
    readonly defaultWindowSeconds: number,
    private readonly clock: () => Date = () => new Date(),
    private readonly catalogGraph?: { get(): Promise<CatalogGraph> },
    private readonly adoptionConfig: AdoptionConfig = DEFAULT_ADOPTION_CONFIG,
    /** What every answer says while there is no cluster. */
    private readonly noClustersError: SourceErrorReport = NO_CLUSTERS_ERROR,
  ) {}

  /** The report of one catalog entity; partial failures are listed in `errors`. */
  async getReport(entity: EntityLike, entityRef: string, windowSeconds = this.defaultWindowSeconds): Promise<EntityMeshReport> {
    let matcher;
    try {
      matcher = entityMatcher(entity);
    } catch (e) {
      return buildEntityReport({
        entityRef,
        now: this.clock(),
        matcher: { selector: '', requirements: [], clusters: [] },
        clusters: [],
        errors: [...this.configErrors(), { source: `entity:${entityRef}`, message: `backstage.io/kubernetes-label-selector: ${(e as Error).message}` }],
      });
    }
    const states = await Promise.all(
      this.sources.filter(s => matcherIncludesCluster(matcher, s.name)).map(s => s.getState()),
    );
    const metrics = await this.metricsOf(states, windowSeconds);
    const clusters = states.map(s => s.mesh).filter((m): m is ClusterMesh => m !== undefined);
    const report = buildEntityReport({
      entityRef,
      now: this.clock(),
      matcher,
      clusters,
      metrics: metrics.windows,
      ingressFacing: entity.metadata.annotations?.[INGRESS_FACING_ANNOTATION] === 'true',
      errors: [...this.configErrors(), ...states.flatMap(s => s.errors), ...metrics.errors],
    });
    let catalog: CatalogGraph | undefined;
    if (this.catalogGraph) {
      try {
        catalog = await this.catalogGraph.get();
      } catch (e) {
        report.errors.push({ source: 'catalog', message: `relations unavailable for the adoption triggers: ${(e as Error).message}` });
      }
    }
    const now = states.map(s => s.now).sort((a, b) => b.getTime() - a.getTime())[0] ?? this.clock();
    const context = adoptionContextFor({ entity: catalogEntry(entity as Entity), catalog, clusters, metrics: metrics.windows, now });
    if (this.catalogGraph) report.adoption = entityAdoption(context, this.adoptionConfig);
    report.runbook = { steps: entityRunbook({ matched: context.matched, adoption: report.adoption, mtls: report.mtls }) };
    return report;
  }

  /** Errors every answer carries whatever it is about: none, or "no clusters configured". */
  configErrors(): SourceErrorReport[] {
    return this.sources.length === 0 ? [{ ...this.noClustersError }] : [];
  }

  /** Every configured cluster: control plane, certificates, sync state, counts. */
  async getClusters(): Promise<ClusterReport[]> {
    return Promise.all(this.sources.map(async source => {
      const s = await source.getState();
      return buildClusterReport({ name: s.name, source: source.kind, synced: s.synced, now: s.now, mesh: s.mesh, errors: s.errors });
    }));
  }

  /** Golden metrics with their time series, mTLS and edges named by catalog entity. */
  async getMetrics(entity: EntityLike, entityRef: string, windowSeconds: number, window: string, resolve: EntityResolver): Promise<EntityMetricsResponse> {
    let matcher;
    try {
      matcher = entityMatcher(entity);
    } catch (e) {
      const errors = [...this.configErrors(), { source: `entity:${entityRef}`, message: `backstage.io/kubernetes-label-selector: ${(e as Error).message}` }];
      return { entityRef, generatedAt: this.clock().toISOString(), window, windowSeconds, series: [], callers: [], callees: [], errors };
    }
    const states = await Promise.all(this.sources.filter(s => matcherIncludesCluster(matcher, s.name)).map(s => s.getState()));
    const clusters = states.map(s => s.mesh).filter((m): m is ClusterMesh => m !== undefined);
    const workloads = entityMetricWorkloads(matchEntityWorkloads(matcher, clusters));
    const { windows, errors } = await this.metricsOf(states, windowSeconds);
    const series = await Promise.all(
      states.filter(s => s.metrics && s.mesh).map(s => s.metrics!.getSeries(windowSeconds).catch(e => {
        errors.push({ source: `prometheus:${s.name}`, message: (e as Error).message });
        return [];
      })),
    );
    const edges = edgeReports(windows, workloads);
    await this.namePeers(clusters, [...edges.callers, ...edges.callees], resolve);
    identifyCallers(clusters, edges.callers);
    return {
      entityRef,
      generatedAt: this.clock().toISOString(),
      window,
      windowSeconds,
      goldenMetrics: goldenMetrics(windows, workloads),
      mtls: mtlsReport(windows, workloads, { ingressFacing: entity.metadata.annotations?.[INGRESS_FACING_ANNOTATION] === 'true' }),
      series: goldenMetricsSeries(series, workloads),
      ...edges,
      zoneLocality: zoneLocality(windows, workloads),
      errors: [...this.configErrors(), ...states.flatMap(s => s.errors), ...errors],
    };
  }

  /** Sets `peerEntityRef` on edges whose peer workload belongs to a catalog entity. */
  private async namePeers(clusters: ClusterMesh[], edges: EdgeReport[], resolve: EntityResolver) {
    for (const cluster of clusters) {
      const mine = edges.filter(e => e.cluster === cluster.summary.name);
      const ids = peerKubernetesIds(cluster, mine.map(e => e.peer));
      if (ids.size === 0) continue;
      const refs = await resolve(cluster.summary.name, [...new Set(ids.values())]);
      for (const e of mine) e.peerEntityRef = refs.get(ids.get(e.peer) ?? '');
    }
  }

  /** Each cluster's metrics window; a failing Prometheus is named in errors, the rest still used. */
  private async metricsOf(states: ClusterState[], windowSeconds: number) {
    const windows: MetricsWindow[] = [];
    const errors: SourceErrorReport[] = [];
    await Promise.all(
      states.filter(s => s.metrics && s.mesh).map(async s => {
        try {
          windows.push(await s.metrics!.getWindow(windowSeconds));
        } catch (e) {
          errors.push({ source: `prometheus:${s.name}`, message: (e as Error).message });
        }
      }),
    );
    return { windows, errors };
  }
}

/** Callers are shown with their client identity (the server identity is the entity's own). */
function identifyCallers(clusters: ClusterMesh[], callers: EdgeReport[]) {
  for (const cluster of clusters) {
    const mine = callers.filter(e => e.cluster === cluster.summary.name);
    const ids = peerIdentities(cluster, mine.map(e => e.peer));
    for (const e of mine) e.clientId = ids.get(e.peer);
  }
}
