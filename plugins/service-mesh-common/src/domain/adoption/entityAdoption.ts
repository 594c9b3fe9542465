import { AdoptionReport } from '../../api/EntityMeshReport';
import { AdoptionConfig, DEFAULT_ADOPTION_CONFIG } from './adoptionConfig';
import { AdoptionContext } from './adoptionContext';
import { adoptionCost, adoptionVerdict } from './adoptionScore';
import { canaryTrigger, complianceTrigger, multiTeamTrigger, observabilityTrigger, scaleTrigger } from './triggers';

/** The five triggers with evidence, the cost, score and recommendation of one entity. */
export function entityAdoption(ctx: AdoptionContext, config: AdoptionConfig = DEFAULT_ADOPTION_CONFIG): AdoptionReport {
  const triggers = [scaleTrigger, multiTeamTrigger, complianceTrigger, canaryTrigger, observabilityTrigger].map(t => t(ctx, config));
  const workloads = ctx.matched.flatMap(m => m.workloads);
  const allMeshed = workloads.length > 0 && workloads.every(a => a.mesh.report.state === 'meshed');
  const cost = adoptionCost(ctx, config);
  return { ...adoptionVerdict(triggers, allMeshed, config), triggers, cost };
}
