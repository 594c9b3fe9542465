import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { KUBERNETES_ANNOTATIONS } from '@meshlens/plugin-service-mesh-common';
import { Caller } from './access/DecisionCache';
import { EntityAccess } from './access/EntityAccess';

/**
 * Maps `backstage.io/kubernetes-id` values to the entities carrying them that the caller may see
 * (the plugin's catalog snapshot, one batched `authorize`). When several entities share an id,
 * the one whose cluster annotation names this cluster wins.
 */
export async function resolveEntities(access: EntityAccess, caller: Caller, cluster: string, ids: string[]): Promise<Map<string, string>> {
  const items = await access.withKubernetesIds(caller, ids);
  return bestPerId(items, cluster);
}

/** Per id, the entity tied to `cluster` before one tied to every cluster; none tied elsewhere only. */
export function bestPerId(items: Entity[], cluster: string): Map<string, string> {
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
