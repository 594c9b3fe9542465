import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import type { EntityMeshReport } from '@meshlens/plugin-service-mesh-common';
import useAsyncRetry, { AsyncStateRetry } from 'react-use/esm/useAsyncRetry';
import { serviceMeshApiRef } from '../api/ServiceMeshApi';

/**
 * Loads the mesh report of an entity. `retry` re-fetches while keeping the
 * previous `value` until the new one arrives.
 *
 * @internal
 */
export function useEntityMeshReport(
  entity: Entity,
): AsyncStateRetry<EntityMeshReport> {
  const api = useApi(serviceMeshApiRef);
  const entityRef = stringifyEntityRef(entity);
  return useAsyncRetry(
    () => api.getEntityReport(parseEntityRef(entityRef)),
    [api, entityRef],
  );
}
