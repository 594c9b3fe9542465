import { AnalyzedWorkload, ClusterMesh } from '../clusterMesh';
import { entityMatcher } from '../entityMatch';
import { matchEntityWorkloads } from '../entityReport';
import { CatalogEntry, CatalogGraph } from './adoptionContext';
import { edgesOf, membersOf } from './catalogIndex';

/** Resource types that carry interactions between services (unlike a service's own database). */
export const INTERACTION_RESOURCE_TYPES = ['message-broker', 'queue', 'event-bus', 'stream'];

/** Whether an entity takes part in service-to-service interactions. */
export function isInteractionPeer(e: CatalogEntry): boolean {
  return e.kind === 'Component' || isBroker(e);
}

/** Whether an entity is a message bus (its traffic passes through it). */
export function isBroker(e: CatalogEntry): boolean {
  return e.kind === 'Resource' && INTERACTION_RESOURCE_TYPES.includes(e.type ?? '');
}

/** An entity that interacts with other services, with what its traffic goes through. */
export interface InteractingEntity {
  entry: CatalogEntry;
  workloads: Array<{ cluster: ClusterMesh; analyzed: AnalyzedWorkload }>;
  /** A Component calls it directly (its own requests need a metrics source). */
  calledDirectly: boolean;
  /** Every interaction goes through message brokers (these refs). */
  busOnly: boolean;
  buses: string[];
}

/** The interacting entities whose gaps make an interaction hard to debug, and what they are. */
export interface InteractionScope {
  /** `system auto-brand`, or the entity's ref when it belongs to no system. */
  label: string;
  entities: InteractingEntity[];
}

function workloadsOf(entry: CatalogEntry, clusters: ClusterMesh[]) {
  const name = entry.ref.split('/').pop() ?? entry.ref;
  try {
    const matcher = entityMatcher({ kind: entry.kind, metadata: { name, annotations: entry.annotations } });
    return matchEntityWorkloads(matcher, clusters).flatMap(m => m.workloads.map(analyzed => ({ cluster: m.cluster, analyzed })));
  } catch {
    // An unparsable selector leaves the entity out; its own report names the problem.
    return [];
  }
}

/** The interacting entities among `refs` and the peers they talk to. */
export function interactingEntities(catalog: CatalogGraph, refs: string[], clusters: ClusterMesh[]): InteractingEntity[] {
  const peer = (ref: string) => {
    const e = catalog.entities.get(ref);
    return e && isInteractionPeer(e) ? e : undefined;
  };
  const wanted = new Set<string>();
  for (const ref of refs) {
    if (!peer(ref)) continue;
    for (const e of edgesOf(catalog, ref)) {
      if (e.from === e.to || !peer(e.from) || !peer(e.to)) continue;
      wanted.add(e.from);
      wanted.add(e.to);
    }
  }
  const out: InteractingEntity[] = [];
  for (const ref of wanted) {
    const entry = peer(ref)!;
    const edges = edgesOf(catalog, ref).filter(e => e.from !== e.to && peer(e.from) && peer(e.to));
    const others = edges.map(e => (e.from === ref ? e.to : e.from));
    const buses = [...new Set(others.filter(o => isBroker(peer(o)!)))];
    const calledDirectly = edges.some(e => e.to === ref && peer(e.from)!.kind === 'Component') && !isBroker(entry);
    const workloads = workloadsOf(entry, clusters);
    if (workloads.length) out.push({ entry, workloads, calledDirectly, busOnly: buses.length > 0 && others.every(o => buses.includes(o)), buses });
  }
  return out;
}

/**
 * The scope of the observability trigger for one entity: its whole System when it belongs to
 * one (an interaction is debugged across the system, and a system is meshed together), else the
 * entity and the services and brokers it talks to.
 */
export function interactionScope(entity: CatalogEntry, catalog: CatalogGraph, clusters: ClusterMesh[]): InteractionScope {
  if (entity.system) {
    const members = membersOf(catalog, entity.system);
    return { label: `system ${entity.system.split('/').pop()}`, entities: interactingEntities(catalog, members, clusters) };
  }
  return { label: entity.ref, entities: interactingEntities(catalog, [entity.ref], clusters) };
}
