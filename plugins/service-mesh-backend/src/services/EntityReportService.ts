import {
  AdoptionConfig,
  DEFAULT_ADOPTION_CONFIG,
  entityRunbook,
  entityGeneratedPolicy,
  policyActivity,
  PolicySample,
  declaredCallerWorkloads,
  adoptionContextFor,
  CatalogGraph,
  entityAdoption,
  buildClusterReport,
  clusterAdoption,
  ClusterReport,
  buildEntityReport,
  edgeReports,
  unmeshedCallers,
  EdgeReport,
  EntityMetricsResponse,
  entityMetricWorkloads,
  goldenMetrics,
  goldenMetricsSeries,
  matchEntityWorkloads,
  mtlsReport,
  peerIdentities,
  zoneLocality,
  zoneRouting,
  peerKubernetesIds,
  ClusterMesh,
  EntityLike,
  EntityMeshReport,
  entityMatcher,
  matcherIncludesCluster,
  MetricsWindow,
  MetricsCoverage,
  ClusterAdoptionReport,
  SourceErrorReport,
  exportedServices,
  clusterMulticlusterReport,
  crossClusterEdges,
} from '@meshlens/plugin-service-mesh-common';
import { multiclusterSamplesOf } from './multiclusterSamplesOf';
import { ClusterSource, ClusterState } from './ClusterSource';
import { catalogEntry } from './CatalogGraphService';
import { NO_CLUSTERS_ERROR } from './noClustersError';
import { Entity } from '@backstage/catalog-model';
import { coverageOf } from './coverageOf';
import { egressOf } from './metrics/egressOf';
import { routeActivityOf } from './routeActivityOf';
import { destinationHotSpotsOf } from './destinationHotSpotsOf';

/** Entity annotation: plaintext from unmeshed clients is the ingress's, and expected. */
export const INGRESS_FACING_ANNOTATION = 'meshlens.io/ingress-facing';

/** Finds the catalog entities whose `backstage.io/kubernetes-id` is one of `ids`, for a cluster. */
export type EntityResolver = (cluster: string, ids: string[]) => Promise<Map<string, string>>;

const versions = new WeakMap<object, number>();
let nextVersion = 1;
/** A number per object, stable for its life: cached inputs keep their identity until they change. */
function versionOf(o: object | undefined): number {
  if (!o) return 0;
  let v = versions.get(o);
  if (v === undefined) {
    v = nextVersion++;
    versions.set(o, v);
  }
  return v;
}

/** The cluster states and metrics windows of one report, read once by inputVersion. */
export interface ReportInputs {
  states: ClusterState[];
  metrics: { windows: MetricsWindow[]; errors: SourceErrorReport[] };
}

/** Computes entity mesh reports from every configured cluster source. */
export class EntityReportService {
  private readonly clusterVerdicts = new WeakMap<ClusterMesh, { catalog: CatalogGraph; window?: MetricsWindow; coverage?: MetricsCoverage; adoption: ClusterAdoptionReport }>();

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
  async getReport(entity: EntityLike, entityRef: string, windowSeconds = this.defaultWindowSeconds, inputs?: ReportInputs): Promise<EntityMeshReport> {
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
    // Inputs already read by inputVersion are used as they are: reading them again would, for a
    // failing Prometheus, wait for a second timeout.
    const states = inputs?.states ?? await Promise.all(
      this.sources.filter(s => matcherIncludesCluster(matcher, s.name)).map(s => s.getState()),
    );
    const metrics = inputs?.metrics ?? await this.metricsOf(states, windowSeconds);
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
    const coverage = this.catalogGraph ? await coverageOf(states) : { coverage: [], errors: [] };
    // One Prometheus per cluster: when its proxy metrics already failed, that error says it all.
    report.errors.push(...coverage.errors.filter(e => !report.errors.some(r => r.source === e.source)));
    const context = adoptionContextFor({ entity: catalogEntry(entity as Entity), catalog, clusters, metrics: metrics.windows, coverage: coverage.coverage, now });
    if (this.catalogGraph) report.adoption = entityAdoption(context, this.adoptionConfig);
    const { callers } = edgeReports(metrics.windows, entityMetricWorkloads(context.matched));
    identifyCallers(clusters, callers);
    report.multicluster = { exportedServices: exportedServices(context.matched, clusters) };
    report.generatedPolicy = entityGeneratedPolicy({ matched: context.matched, callers, mtls: report.mtls, declaredCallers: declaredCallerWorkloads(context) });
    report.runbook = { steps: entityRunbook({ matched: context.matched, adoption: report.adoption, mtls: report.mtls, policies: report.generatedPolicy }) };
    return report;
  }

  /** Errors every answer carries whatever it is about: none, or "no clusters configured". */
  configErrors(): SourceErrorReport[] {
    return this.sources.length === 0 ? [{ ...this.noClustersError }] : [];
  }

  /**
   * A string that changes whenever an input of the entity's report may have changed: each
   * cluster's analysis (object identity: sources re-analyse on a cache change), sync state and
   * errors, each metrics window (identity: one per refresh cycle) or its error, and the catalog
   * graph. The adoption config is fixed for the life of this service. Cheap: every input is cached.
   */
  async inputVersion(entity: EntityLike, windowSeconds = this.defaultWindowSeconds): Promise<{ version: string; inputs?: ReportInputs }> {
    let matcher;
    try {
      matcher = entityMatcher(entity);
    } catch (e) {
      return { version: `selector:${(e as Error).message}` };
    }
    const states = await Promise.all(this.sources.filter(s => matcherIncludesCluster(matcher, s.name)).map(s => s.getState()));
    const metrics = await this.metricsOf(states, windowSeconds);
    const graph = this.catalogGraph ? await this.catalogGraph.get().catch((e: Error) => `catalog:${e.message}`) : undefined;
    const version = [
      ...states.map(s => `${s.name}:${versionOf(s.mesh)}:${s.synced}:${s.errors.map(e => `${e.source} ${e.message}`).join(';')}`),
      metrics.windows.map(versionOf).sort().join(','),
      ...metrics.errors.map(e => `${e.source} ${e.message}`).sort(),
      typeof graph === 'string' ? graph : versionOf(graph),
    ].join('|');
    return { version, inputs: { states, metrics } };
  }

  /** Every configured cluster: control plane, certificates, sync state, counts, and its adoption verdict. */
  async getClusters(): Promise<ClusterReport[]> {
    let catalog: CatalogGraph | undefined;
    let catalogError: SourceErrorReport | undefined;
    try {
      catalog = await this.catalogGraph?.get();
    } catch (e) {
      catalogError = { source: 'catalog', message: `relations unavailable for the cluster verdict: ${(e as Error).message}` };
    }
    return Promise.all(this.sources.map(async source => {
      const s = await source.getState();
      // The metrics window serves the cluster verdict and, when cert-manager does not tell the
      // issuer's expiry, issuer_cert_ttl_seconds.
      const needsMetrics = s.mesh !== undefined && (catalog !== undefined || s.mesh.summary.issuerCertificate?.source === 'unknown');
      const metrics = needsMetrics ? await this.metricsOf([s], this.defaultWindowSeconds) : { windows: [], errors: [] };
      const report = buildClusterReport({ name: s.name, source: source.kind, synced: s.synced, now: s.now, mesh: s.mesh, errors: [...s.errors, ...metrics.errors], metrics: metrics.windows[0] });
      if (catalogError) report.errors.push(catalogError);
      await destinationHotSpotsOf(s, report);
      if (s.mesh) {
        // The gateway probes are read only for a cluster with Links.
        const mc = s.mesh.multicluster.links.length > 0 ? await multiclusterSamplesOf([s], this.defaultWindowSeconds) : undefined;
        report.errors.push(...(mc?.errors ?? []).filter(e => !report.errors.some(r => r.source === e.source)));
        report.multicluster = clusterMulticlusterReport(s.mesh.multicluster, mc?.byCluster.get(s.name)?.gateways ?? []);
      }
      if (!catalog || !s.mesh) return report;
      const coverage = await coverageOf([s]);
      report.errors.push(...coverage.errors.filter(e => !metrics.errors.some(m => m.source === e.source)));
      report.adoption = this.clusterAdoptionOf(s.mesh, catalog, metrics.windows, coverage.coverage[0], s.now);
      return report;
    }));
  }

  /**
   * A cluster's verdict evaluates every entity of the cluster: computed again only when the
   * analysis, the catalog graph, the metrics window or the coverage changed (each is a shared,
   * cached object), so polling `/v1/clusters` costs a lookup.
   */
  private clusterAdoptionOf(mesh: ClusterMesh, catalog: CatalogGraph, windows: MetricsWindow[], coverage: MetricsCoverage | undefined, now: Date) {
    const hit = this.clusterVerdicts.get(mesh);
    if (hit && hit.catalog === catalog && hit.window === windows[0] && hit.coverage === coverage) return hit.adoption;
    const adoption = clusterAdoption({ cluster: mesh, catalog, metrics: windows, coverage, now }, this.adoptionConfig);
    this.clusterVerdicts.set(mesh, { catalog, window: windows[0], coverage, adoption });
    return adoption;
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
    const matched = matchEntityWorkloads(matcher, clusters);
    const workloads = entityMetricWorkloads(matched);
    const { windows, errors } = await this.metricsOf(states, windowSeconds);
    const series = await Promise.all(
      states.filter(s => s.metrics && s.mesh).map(s => s.metrics!.getSeries(windowSeconds).catch(e => {
        errors.push({ source: `prometheus:${s.name}`, message: (e as Error).message });
        return [];
      })),
    );
    const edges = edgeReports(windows, workloads);
    // Traefik's per-service series name the unmeshed caller; one Prometheus per cluster, so a
    // failure already named by the proxy metrics is not repeated.
    const coverage = await coverageOf(states.filter(s => windows.some(w => w.cluster === s.name)));
    errors.push(...coverage.errors.filter(e => !errors.some(r => r.source === e.source)));
    edges.callers.push(...unmeshedCallers({ windows, matched, coverage: coverage.coverage }));
    // In parallel: a failing Prometheus costs one timeout, not one per family.
    const [policy, routes] = await Promise.all([this.policySamplesOf(states, windowSeconds), routeActivityOf(states, matched, workloads, windowSeconds)]);
    errors.push(...policy.errors);
    const egress = await egressOf(states, workloads, windowSeconds);
    errors.push(...egress.errors);
    errors.push(...routes.errors.filter(e => !errors.some(x => x.source === e.source)));
    const zones = zoneLocality(windows, workloads);
    const mc = await multiclusterSamplesOf(states, windowSeconds);
    errors.push(...mc.errors);
    await this.namePeers(clusters, [...edges.callers, ...edges.callees], resolve);
    identifyCallers(clusters, edges.callers.filter(e => e.meshed !== false));
    return {
      entityRef,
      generatedAt: this.clock().toISOString(),
      window,
      windowSeconds,
      goldenMetrics: goldenMetrics(windows, workloads),
      mtls: mtlsReport(windows, workloads, { ingressFacing: entity.metadata.annotations?.[INGRESS_FACING_ANNOTATION] === 'true' }),
      series: goldenMetricsSeries(series, workloads),
      ...edges,
      ...(policy.supported ? { policyActivity: policyActivity(policy.samples, workloads) } : {}),
      zoneLocality: zones && { ...zones, services: zoneRouting(clusters, edges.callees.filter(e => e.protocol !== 'tcp')) },
      ...(routes.routeActivity ? { routeActivity: routes.routeActivity, inboundRoutes: routes.inboundRoutes } : {}),
      ...(egress.egress ? { egress: egress.egress } : {}),
      ...(mc.supported ? { crossClusterEdges: crossClusterEdges([...mc.byCluster.values()].flatMap(m => m.crossCluster), workloads, windowSeconds) } : {}),
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

  /** The clusters' authorization counters; a failing Prometheus is named in errors, the rest still used. */
  private async policySamplesOf(states: ClusterState[], windowSeconds: number) {
    const samples: PolicySample[] = [];
    const errors: SourceErrorReport[] = [];
    const sources = states.filter(s => s.mesh && s.metrics?.getPolicySamples);
    await Promise.all(sources.map(async s => {
      try {
        samples.push(...(await s.metrics!.getPolicySamples!(windowSeconds)));
      } catch (e) {
        errors.push({ source: `prometheus:${s.name}`, message: `policy metrics: ${(e as Error).message}` });
      }
    }));
    return { samples, errors, supported: sources.length > 0 };
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
