import { FactSchema } from '@backstage-community/plugin-tech-insights-common';
import { EntityMeshSummary } from '@meshlens/plugin-service-mesh-common';

/** The facts of product.md §8, one set per catalog entity tied to Kubernetes. */
export const MESH_FACT_SCHEMA: FactSchema = {
  meshed: { type: 'boolean', description: 'Every pod of the entity runs the Linkerd proxy' },
  meshedPodRatio: { type: 'float', description: 'Meshed pods / pods (0..1; 0 without pods)' },
  mtlsInboundRatio: { type: 'float', description: 'Share of inbound requests over mTLS in the metrics window (0..1); 0 when unmeshed; absent for a meshed entity without metrics' },
  adoptionScore: { type: 'integer', description: 'Meshlens adoption readiness score (0..100)' },
  triggersFired: { type: 'integer', description: 'Number of adoption triggers that fired (0..5)' },
  findingsWarning: { type: 'integer', description: 'Findings of severity warning or error' },
};

/** Facts of one entity summary; a value Meshlens does not know is left out, never guessed. */
export function meshFacts(s: EntityMeshSummary): Record<string, number | boolean> {
  const facts: Record<string, number | boolean> = {
    meshed: s.state === 'meshed',
    meshedPodRatio: s.totalPods === 0 ? 0 : s.meshedPods / s.totalPods,
    findingsWarning: s.warnings,
  };
  // Without a proxy there is no mesh mTLS: an unmeshed entity's coverage is known to be 0.
  if (s.inboundTlsRatio !== undefined) facts.mtlsInboundRatio = s.inboundTlsRatio;
  else if (s.state === 'unmeshed') facts.mtlsInboundRatio = 0;
  if (s.score !== undefined) facts.adoptionScore = s.score;
  if (s.triggersFired !== undefined) facts.triggersFired = s.triggersFired.length;
  return facts;
}
