import { Config } from '@backstage/config';
import { AdoptionConfig, DEFAULT_ADOPTION_CONFIG } from '@meshlens/plugin-service-mesh-common';

/**
 * `serviceMesh.adoption`: every number of the adoption model, over the defaults of
 * adoption-model.md. Throws naming the key when a value is not a non-negative number.
 */
export function readAdoptionConfig(config?: Config): AdoptionConfig {
  const d = DEFAULT_ADOPTION_CONFIG;
  if (!config) return d;
  const num = (key: string, fallback: number) => {
    const v = config.getOptional(key);
    if (v === undefined) return fallback;
    if (typeof v !== 'number' || !(v >= 0)) throw new Error(`Invalid serviceMesh.adoption.${key}: a non-negative number`);
    return v;
  };
  return {
    ...d,
    scale: { services: num('scale.services', d.scale.services), eastWestEdges: num('scale.eastWestEdges', d.scale.eastWestEdges), eastWestRps: num('scale.eastWestRps', d.scale.eastWestRps) },
    multiTeam: { owners: num('multiTeam.owners', d.multiTeam.owners), crossTeamEdges: num('multiTeam.crossTeamEdges', d.multiTeam.crossTeamEdges), strengthDivisor: num('multiTeam.strengthDivisor', d.multiTeam.strengthDivisor) },
    compliance: { ...d.compliance, markers: config.getOptionalStringArray('compliance.markers') ?? d.compliance.markers },
    canary: { ...d.canary, rollouts: num('canary.rollouts', d.canary.rollouts), days: num('canary.days', d.canary.days) },
    observability: { share: num('observability.share', d.observability.share) },
    weights: {
      scale: num('weights.scale', d.weights.scale), 'multi-team': num('weights.multiTeam', d.weights['multi-team']),
      compliance: num('weights.compliance', d.weights.compliance), canary: num('weights.canary', d.weights.canary),
      observability: num('weights.observability', d.weights.observability),
    },
    prepareAt: num('prepareAt', d.prepareAt),
    prepareScore: num('prepareScore', d.prepareScore),
    cost: { controlPlaneMiB: num('cost.controlPlaneMiB', d.cost.controlPlaneMiB), haFactor: num('cost.haFactor', d.cost.haFactor), sidecarMiB: num('cost.sidecarMiB', d.cost.sidecarMiB), prometheusMiBPerPod: num('cost.prometheusMiBPerPod', d.cost.prometheusMiBPerPod) },
  };
}
