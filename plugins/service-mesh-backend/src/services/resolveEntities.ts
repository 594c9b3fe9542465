import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { KUBERNETES_ANNOTATIONS } from '@meshlens/plugin-service-mesh-common';

/**
 * Maps `backstage.io/kubernetes-id` values to the entities carrying them, with the caller's
 * credentials (one catalog query). When several entities share an id, the one whose cluster
 * annotation names this cluster wins.
 */
export async function resolveEntities(
  catalog: CatalogService,
  credentials: BackstageCredentials,
  cluster: string,
  ids: string[],
): Promise<Map<string, string>> {
  const { items } = await catalog.getEntities(
    {
      filter: { [`metadata.annotations.${KUBERNETES_ANNOTATIONS.id}`]: ids },
      fields: ['kind', 'metadata.name', 'metadata.namespace', 'metadata.annotations'],
    },
    { credentials },
  );
  const out = new Map<string, string>();
  // 2: runs in this cluster; 1: no cluster annotation (every cluster); 0: other clusters only.
  const score = (clusters?: string) => {
    if (!clusters) return 1;
    return clusters.split(',').map(c => c.trim()).includes(cluster) ? 2 : 0;
  };
  const best = new Map<string, number>();
  for (const e of items) {
    const id = e.metadata.annotations?.[KUBERNETES_ANNOTATIONS.id];
    if (!id) continue;
    const s = score(e.metadata.annotations?.[KUBERNETES_ANNOTATIONS.cluster]);
    if (s > 0 && s > (best.get(id) ?? -1)) {
      best.set(id, s);
      out.set(id, stringifyEntityRef(e));
    }
  }
  return out;
}
