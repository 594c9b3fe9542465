import { TriggerResult } from './triggerResult';
import { windowIndex } from '../metrics/windowIndex';
import { AdoptionConfig } from './adoptionConfig';
import { AdoptionContext } from './adoptionContext';
import { componentEdgesWithin, edgesOf } from './catalogIndex';

export type { TriggerResult } from './triggerResult';
export { observabilityTrigger } from './observabilityTrigger';

const cap = (x: number) => Math.max(0, Math.min(1, x));
const round = (x: number) => Number(x.toFixed(3));

/** Edges that touch the entity (caller or callee), from the catalog. */
function entityEdges(ctx: AdoptionContext) {
  return ctx.catalog ? edgesOf(ctx.catalog, ctx.entity.ref) : [];
}

/** The entity and the entities it talks to. */
function neighbourhood(ctx: AdoptionContext): string[] {
  return [...new Set([ctx.entity.ref, ...entityEdges(ctx).flatMap(e => [e.from, e.to])])];
}

/** `scale`: more than about fifty services with real east-west traffic (a cluster fact). */
export function scaleTrigger(ctx: AdoptionContext, c: AdoptionConfig): TriggerResult {
  const clusters = ctx.matched.map(m => m.cluster);
  if (clusters.length === 0) return { id: 'scale', fired: false, strength: 0, evidence: ['cannot be evaluated: the entity runs in no known cluster'] };
  const services = Math.max(...clusters.map(k => k.facts.applicationServices));
  // Service-to-service edges between entities that run in the same cluster as this one:
  // Component to Component (a service and its database is not east-west traffic).
  const edges = ctx.catalog ? componentEdgesWithin(ctx.catalog, clusters.map(k => k.summary.name)) : 0;
  const rps = ctx.metrics.reduce((n, w) => n + windowIndex(w).edgeResponsesTotal, 0) / (ctx.metrics[0]?.windowSeconds ?? 1);
  const eastWest = edges >= c.scale.eastWestEdges || rps >= c.scale.eastWestRps;
  const strength = cap(services / c.scale.services) * (eastWest ? 1 : 0.5);
  const fired = services >= c.scale.services && eastWest;
  return {
    id: 'scale',
    fired,
    whatWouldChange: fired ? undefined : `${[
      services < c.scale.services ? `${c.scale.services - services} more application Services` : '',
      eastWest ? '' : `${Math.max(0, c.scale.eastWestEdges - edges)} more service-to-service edges (or ${c.scale.eastWestRps} rps observed east-west)`,
    ].filter(Boolean).join(' and ')} would fire it`,
    strength: round(strength),
    evidence: [
      `${services} application Services in ${clusters.map(k => k.summary.name).join(', ')} (bar: ${c.scale.services})`,
      ctx.catalog ? `${edges} service-to-service edges in the catalog (bar: ${c.scale.eastWestEdges})` : 'east-west edges cannot be evaluated: no catalog relations',
      ctx.metrics.length ? `${rps.toFixed(2)} rps observed east-west (bar: ${c.scale.eastWestRps})` : 'no proxy metrics: east-west traffic not observed',
    ],
  };
}

/** `multi-team`: several owners need traffic policy between them. */
export function multiTeamTrigger(ctx: AdoptionContext, c: AdoptionConfig): TriggerResult {
  if (!ctx.catalog) return { id: 'multi-team', fired: false, strength: 0, evidence: ['cannot be evaluated: no catalog relations'] };
  const owner = (ref: string) => ctx.catalog!.entities.get(ref)?.owner;
  const owners = new Set(neighbourhood(ctx).map(owner).filter(Boolean));
  const cross = entityEdges(ctx).filter(e => owner(e.from) && owner(e.to) && owner(e.from) !== owner(e.to));
  return {
    id: 'multi-team',
    fired: owners.size >= c.multiTeam.owners && cross.length >= c.multiTeam.crossTeamEdges,
    strength: round(cap(cross.length / c.multiTeam.strengthDivisor)),
    evidence: [
      `${owners.size} owner${owners.size === 1 ? '' : 's'} among the entity and its dependencies: ${[...owners].join(', ') || 'none'} (bar: ${c.multiTeam.owners})`,
      `${cross.length} cross-team edge${cross.length === 1 ? '' : 's'}${cross.length ? `: ${cross.map(e => `${e.from} → ${e.to}`).join(', ')}` : ''} (bar: ${c.multiTeam.crossTeamEdges})`,
    ],
  };
}

/** `compliance`: a regime requires encrypted, audited service-to-service traffic. */
export function complianceTrigger(ctx: AdoptionContext, c: AdoptionConfig): TriggerResult {
  const refs = ctx.catalog ? neighbourhood(ctx) : [ctx.entity.ref];
  const entry = (ref: string) => (ref === ctx.entity.ref ? ctx.entity : ctx.catalog?.entities.get(ref));
  const hits = refs.flatMap(ref => {
    const e = entry(ref);
    const markers = [...(e?.tags ?? []).filter(t => c.compliance.markers.includes(t.toLowerCase())), ...(e?.annotations[c.compliance.annotation] ? [e.annotations[c.compliance.annotation]] : [])];
    return markers.map(m => `${ref}: ${m}`);
  });
  return {
    id: 'compliance',
    fired: hits.length > 0,
    strength: hits.length > 0 ? 1 : 0,
    evidence: hits.length ? hits.map(h => `compliance marker ${h}`) : [`no compliance marker (${c.compliance.markers.join(', ')} or ${c.compliance.annotation}) on the entity${ctx.catalog ? ' or the entities it talks to' : ''}`],
  };
}

/** `canary`: safe rollouts need canary releases (deploy frequency of production entities). */
export function canaryTrigger(ctx: AdoptionContext, c: AdoptionConfig): TriggerResult {
  const since = ctx.now.getTime() - c.canary.days * 86400_000;
  const deployments = ctx.matched.flatMap(m => m.workloads).filter(a => a.workload.kind === 'Deployment');
  const rollouts = deployments.map(a => ({ name: `${a.workload.namespace}/${a.workload.name}`, count: a.workload.replicaSets.filter(rs => Date.parse(rs.metadata.creationTimestamp ?? '') >= since).length }));
  const most = rollouts.reduce((m, r) => (r.count > m.count ? r : m), rollouts[0] ?? { name: '', count: 0 });
  const required = ctx.entity.annotations[c.canary.annotation] === 'required';
  const production = ctx.entity.lifecycle === 'production';
  const evidence = [
    deployments.length ? `${most.count} rollouts in ${c.canary.days} days (${most.name}; bar: ${c.canary.rollouts})` : 'cannot be evaluated from deploy history: the entity has no Deployment',
    `lifecycle ${ctx.entity.lifecycle ?? 'unset'}${production ? '' : ' (only production entities count rollouts)'}`,
  ];
  if (required) evidence.push(`annotation ${c.canary.annotation}: required`);
  let strength = production ? cap(most.count / c.canary.rollouts) : 0;
  if (required) strength = 1;
  const fired = required || (production && most.count >= c.canary.rollouts);
  const needed = production
    ? `${Math.max(0, c.canary.rollouts - most.count)} more rollouts${most.name ? ` of ${most.name}` : ''} within ${c.canary.days} days`
    : `lifecycle production with ${c.canary.rollouts} rollouts in ${c.canary.days} days`;
  const whatWouldChange = fired ? undefined : `${needed}, or the annotation ${c.canary.annotation}: required, would fire it`;
  return { id: 'canary', fired, strength: round(strength), evidence, whatWouldChange };
}
