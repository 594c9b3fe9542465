import { ClusterMesh, SourceErrorReport } from '@meshlens/plugin-service-mesh-common';
import { MetricsSource } from './metrics/MetricsSource';
import { CoverageSource } from './metrics/CoverageSource';

/** What a source knows about one cluster at a point in time. */
export interface ClusterState {
  name: string;
  /** Undefined when the cluster could not be read at all. */
  mesh?: ClusterMesh;
  /** The source's "now": a snapshot's capture time, or the current time for live sources. */
  now: Date;
  errors: SourceErrorReport[];
  /** Proxy metrics, when the cluster has a Prometheus or recorded samples. */
  metrics?: MetricsSource;
  /** The cluster's Prometheus, for metrics sources other than proxies; absent without one. */
  coverage?: CoverageSource;
  /** Everything was read once (caches synced, snapshot loaded). */
  synced: boolean;
}

/** A cluster behind one interface, whatever reads it (snapshot directory or live API server). */
export interface ClusterSource {
  readonly name: string;
  readonly kind: 'snapshot' | 'kubernetes';
  /** The analyzed cluster; never rejects: failures come back in `errors`. */
  getState(): Promise<ClusterState>;
}
