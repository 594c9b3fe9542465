import { ClusterMesh } from '../clusterMesh';
import { entityMatcher } from '../entityMatch';
import { matchEntityWorkloads } from '../entityReport';
import { MetricsWindow } from '../metrics/metricsWindow';
import { AdoptionContext, CatalogEntry, CatalogGraph } from './adoptionContext';
import { edgesOf } from './catalogIndex';

function matcherOf(entry: CatalogEntry) {
  const name = entry.ref.split('/').pop() ?? entry.ref;
  return entityMatcher({ kind: entry.kind, metadata: { name, annotations: entry.annotations } });
}

/** Resource types that carry interactions between services (unlike a service's own database). */
export const INTERACTION_RESOURCE_TYPES = ['message-broker', 'queue', 'event-bus', 'stream'];

/** Whether an entity takes part in service-to-service interactions. */
export function isInteractionPeer(e: CatalogEntry): boolean {
  return e.kind === 'Component' || (e.kind === 'Resource' && INTERACTION_RESOURCE_TYPES.includes(e.type ?? ''));
}

/**
 * Gathers what the triggers read for one entity: its workloads, and the workloads of the
 * Components and message brokers it talks to (a database is the service's own state, not an
 * interaction between services).
 */
export function adoptionContextFor(input: {
  entity: CatalogEntry;
  catalog?: CatalogGraph;
  clusters: ClusterMesh[];
  metrics: MetricsWindow[];
  now: Date;
}): AdoptionContext {
  const matched = matchEntityWorkloads(matcherOf(input.entity), input.clusters).filter(m => m.workloads.length > 0);
  const peerWorkloads = new Map<string, ReturnType<typeof matchEntityWorkloads>[number]['workloads']>();
  // A database's link to its service is not an interaction between services, from either side.
  const edges = isInteractionPeer(input.entity) && input.catalog ? edgesOf(input.catalog, input.entity.ref) : [];
  for (const e of edges) {
    const peer = e.from === input.entity.ref ? e.to : e.from;
    const entry = input.catalog!.entities.get(peer);
    if (!entry || !isInteractionPeer(entry) || peerWorkloads.has(entry.ref)) continue;
    try {
      const workloads = matchEntityWorkloads(matcherOf(entry), input.clusters).flatMap(m => m.workloads);
      if (workloads.length) peerWorkloads.set(entry.ref, workloads);
    } catch {
      // A peer with an unparsable selector is left out; its own report names the problem.
    }
  }
  return { entity: input.entity, catalog: input.catalog, matched, peerWorkloads, metrics: input.metrics, now: input.now };
}
