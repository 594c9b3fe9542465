import { createApiRef } from '@backstage/core-plugin-api';
import { CompoundEntityRef } from '@backstage/catalog-model';
import type {
  ClusterList,
  EntityMeshHistory,
  EntityMeshList,
  EntityMeshReport,
  EntityMetricsResponse,
  GroupRollup,
} from '@meshlens/plugin-service-mesh-common';

/**
 * Reads Linkerd service-mesh reports of catalog entities from the
 * `service-mesh` backend.
 *
 * @public
 */
export interface ServiceMeshApi {
  /**
   * Loads the mesh report of one catalog entity.
   *
   * @param entityRef - The entity to load the report for.
   * @returns The report; `errors` lists sources that failed while the rest
   *   of the report was computed.
   * @throws `ResponseError` when the backend answers with a non-2xx status,
   *   e.g. 404 when the entity is unknown.
   */
  getEntityReport(entityRef: CompoundEntityRef): Promise<EntityMeshReport>;

  /**
   * Loads the golden metrics of one catalog entity over a time window: the
   * totals, a time series, and the entity's callers and callees.
   *
   * @param entityRef - The entity to load the metrics for.
   * @param window - A duration from `1m` to `24h`, such as `5m`, `1h` or `24h`.
   * @returns The metrics; `errors` lists sources that failed while the rest
   *   was computed.
   * @throws `ResponseError` when the backend answers with a non-2xx status,
   *   e.g. 400 for an invalid window or 404 when the entity is unknown.
   */
  getEntityMetrics(
    entityRef: CompoundEntityRef,
    window: string,
  ): Promise<EntityMetricsResponse>;

  /**
   * Loads the adoption runbook of one catalog entity rendered as Markdown,
   * a document an operator can follow without the portal.
   *
   * @param entityRef - The entity to load the runbook for.
   * @returns The Markdown text.
   * @throws `ResponseError` when the backend answers with a non-2xx status,
   *   e.g. 404 when the entity is unknown.
   */
  getRunbookMarkdown(entityRef: CompoundEntityRef): Promise<string>;

  /**
   * Loads the recorded mesh history of one catalog entity: state, score,
   * fired triggers and coverage, one point per run of the backend's history
   * task.
   *
   * @param entityRef - The entity to load the history for.
   * @param limit - At most this many of the most recent points (1 to 5000);
   *   the backend's default (500) when absent.
   * @returns The points, oldest first.
   * @throws `ResponseError` when the backend answers with a non-2xx status,
   *   e.g. 503 when history is disabled in its configuration or 404 when the
   *   entity is unknown.
   */
  getEntityHistory(
    entityRef: CompoundEntityRef,
    limit?: number,
  ): Promise<EntityMeshHistory>;

  /**
   * Loads the mesh rollup of a group over the entities it and its child
   * groups own.
   *
   * @param groupRef - The group; only its namespace and name are sent.
   * @returns The rollup; `errors` lists sources that failed.
   * @throws `ResponseError` when the backend answers with a non-2xx status,
   *   e.g. 404 when the group is unknown.
   */
  getGroupRollup(groupRef: CompoundEntityRef): Promise<GroupRollup>;

  /**
   * Lists the mesh summary of every entity tied to Kubernetes that the
   * caller may see.
   *
   * @throws `ResponseError` when the backend answers with a non-2xx status.
   */
  getEntities(): Promise<EntityMeshList>;

  /**
   * Lists every configured cluster with its Linkerd control plane, counts
   * and findings.
   *
   * @throws `ResponseError` when the backend answers with a non-2xx status.
   */
  getClusters(): Promise<ClusterList>;
}

/**
 * Reference to the {@link ServiceMeshApi}.
 *
 * @public
 */
export const serviceMeshApiRef = createApiRef<ServiceMeshApi>({
  id: 'plugin.service-mesh.api',
});
