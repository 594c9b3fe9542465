import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { EntityMeshReport, GroupRollup, groupRollup, hasKubernetesAnnotation } from '@meshlens/plugin-service-mesh-common';
import { Caller } from './access/DecisionCache';
import { EntityAccess } from './access/EntityAccess';

/**
 * A team's rollup as the caller may see it: the group (404 if invisible), its child groups
 * (recursively, bounded), the entities they own that are tied to Kubernetes, and each entity's
 * report. Entities the caller may not see are left out (one batched `authorize` per level).
 */
export async function groupRollupOf(
  access: EntityAccess,
  caller: Caller,
  reportOf: (entity: Entity) => Promise<EntityMeshReport>,
  groupRef: string,
): Promise<GroupRollup> {
  const group = await access.entity(caller, groupRef);
  const groups = [stringifyEntityRef(group)];
  const queue = [group];
  while (queue.length > 0 && groups.length < 500) {
    const children = (queue.shift()!.relations ?? []).filter(r => r.type === 'parentOf').map(r => r.targetRef).filter(r => !groups.includes(r));
    if (children.length === 0) continue;
    for (const child of await access.byRefs(caller, children)) {
      groups.push(stringifyEntityRef(child));
      queue.push(child);
    }
  }
  const owned = (await access.ownedBy(caller, groups)).filter(e => hasKubernetesAnnotation(e));
  const entityReports = await Promise.all(owned.map(reportOf));
  return groupRollup(stringifyEntityRef(group), groups, entityReports);
}
