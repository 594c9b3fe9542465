import { AnalyzedWorkload } from '../clusterMesh';
import { AdoptionContext } from '../adoption/adoptionContext';
import { edgesOf } from '../adoption/catalogIndex';
import { entityMatcher } from '../entityMatch';
import { matchEntityWorkloads } from '../entityReport';

/**
 * Workloads of the entities the catalog declares as callers of the context's entity: the
 * caller side of `dependsOn` / `consumesApi`→`providesApi` edges pointing at it, a database's
 * callers included: its Server needs them as much.
 */
export function declaredCallerWorkloads(context: AdoptionContext): Map<string, AnalyzedWorkload[]> {
  const out = new Map<string, AnalyzedWorkload[]>();
  if (!context.catalog) return out;
  const clusters = context.matched.map(m => m.cluster);
  for (const e of edgesOf(context.catalog, context.entity.ref).filter(x => x.to === context.entity.ref)) {
    const entry = context.catalog.entities.get(e.from);
    if (!entry || out.has(entry.ref)) continue;
    try {
      const name = entry.ref.split('/').pop() ?? entry.ref;
      const workloads = matchEntityWorkloads(entityMatcher({ kind: entry.kind, metadata: { name, annotations: entry.annotations } }), clusters).flatMap(m => m.workloads);
      if (workloads.length) out.set(entry.ref, workloads);
    } catch {
      // A caller with an unparsable selector is left out; its own report names the problem.
    }
  }
  return out;
}
