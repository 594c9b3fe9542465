import { ClusterAdoptionReport, Recommendation, SystemAdoptionSummary, TriggerId } from '../../api/EntityMeshReport';
import { ClusterMesh } from '../clusterMesh';
import { entityMatcher } from '../entityMatch';
import { matchEntityWorkloads } from '../entityReport';
import { MetricsWindow } from '../metrics/metricsWindow';
import { AdoptionConfig, DEFAULT_ADOPTION_CONFIG } from './adoptionConfig';
import { CatalogGraph } from './adoptionContext';
import { adoptionContextFor } from './adoptionContextFor';
import { adoptionVerdict, closestTriggerText, triggerName, triggerProgress } from './adoptionScore';
import { TriggerResult } from './triggerResult';
import { clusterCost } from './clusterCost';
import { ClusterEntity, clusterCanary, clusterCompliance, clusterMultiTeam } from './clusterTriggers';
import { entityAdoption } from './entityAdoption';
import { interactingEntities } from './interactionScope';
import { MetricsCoverage } from './metricsCoverage';
import { observabilityOver } from './observabilityTrigger';
import { scaleTrigger } from './triggers';

/**
 * Triggers that are facts of the cluster as a whole. Canary and observability are needs of one
 * service or system: near their bar they make that system `prepare` (listed among the closest
 * systems), while the cluster turns `prepare` only when a cluster-wide trigger nears its bar or
 * the score reaches the prepare score; any trigger that fires makes it `adopt-now`.
 */
const CLUSTER_WIDE: TriggerId[] = ['scale', 'multi-team', 'compliance'];

const RANK: Record<Recommendation, number> = { 'adopt-now': 3, prepare: 2, 'not-yet': 1, 'already-meshed': 0 };

function entitiesIn(cluster: ClusterMesh, catalog: CatalogGraph): ClusterEntity[] {
  const out: ClusterEntity[] = [];
  for (const entry of catalog.entities.values()) {
    if (entry.kind !== 'Component' && entry.kind !== 'Resource') continue;
    try {
      const matcher = entityMatcher({ kind: entry.kind, metadata: { name: entry.ref.split('/').pop() ?? entry.ref, annotations: entry.annotations } });
      const workloads = matchEntityWorkloads(matcher, [cluster]).flatMap(m => m.workloads);
      if (workloads.length) out.push({ entry, workloads });
    } catch {
      // An entity with an unparsable selector is left out; its own report names the problem.
    }
  }
  return out;
}

function systemsOf(input: ClusterAdoptionInput, entities: ClusterEntity[], c: AdoptionConfig): SystemAdoptionSummary[] {
  const groups = new Map<string, ClusterEntity[]>();
  for (const e of entities) {
    const key = e.entry.system ?? e.entry.ref;
    groups.set(key, [...(groups.get(key) ?? []), e]);
  }
  const summaries = [...groups].map(([ref, members]) => {
    const reports = members.map(m => entityAdoption(adoptionContextFor({ entity: m.entry, catalog: input.catalog, clusters: [input.cluster], metrics: input.metrics, coverage: input.coverage ? [input.coverage] : [], now: input.now }), c));
    const best = reports.reduce((a, b) => (RANK[b.recommendation] > RANK[a.recommendation] || (RANK[b.recommendation] === RANK[a.recommendation] && b.score > a.score) ? b : a));
    const triggers = reports.flatMap(r => r.triggers).filter(t => !t.fired);
    const closest = [...triggers].sort((a, b) => triggerProgress(b) - triggerProgress(a))[0];
    const allMeshed = reports.every(r => r.recommendation === 'already-meshed');
    return {
      ref,
      recommendation: allMeshed ? 'already-meshed' : best.recommendation,
      score: Math.max(...reports.map(r => r.score)),
      entities: members.length,
      closestTrigger: closest?.id,
      progress: closest ? triggerProgress(closest) : 0,
      summary: best.recommendation === 'adopt-now' ? best.explanation : closestTriggerText(reports.flatMap(r => r.triggers)) || best.explanation,
      evidence: closest?.evidence[0],
      whatWouldChange: closest?.whatWouldChange,
    } satisfies SystemAdoptionSummary;
  });
  return summaries.sort((a, b) => RANK[b.recommendation] - RANK[a.recommendation] || b.progress - a.progress || b.score - a.score).slice(0, 5);
}

/** What the cluster verdict reads. */
export interface ClusterAdoptionInput {
  cluster: ClusterMesh;
  catalog: CatalogGraph;
  /** This cluster's proxy metrics windows (none without a Prometheus or proxies). */
  metrics: MetricsWindow[];
  /** This cluster's Prometheus coverage; undefined without a Prometheus. */
  coverage?: MetricsCoverage;
  now: Date;
}

/** The five triggers over the whole cluster, its closest systems, cost, score and recommendation. */
export function clusterAdoption(input: ClusterAdoptionInput, c: AdoptionConfig = DEFAULT_ADOPTION_CONFIG): ClusterAdoptionReport {
  const { cluster, catalog } = input;
  const entities = entitiesIn(cluster, catalog);
  const name = cluster.summary.name;
  const pseudo = { ref: `cluster:${name}`, kind: 'Cluster', tags: [], annotations: {} };
  const scale = scaleTrigger({ entity: pseudo, catalog, matched: [{ cluster, workloads: cluster.workloads }], metrics: input.metrics, now: input.now }, c);
  const scope = { label: `cluster ${name}`, entities: interactingEntities(catalog, entities.map(e => e.entry.ref), [cluster]) };
  const triggers = [
    scale,
    clusterMultiTeam(entities, catalog, c),
    clusterCompliance(entities, c),
    clusterCanary(entities, input.now, c),
    observabilityOver(scope, input.metrics, input.coverage ? [input.coverage] : [], c),
  ];
  // Linkerd's control plane in the cluster answers the cluster's question: it adopted the mesh.
  const installed = cluster.controlPlane.installed;
  const verdict = adoptionVerdict(triggers, installed, c, t => CLUSTER_WIDE.includes(t.id));
  const closestSystems = systemsOf(input, entities, c);
  const explanation = clusterExplanation(verdict.recommendation, triggers, closestSystems, cluster, c);
  return { ...verdict, explanation, triggers, closestSystems, cost: clusterCost(cluster, c) };
}

const pct = (x: number) => `${Math.round(x * 100)} %`;

function clusterExplanation(recommendation: Recommendation, triggers: TriggerResult[], systems: SystemAdoptionSummary[], cluster: ClusterMesh, c: AdoptionConfig): string {
  const wide = triggers.filter(t => CLUSTER_WIDE.includes(t.id)).map(t => `${t.id} ${pct(triggerProgress(t))}`).join(', ');
  const lead = systems.find(s => s.recommendation === 'adopt-now' || s.recommendation === 'prepare');
  const leadText = lead ? ` Closest system: ${lead.ref.replace(/^system:[^/]*\//, '')} (${lead.recommendation}; ${lead.closestTrigger ? `${lead.closestTrigger} at ${pct(lead.progress)} of its bar` : lead.summary}): a need of that system, which its own verdict covers.` : '';
  const fired = triggers.filter(t => t.fired);
  switch (recommendation) {
    case 'already-meshed': {
      const pods = cluster.workloads.filter(a => !c.systemNamespaces.includes(a.workload.namespace));
      const meshed = pods.reduce((n, a) => n + a.mesh.report.meshedPods, 0);
      const total = pods.reduce((n, a) => n + a.mesh.report.totalPods, 0);
      return `Linkerd ${cluster.controlPlane.version ?? ''} is installed: ${meshed} of ${total} application pods are meshed. Operate it (mTLS coverage, golden metrics, findings); the systems below say where meshing would help next.`.replace('  ', ' ');
    }
    case 'adopt-now':
      return `Adopt now: ${fired.map(t => `${triggerName(t.id)} fired (${t.evidence[0]})`).join('; ')}. The mesh pays for its complexity in this cluster.${leadText}`;
    case 'prepare':
      return `Prepare: no trigger fired, but the cluster is near a bar (${wide}). ${closestTriggerText(triggers)}${leadText}`;
    default:
      return `Not yet: no trigger fired, and the cluster as a whole is far from its bars (${wide}); the mesh would add complexity without a need. ${closestTriggerText(triggers)}${leadText}`;
  }
}
