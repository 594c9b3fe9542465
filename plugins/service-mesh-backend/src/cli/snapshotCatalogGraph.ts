import { Entity, parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogGraph } from '@meshlens/plugin-service-mesh-common';
import { catalogEntry } from '../services/CatalogGraphService';

/**
 * The catalog graph of a snapshot's `catalog/` entities: dependsOn, and consumesApis joined with
 * providesApis — the relations the Backstage catalog would derive from the same descriptors.
 */
export function snapshotCatalogGraph(entities: Entity[]): CatalogGraph {
  const ref = (target: string, e: Entity, kind: string) =>
    stringifyEntityRef(parseEntityRef(target, { defaultKind: kind, defaultNamespace: e.metadata.namespace ?? 'default' }));
  const providers = new Map<string, string[]>();
  for (const e of entities) {
    for (const api of ((e.spec as any)?.providesApis ?? []) as string[]) {
      const key = ref(api, e, 'api');
      providers.set(key, [...(providers.get(key) ?? []), stringifyEntityRef(e)]);
    }
  }
  const edges: CatalogGraph['edges'] = [];
  for (const e of entities) {
    const from = stringifyEntityRef(e);
    for (const d of ((e.spec as any)?.dependsOn ?? []) as string[]) edges.push({ from, to: ref(d, e, 'component') });
    for (const api of ((e.spec as any)?.consumesApis ?? []) as string[]) for (const to of providers.get(ref(api, e, 'api')) ?? []) edges.push({ from, to });
  }
  return { entities: new Map(entities.map(e => [stringifyEntityRef(e), catalogEntry(e)])), edges };
}
