import {
  buildEntityReport,
  ClusterMesh,
  EntityLike,
  EntityMeshReport,
  entityMatcher,
  matcherIncludesCluster,
  MetricsWindow,
  SourceErrorReport,
} from '@meshlens/plugin-service-mesh-common';
import { ClusterSource, ClusterState } from './ClusterSource';

/** Entity annotation: plaintext from unmeshed clients is the ingress's, and expected. */
export const INGRESS_FACING_ANNOTATION = 'meshlens.io/ingress-facing';

/** Computes entity mesh reports from every configured cluster source. */
export class EntityReportService {
  constructor(
    private readonly sources: ClusterSource[],
    private readonly defaultWindowSeconds: number,
    private readonly clock: () => Date = () => new Date(),
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
        errors: [{ source: `entity:${entityRef}`, message: `backstage.io/kubernetes-label-selector: ${(e as Error).message}` }],
      });
    }
    const states = await Promise.all(
      this.sources.filter(s => matcherIncludesCluster(matcher, s.name)).map(s => s.getState()),
    );
    const metrics = await this.metricsOf(states, windowSeconds);
    return buildEntityReport({
      entityRef,
      now: this.clock(),
      matcher,
      clusters: states.map(s => s.mesh).filter((m): m is ClusterMesh => m !== undefined),
      metrics: metrics.windows,
      ingressFacing: entity.metadata.annotations?.[INGRESS_FACING_ANNOTATION] === 'true',
      errors:
        this.sources.length === 0
          ? [{ source: 'config', message: 'No clusters configured (serviceMesh.clusters) and no demo snapshots found' }]
          : [...states.flatMap(s => s.errors), ...metrics.errors],
    });
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
