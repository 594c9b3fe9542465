import { ClusterReport, Recommendation, SystemAdoptionSummary, triggerName } from '@meshlens/plugin-service-mesh-common';

const VERDICT: Record<Recommendation, string> = {
  'adopt-now': 'Adopt now.',
  prepare: 'Prepare.',
  'not-yet': 'Not yet.',
  'already-meshed': 'Meshed.',
};

const pct = (x: number) => `${Math.round(x * 100)} %`;
const cell = (s: string) => s.replace(/\|/g, '\\|');
const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
const short = (ref: string) => ref.replace(/^[a-z]+:[^/]*\//, '');

/** Why a system is close: its closest trigger, the evidence and what would change it. */
function systemReason(s: SystemAdoptionSummary): string {
  if (!s.closestTrigger || !s.evidence) return s.summary;
  const change = s.whatWouldChange ? `; ${s.whatWouldChange}` : '';
  return `its ${triggerName(s.closestTrigger)} trigger is at ${pct(s.progress)} of its bar, as ${lowerFirst(s.evidence)}${change}.`;
}

/** The verdict's opening paragraph: the answer, why, the closest system and the cost, in one read. */
function lead(c: ClusterReport): string {
  const a = c.adoption!;
  const where = `Cluster ${c.name} (${c.linkerdInstalled ? `Linkerd ${c.linkerdVersion ?? ''} installed` : 'Linkerd not installed'}, ${c.counts.pods} pods in ${c.counts.namespaces} namespaces)`;
  const wide = a.triggers.filter(t => ['scale', 'multi-team', 'compliance'].includes(t.id)).map(t => `${t.id} ${pct(t.fired ? 1 : t.progress ?? t.strength)}`).join(', ');
  const fired = a.triggers.filter(t => t.fired);
  const answer = {
    'adopt-now': `${where} needs a service mesh now: ${fired.map(t => `${triggerName(t.id)} fired (${t.evidence[0]})`).join('; ')}.`,
    prepare: `${where} is nearing the point where a service mesh pays for itself: no trigger fired, but the cluster is close to its bars (${wide}).`,
    'not-yet': `${where} does not need a service mesh now: no adoption trigger fired, and the cluster as a whole is far from its bars (${wide}).`,
    'already-meshed': `${where} runs Linkerd: ${c.counts.meshedPods} of ${c.counts.pods} pods are meshed.`,
  }[a.recommendation];
  const system = a.closestSystems.find(s => s.recommendation === 'prepare' || s.recommendation === 'adopt-now') ?? a.closestSystems[0];
  const closest = system ? ` The system closest to needing one is ${short(system.ref)} (${system.recommendation}): ${systemReason(system)}` : '';
  const cost = a.cost;
  const extras = cost.extras.map(e => `${e.name} ${e.memoryMiB} MiB`).join(', ');
  const share = cost.allocatableMemoryMiB ? `, ${((cost.totalMemoryMiB / cost.allocatableMemoryMiB) * 100).toFixed(1)} % of the allocatable memory` : '';
  const costText = ` Meshing the cluster would cost about ${cost.totalMemoryMiB} MiB of memory (control plane ${cost.controlPlaneMemoryMiB} MiB, ${cost.meshablePods} proxies ${cost.sidecarMemoryMiB} MiB${extras ? `, ${extras}` : ''})${share}.`;
  return `**${VERDICT[a.recommendation]}** ${answer}${closest}${costText}`;
}

/**
 * A cluster's adoption verdict as a page an operator could publish as their own evaluation:
 * the answer first, then the five triggers with their evidence, the closest systems and the cost.
 */
export function clusterVerdictMarkdown(c: ClusterReport): string[] {
  const a = c.adoption;
  if (!a) return [`## Cluster ${c.name}`, '', 'No adoption verdict: the catalog relations are not available.', ''];
  const lines = [`## Should cluster ${c.name} adopt a service mesh?`, '', lead(c), ''];
  lines.push(`Readiness score ${a.score}/100. Observed ${c.observedAt} by Meshlens (${c.source} source); every number below can be checked against the evidence listed with it.`, '');
  lines.push('### The five triggers', '', '| trigger | fired | share of its bar | evidence | what would change it |', '| --- | --- | --- | --- | --- |');
  for (const t of a.triggers) {
    lines.push(`| ${cell(triggerName(t.id))} | ${t.fired ? 'yes' : 'no'} | ${pct(t.fired ? 1 : t.progress ?? t.strength)} | ${cell(t.evidence.join('; '))} | ${cell(t.whatWouldChange ?? '')} |`);
  }
  lines.push('', '### Systems closest to their bars', '', '| system | recommendation | score | closest trigger | why |', '| --- | --- | --- | --- | --- |');
  for (const s of a.closestSystems) {
    lines.push(`| ${short(s.ref)} | ${s.recommendation} | ${s.score} | ${s.closestTrigger ? `${s.closestTrigger} (${pct(s.progress)})` : ''} | ${cell(s.summary)} |`);
  }
  lines.push('', '### What Linkerd would cost', '', `- Control plane: ${a.cost.controlPlaneMemoryMiB} MiB`, `- Proxies: ${a.cost.meshablePods} meshable pods, ${a.cost.sidecarMemoryMiB} MiB`);
  for (const e of a.cost.extras) lines.push(`- ${e.name}: ${e.memoryMiB} MiB (${e.why})`);
  lines.push(`- **Total: ${a.cost.totalMemoryMiB} MiB** of ${a.cost.allocatableMemoryMiB} MiB allocatable`, '', ...a.cost.statements.map(s => `- ${s}`), '');
  return lines;
}
