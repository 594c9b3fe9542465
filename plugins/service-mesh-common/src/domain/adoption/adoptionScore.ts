import { AdoptionReport, Recommendation, TriggerId } from '../../api/EntityMeshReport';
import { AdoptionConfig } from './adoptionConfig';
import { AdoptionContext } from './adoptionContext';
import { TriggerResult } from './triggerResult';

const NAMES: Record<TriggerId, string> = {
  scale: 'scale (≈50 services with east-west traffic)',
  'multi-team': 'multi-team (policy between owners)',
  compliance: 'compliance (encrypted, audited traffic)',
  canary: 'canary (frequent production rollouts)',
  observability: 'observability (interactions no metrics source covers)',
};

/** Memory Linkerd would add for the entity's pods, and the control plane of its clusters. */
export function adoptionCost(ctx: AdoptionContext, c: AdoptionConfig): AdoptionReport['cost'] & { allocatableMemoryMiB: number; statements: string[] } {
  const pods = ctx.matched.flatMap(m => m.workloads).reduce((n, a) => n + a.mesh.report.totalPods, 0);
  const installed = ctx.matched.some(m => m.cluster.controlPlane.installed);
  const ha = ctx.matched.some(m => m.cluster.summary.highAvailability);
  const controlPlaneMemoryMiB = installed ? 0 : c.cost.controlPlaneMiB * (ha ? c.cost.haFactor : 1);
  const sidecarMemoryMiB = pods * c.cost.sidecarMiB;
  const prometheus = pods * c.cost.prometheusMiBPerPod;
  const allocatable = ctx.matched.reduce((n, m) => n + m.cluster.facts.allocatableMemoryMiB, 0);
  const version = ctx.matched.map(m => m.cluster.facts.kubeletVersion).find(Boolean);
  const statements = [
    installed ? 'Linkerd is installed: the control plane costs nothing more.' : `Control plane ≈ ${controlPlaneMemoryMiB} MiB (destination, identity, proxy-injector and headroom).`,
    `${pods} pod${pods === 1 ? '' : 's'} × ${c.cost.sidecarMiB} MiB per proxy, plus ≈ ${c.cost.prometheusMiBPerPod} MiB of Prometheus per meshed pod.`,
    version ? `Kubernetes ${version}: native sidecars need 1.29+, Linkerd 2.19 supports 1.29–1.35.` : 'Kubernetes version unknown.',
  ];
  return { sidecarMemoryMiB, controlPlaneMemoryMiB, totalMemoryMiB: sidecarMemoryMiB + controlPlaneMemoryMiB + prometheus, allocatableMemoryMiB: allocatable, statements };
}

/** Share of its bar a trigger has reached (1 when fired). */
export function triggerProgress(t: TriggerResult): number {
  return t.fired ? 1 : t.progress ?? t.strength;
}

/** The unfired trigger nearest its bar, in one sentence with what would change it. */
export function closestTriggerText(triggers: TriggerResult[]): string {
  const closest = [...triggers].filter(t => !t.fired).sort((a, b) => triggerProgress(b) - triggerProgress(a))[0];
  if (!closest) return '';
  const change = closest.whatWouldChange ? ` What would change it: ${closest.whatWouldChange}.` : '';
  return `The closest trigger is ${NAMES[closest.id]} at ${Math.round(triggerProgress(closest) * 100)} % of its bar (${closest.evidence[0]}).${change}`;
}

/** Display name of a trigger, with the founding evaluation's wording in brief. */
export function triggerName(id: TriggerId): string {
  return NAMES[id];
}

/**
 * Score (Σ weight × strength), recommendation and a short explanation naming the closest trigger.
 * `nearBar` limits which triggers can make the answer `prepare` by being near their bar (all by default).
 */
export function adoptionVerdict(
  triggers: TriggerResult[],
  allMeshed: boolean,
  c: AdoptionConfig,
  nearBar: (t: TriggerResult) => boolean = () => true,
): { score: number; recommendation: Recommendation; explanation: string } {
  const score = Math.round(triggers.reduce((n, t) => n + c.weights[t.id] * t.strength, 0));
  const fired = triggers.filter(t => t.fired);
  const closestText = closestTriggerText(triggers);
  if (allMeshed) {
    return { score, recommendation: 'already-meshed', explanation: 'Every workload of the entity is meshed: operate it — mTLS coverage, golden metrics, findings.' };
  }
  if (fired.length > 0) {
    return { score, recommendation: 'adopt-now', explanation: `${fired.map(t => NAMES[t.id]).join(', ')} fired: the mesh pays for its complexity here. Follow the runbook.` };
  }
  const prepare = triggers.some(t => nearBar(t) && triggerProgress(t) >= c.prepareAt) || score >= c.prepareScore;
  return {
    score,
    recommendation: prepare ? 'prepare' : 'not-yet',
    explanation: prepare
      ? `No trigger fired yet, but one is near. ${closestText} Clear the findings that would block meshing now.`
      : `No trigger fired; the mesh would add complexity without a need. ${closestText}`,
  };
}
