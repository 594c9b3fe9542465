import {
  buildEntityReport,
  ClusterMesh,
  EntityLike,
  EntityMeshReport,
  entityMatcher,
  matcherIncludesCluster,
} from '@meshlens/plugin-service-mesh-common';
import { ClusterSource } from './ClusterSource';

/** Computes entity mesh reports from every configured cluster source. */
export class EntityReportService {
  constructor(
    private readonly sources: ClusterSource[],
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /** The report of one catalog entity; partial failures are listed in `errors`. */
  async getReport(entity: EntityLike, entityRef: string): Promise<EntityMeshReport> {
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
    return buildEntityReport({
      entityRef,
      now: this.clock(),
      matcher,
      clusters: states.map(s => s.mesh).filter((m): m is ClusterMesh => m !== undefined),
      errors:
        this.sources.length === 0
          ? [{ source: 'config', message: 'No clusters configured (serviceMesh.clusters) and no demo snapshots found' }]
          : states.flatMap(s => s.errors),
    });
  }
}
