import { createApiRef } from '@backstage/core-plugin-api';
import { CompoundEntityRef } from '@backstage/catalog-model';
import type { EntityMeshReport } from '@meshlens/plugin-service-mesh-common';

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
}

/**
 * Reference to the {@link ServiceMeshApi}.
 *
 * @public
 */
export const serviceMeshApiRef = createApiRef<ServiceMeshApi>({
  id: 'plugin.service-mesh.api',
});
