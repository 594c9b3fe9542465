import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { GroupRollup, groupRollup, hasKubernetesAnnotation } from '@meshlens/plugin-service-mesh-common';
import { EntityReportService } from './EntityReportService';

/**
 * A team's rollup, read with the caller's credentials: the group (404 if invisible), its child
 * groups (recursively, bounded), the entities they own that are tied to Kubernetes, and each
 * entity's report. Entities the caller may not see are simply not returned by the catalog.
 */
export async function groupRollupOf(
  catalog: CatalogService,
  credentials: BackstageCredentials,
  reports: EntityReportService,
  groupRef: string,
): Promise<GroupRollup> {
  const group = await catalog.getEntityByRef(groupRef, { credentials });
  if (!group) throw new NotFoundError(`No group ${groupRef} (or you may not see it)`);
  const groups = [stringifyEntityRef(group)];
  const queue = [group];
  while (queue.length > 0 && groups.length < 500) {
    const children = (queue.shift()!.relations ?? []).filter(r => r.type === 'parentOf').map(r => r.targetRef).filter(r => !groups.includes(r));
    if (children.length === 0) continue;
    const { items } = await catalog.getEntitiesByRefs({ entityRefs: children }, { credentials });
    for (const child of items) {
      if (!child) continue;
      groups.push(stringifyEntityRef(child));
      queue.push(child);
    }
  }
  const { items } = await catalog.getEntities({ filter: { 'relations.ownedBy': groups } }, { credentials });
  const owned = items.filter(e => hasKubernetesAnnotation(e));
  const entityReports = await Promise.all(owned.map(e => reports.getReport(e, stringifyEntityRef(e))));
  return groupRollup(stringifyEntityRef(group), groups, entityReports);
}
