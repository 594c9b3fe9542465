import type { GroupRollup } from '@meshlens/plugin-service-mesh-common';
import { makeSummary } from './makeSummary';

/**
 * Builds a {@link @meshlens/plugin-service-mesh-common#GroupRollup} for
 * tests: `group:default/team-a` owning `checkout` (partial) and `payments`
 * (meshed), with overrides applied on top.
 *
 * @internal
 */
export function makeGroupRollup(
  overrides: Partial<GroupRollup> = {},
): GroupRollup {
  return {
    groupRef: 'group:default/team-a',
    groups: ['group:default/team-a'],
    meshedPodRatio: 0.75,
    mtlsInboundRatio: 0.5,
    worstSuccessRate: {
      entityRef: 'component:default/payments',
      successRate: 0.9,
    },
    warnings: 3,
    entities: [
      makeSummary(),
      makeSummary({
        entityRef: 'component:default/payments',
        state: 'meshed',
        meshedPods: 1,
        totalPods: 1,
        inboundTlsRatio: 0.25,
        successRate: 0.9,
        recommendation: 'already-meshed',
        score: 80,
        warnings: 2,
      }),
    ],
    errors: [],
    ...overrides,
  };
}
