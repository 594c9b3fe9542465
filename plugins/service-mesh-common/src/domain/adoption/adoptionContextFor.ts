import { ClusterMesh } from '../clusterMesh';
import { entityMatcher } from '../entityMatch';
import { matchEntityWorkloads } from '../entityReport';
import { MetricsWindow } from '../metrics/metricsWindow';
import { AdoptionContext, CatalogEntry, CatalogGraph } from './adoptionContext';
import { interactionScope } from './interactionScope';
import { MetricsCoverage } from './metricsCoverage';

function matcherOf(entry: CatalogEntry) {
  const name = entry.ref.split('/').pop() ?? entry.ref;
  return entityMatcher({ kind: entry.kind, metadata: { name, annotations: entry.annotations } });
}

/**
 * Gathers what the triggers read for one entity: its workloads, and the interacting services and
 * brokers of its system (or, without a system, those it talks to) with their workloads.
 */
export function adoptionContextFor(input: {
  entity: CatalogEntry;
  catalog?: CatalogGraph;
  clusters: ClusterMesh[];
  metrics: MetricsWindow[];
  coverage?: MetricsCoverage[];
  now: Date;
}): AdoptionContext {
  const matched = matchEntityWorkloads(matcherOf(input.entity), input.clusters).filter(m => m.workloads.length > 0);
  const scope = input.catalog ? interactionScope(input.entity, input.catalog, input.clusters) : undefined;
  return { entity: input.entity, catalog: input.catalog, matched, scope, metrics: input.metrics, coverage: input.coverage, now: input.now };
}
