import { AnalyzedWorkload } from '../clusterMesh';
import { AdoptionContext } from '../adoption/adoptionContext';
import { edgesOf } from '../adoption/catalogIndex';

/**
 * Workloads of the entities the catalog declares as callers of the context's entity: the
 * caller side of `dependsOn` / `consumesApi`→`providesApi` edges pointing at it.
 */
export function declaredCallerWorkloads(context: AdoptionContext): Map<string, AnalyzedWorkload[]> {
  if (!context.catalog) return new Map();
  const callers = new Set(edgesOf(context.catalog, context.entity.ref).filter(e => e.to === context.entity.ref).map(e => e.from));
  return new Map([...context.peerWorkloads].filter(([ref]) => callers.has(ref)));
}
