import { AnalyzedWorkload } from '../clusterMesh';
import { AdoptionConfig } from './adoptionConfig';
import { CatalogEntry, CatalogGraph } from './adoptionContext';
import { TriggerResult } from './triggerResult';

const round = (x: number) => Number(x.toFixed(3));
const cap = (x: number) => Math.max(0, Math.min(1, x));

/** A catalog entity that runs in the cluster, with its workloads there. */
export interface ClusterEntity {
  entry: CatalogEntry;
  workloads: AnalyzedWorkload[];
}

/** `multi-team` over a cluster: owners of what runs in it, and cross-team edges between them. */
export function clusterMultiTeam(entities: ClusterEntity[], catalog: CatalogGraph, c: AdoptionConfig): TriggerResult {
  const owners = new Set(entities.map(e => e.entry.owner).filter(Boolean));
  const inCluster = new Map(entities.map(e => [e.entry.ref, e.entry.owner]));
  const cross = catalog.edges.filter(e => inCluster.get(e.from) && inCluster.get(e.to) && inCluster.get(e.from) !== inCluster.get(e.to));
  const fired = owners.size >= c.multiTeam.owners && cross.length >= c.multiTeam.crossTeamEdges;
  return {
    id: 'multi-team',
    fired,
    strength: round(cap(cross.length / c.multiTeam.strengthDivisor)),
    evidence: [
      `${owners.size} owner${owners.size === 1 ? '' : 's'} of the ${entities.length} catalog entities running here: ${[...owners].join(', ') || 'none'} (bar: ${c.multiTeam.owners})`,
      `${cross.length} cross-team edge${cross.length === 1 ? '' : 's'}${cross.length ? `: ${cross.slice(0, 5).map(e => `${e.from} → ${e.to}`).join(', ')}` : ''} (bar: ${c.multiTeam.crossTeamEdges})`,
    ],
    whatWouldChange: fired ? undefined : 'a second owning team whose services call another team\'s would fire it',
  };
}

/** `compliance` over a cluster: any marker on an entity running in it. */
export function clusterCompliance(entities: ClusterEntity[], c: AdoptionConfig): TriggerResult {
  const hits = entities.flatMap(({ entry }) => [
    ...entry.tags.filter(t => c.compliance.markers.includes(t.toLowerCase())),
    ...(entry.annotations[c.compliance.annotation] ? [entry.annotations[c.compliance.annotation]] : []),
  ].map(m => `${entry.ref}: ${m}`));
  return {
    id: 'compliance',
    fired: hits.length > 0,
    strength: hits.length ? 1 : 0,
    evidence: hits.length ? hits.map(h => `compliance marker ${h}`) : [`no compliance marker (${c.compliance.markers.join(', ')} or ${c.compliance.annotation}) on any of the ${entities.length} entities running here`],
    whatWouldChange: hits.length ? undefined : 'a regime that requires encrypted, audited service-to-service traffic (a marker on any service) would fire it',
  };
}

/** `canary` over a cluster: rollouts of the production Deployments in the last days, the most frequent first. */
export function clusterCanary(entities: ClusterEntity[], now: Date, c: AdoptionConfig): TriggerResult {
  const since = now.getTime() - c.canary.days * 86400_000;
  const production = entities.filter(e => e.entry.lifecycle === 'production');
  const rollouts = production.flatMap(e => e.workloads.filter(a => a.workload.kind === 'Deployment').map(a => ({
    name: `${a.workload.namespace}/${a.workload.name}`,
    count: a.workload.replicaSets.filter(rs => Date.parse(rs.metadata.creationTimestamp ?? '') >= since).length,
  }))).sort((a, b) => b.count - a.count);
  const required = entities.filter(e => e.entry.annotations[c.canary.annotation] === 'required').map(e => e.entry.ref);
  const most = rollouts[0] ?? { name: '', count: 0 };
  const total = rollouts.reduce((n, r) => n + r.count, 0);
  const fired = required.length > 0 || most.count >= c.canary.rollouts;
  const evidence = [
    rollouts.length
      ? `${total} rollouts of ${rollouts.length} production Deployments in ${c.canary.days} days; the most: ${rollouts.slice(0, 3).map(r => `${r.name} ${r.count}`).join(', ')} (bar: ${c.canary.rollouts} for one service)`
      : 'cannot be evaluated from deploy history: no production Deployment in the catalog runs here',
  ];
  if (required.length) evidence.push(`annotation ${c.canary.annotation}: required on ${required.join(', ')}`);
  return {
    id: 'canary',
    fired,
    strength: round(required.length ? 1 : cap(most.count / c.canary.rollouts)),
    evidence,
    whatWouldChange: fired ? undefined : `${Math.max(0, c.canary.rollouts - most.count)} more rollouts of ${most.name || 'a production service'} within ${c.canary.days} days would fire it`,
  };
}
