import type { ClusterAdoptionReport } from '@meshlens/plugin-service-mesh-common';

/**
 * Builds a {@link @meshlens/plugin-service-mesh-common#ClusterAdoptionReport}
 * for tests: the founding homelab's verdict, `not-yet` with auto-brand the
 * closest system, with overrides applied on top.
 *
 * @internal
 */
export function makeClusterAdoption(
  overrides: Partial<ClusterAdoptionReport> = {},
): ClusterAdoptionReport {
  return {
    score: 23,
    recommendation: 'not-yet',
    explanation:
      'Not yet: no trigger fired, and the cluster as a whole is far from its bars (scale 38 %, multi-team 0 %, compliance 0 %).',
    triggers: [
      { id: 'scale', fired: false, strength: 0.38, evidence: ['38 application Services in homelab (bar: 50)'], whatWouldChange: '12 more application Services would fire it' },
      { id: 'multi-team', fired: false, strength: 0, evidence: ['1 owner of the 44 catalog entities running here: group:default/homelab-ops (bar: 2)'] },
      { id: 'compliance', fired: false, strength: 0, evidence: ['no compliance marker on any of the 44 entities running here'] },
      { id: 'canary', fired: false, strength: 0.75, evidence: ['the most: auto-brand/orchestrator 6 (bar: 8 for one service)'] },
      { id: 'observability', fired: false, strength: 0.18, progress: 0.606, evidence: ['2 of 11 interacting workloads in cluster homelab have no request metrics from any source (bar: 30 %)'] },
    ],
    closestSystems: [
      { ref: 'system:default/auto-brand', recommendation: 'prepare', score: 25, entities: 9, closestTrigger: 'observability', progress: 0.833, summary: 'The closest trigger is observability at 83 % of its bar.' },
      { ref: 'system:default/selfhosted-apps', recommendation: 'not-yet', score: 11, entities: 28, closestTrigger: 'scale', progress: 0.38, summary: 'The closest trigger is scale at 38 % of its bar.' },
    ],
    cost: {
      controlPlaneMemoryMiB: 300,
      meshablePods: 40,
      sidecarMemoryMiB: 800,
      extras: [{ name: 'Prometheus', memoryMiB: 200, why: '≈ 5 MiB per meshed pod' }],
      totalMemoryMiB: 1300,
      allocatableMemoryMiB: 134729,
      statements: ['Not meshable (host network): home-assistant/home-assistant.'],
    },
    ...overrides,
  };
}
