import { parseEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { serviceMeshApiRef } from '../api/ServiceMeshApi';
import { SeriesTrend, seriesTrend } from '../utils/seriesTrend';

/**
 * The last hour of an entity's golden metrics against the hour before: loads
 * the two-hour series and compares its halves (the API has no "previous
 * window" of its own). Loads nothing when `enabled` is false; a failure
 * leaves the trend out.
 *
 * @internal
 */
export function useMetricsTrend(
  entityRef: string,
  enabled: boolean,
): SeriesTrend | undefined {
  const api = useApi(serviceMeshApiRef);
  const { value } = useAsync(async () => {
    if (!enabled) return undefined;
    try {
      const metrics = await api.getEntityMetrics(
        parseEntityRef(entityRef),
        '2h',
      );
      return seriesTrend(metrics.series);
    } catch {
      return undefined;
    }
  }, [api, entityRef, enabled]);
  return value;
}
