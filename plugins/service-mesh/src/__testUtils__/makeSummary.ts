import type { EntityMeshSummary } from '@meshlens/plugin-service-mesh-common';

/**
 * Builds an {@link @meshlens/plugin-service-mesh-common#EntityMeshSummary}
 * for tests: a partially meshed `checkout` in `homelab` with one warning,
 * with overrides applied on top.
 *
 * @internal
 */
export function makeSummary(
  overrides: Partial<EntityMeshSummary> = {},
): EntityMeshSummary {
  return {
    entityRef: 'component:default/checkout',
    state: 'partial',
    meshedPods: 2,
    totalPods: 3,
    inboundTlsRatio: 0.9,
    successRate: 0.995,
    recommendation: 'adopt-now',
    score: 42,
    warnings: 1,
    clusters: ['homelab'],
    ...overrides,
  };
}
