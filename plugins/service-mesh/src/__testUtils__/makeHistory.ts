import type {
  EntityMeshHistory,
  MeshHistoryPoint,
} from '@meshlens/plugin-service-mesh-common';

/**
 * Builds a {@link @meshlens/plugin-service-mesh-common#MeshHistoryPoint} for
 * tests: `checkout` partially meshed with score 41 on 2026-11-20, only the
 * multi-team trigger fired, with overrides applied on top.
 *
 * @internal
 */
export function makeHistoryPoint(
  overrides: Partial<MeshHistoryPoint> = {},
): MeshHistoryPoint {
  return {
    recordedAt: '2026-11-20T08:00:00.000Z',
    state: 'partial',
    score: 41,
    recommendation: 'prepare',
    triggersFired: ['multi-team'],
    meshedPodRatio: 2 / 3,
    mtlsInboundRatio: 0.8,
    ...overrides,
  };
}

/**
 * Builds the {@link @meshlens/plugin-service-mesh-common#EntityMeshHistory}
 * of `component:default/checkout`: by default three points from 2026-11-20
 * to 2026-11-22, the score rising 41 → 50 → 58, mTLS coverage 80 % → 100 %,
 * compliance firing from the second point on and scale stopping.
 *
 * @internal
 */
export function makeHistory(
  points: MeshHistoryPoint[] = [
    makeHistoryPoint({ triggersFired: ['multi-team', 'scale'] }),
    makeHistoryPoint({
      recordedAt: '2026-11-21T08:00:00.000Z',
      score: 50,
      triggersFired: ['multi-team', 'compliance'],
      mtlsInboundRatio: 0.9,
    }),
    makeHistoryPoint({
      recordedAt: '2026-11-22T08:00:00.000Z',
      state: 'meshed',
      score: 58,
      recommendation: 'adopt-now',
      triggersFired: ['multi-team', 'compliance'],
      meshedPodRatio: 1,
      mtlsInboundRatio: 1,
    }),
  ],
): EntityMeshHistory {
  return { entityRef: 'component:default/checkout', points, errors: [] };
}
