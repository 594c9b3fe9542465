import { CatalogGraph } from './adoptionContext';

type Edge = CatalogGraph['edges'][number];

interface CatalogIndex {
  /** Edges by the ref at either end (an edge is listed under both). */
  byRef: Map<string, Edge[]>;
  /** Entity refs by their `spec.system`. */
  bySystem: Map<string, string[]>;
  /** Component-to-Component edges within a set of clusters, by the sorted cluster names. */
  withinClusters: Map<string, number>;
}

const indexes = new WeakMap<CatalogGraph, CatalogIndex>();

function indexOf(catalog: CatalogGraph): CatalogIndex {
  let index = indexes.get(catalog);
  if (!index) {
    const byRef = new Map<string, Edge[]>();
    const add = (ref: string, e: Edge) => {
      const list = byRef.get(ref);
      if (list) list.push(e);
      else byRef.set(ref, [e]);
    };
    for (const e of catalog.edges) {
      add(e.from, e);
      if (e.to !== e.from) add(e.to, e);
    }
    const bySystem = new Map<string, string[]>();
    for (const e of catalog.entities.values()) if (e.system) bySystem.set(e.system, [...(bySystem.get(e.system) ?? []), e.ref]);
    index = { byRef, bySystem, withinClusters: new Map() };
    indexes.set(catalog, index);
  }
  return index;
}

/**
 * The catalog's edges that touch `ref` (as caller or callee), in catalog order. Indexed once per
 * catalog graph, which is shared by every request until it is reloaded; graphs are never mutated.
 */
export function edgesOf(catalog: CatalogGraph, ref: string): Edge[] {
  return indexOf(catalog).byRef.get(ref) ?? [];
}

/** The refs of the entities whose `spec.system` is `system`, indexed once per catalog graph. */
export function membersOf(catalog: CatalogGraph, system: string): string[] {
  return indexOf(catalog).bySystem.get(system) ?? [];
}

/**
 * Service-to-service edges (Component to Component) between entities that may run in one of
 * `clusters`: no `backstage.io/kubernetes-cluster` annotation, or one naming such a cluster.
 * The same for every entity of those clusters, so it is counted once per catalog graph.
 */
export function componentEdgesWithin(catalog: CatalogGraph, clusters: string[]): number {
  const index = indexOf(catalog);
  const key = [...new Set(clusters)].sort().join(',');
  let count = index.withinClusters.get(key);
  if (count === undefined) {
    const inCluster = (ref: string) => {
      const e = catalog.entities.get(ref);
      const annotated = e?.annotations['backstage.io/kubernetes-cluster']?.split(',').map(x => x.trim());
      return e?.kind === 'Component' && (!annotated || annotated.some(n => clusters.includes(n)));
    };
    count = catalog.edges.filter(e => inCluster(e.from) && inCluster(e.to)).length;
    index.withinClusters.set(key, count);
  }
  return count;
}
