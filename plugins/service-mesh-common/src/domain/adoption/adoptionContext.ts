import { ClusterMesh } from '../clusterMesh';
import { MetricsWindow } from '../metrics/metricsWindow';
import { InteractionScope } from './interactionScope';
import { MetricsCoverage } from './metricsCoverage';
import { AnalyzedWorkload } from '../clusterMesh';

/** A catalog entity as the adoption model reads it. */
export interface CatalogEntry {
  ref: string;
  kind: string;
  /** `spec.type` (service, website, database, message-broker…). */
  type?: string;
  owner?: string;
  /** `spec.system` as an entity ref. */
  system?: string;
  lifecycle?: string;
  tags: string[];
  annotations: Record<string, string>;
}

/** The catalog's entities and their east-west edges (dependsOn, consumesApi/providesApi). */
export interface CatalogGraph {
  entities: Map<string, CatalogEntry>;
  /** Directed edges caller → callee between entity refs. */
  edges: Array<{ from: string; to: string }>;
}

/** Everything the triggers of one entity read. */
export interface AdoptionContext {
  entity: CatalogEntry;
  catalog?: CatalogGraph;
  /** The entity's workloads per cluster. */
  matched: Array<{ cluster: ClusterMesh; workloads: AnalyzedWorkload[] }>;
  /** The interacting entities the observability trigger judges (the entity's system or neighbourhood). */
  scope?: InteractionScope;
  metrics: MetricsWindow[];
  /** What each cluster's Prometheus holds besides proxy metrics; absent for a cluster without one. */
  coverage?: MetricsCoverage[];
  now: Date;
}
