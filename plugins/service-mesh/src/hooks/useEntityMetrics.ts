import { parseEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import type { EntityMetricsResponse } from '@meshlens/plugin-service-mesh-common';
import useAsyncRetry, { AsyncStateRetry } from 'react-use/esm/useAsyncRetry';
import { serviceMeshApiRef } from '../api/ServiceMeshApi';

/**
 * Loads the golden metrics, time series, callers and callees of an entity
 * over `window` (e.g. `1h`); loads again when the window changes. A response
 * for an earlier window that arrives late is ignored.
 *
 * @param entityRef - The entity, as a string ref (`component:default/checkout`).
 * @param window - The window to load, as the backend accepts it.
 * @internal
 */
export function useEntityMetrics(
  entityRef: string,
  window: string,
): AsyncStateRetry<EntityMetricsResponse> {
  const api = useApi(serviceMeshApiRef);
  return useAsyncRetry(
    () => api.getEntityMetrics(parseEntityRef(entityRef), window),
    [api, entityRef, window],
  );
}
