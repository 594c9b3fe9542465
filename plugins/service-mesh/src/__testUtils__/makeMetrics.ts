import type { EntityMetricsResponse } from '@meshlens/plugin-service-mesh-common';
import { makeEdge } from './makeEdge';

/**
 * Builds an {@link @meshlens/plugin-service-mesh-common#EntityMetricsResponse}
 * for tests: one hour of `checkout` traffic in four steps, one caller and one
 * callee, with overrides applied on top.
 *
 * @internal
 */
export function makeMetrics(
  overrides: Partial<EntityMetricsResponse> = {},
): EntityMetricsResponse {
  return {
    entityRef: 'component:default/checkout',
    generatedAt: '2025-01-02T03:04:05.000Z',
    window: '1h',
    windowSeconds: 3600,
    goldenMetrics: {
      successRate: 0.9875,
      rps: 12.3456,
      latencyMs: { p50: 4.5, p95: 27.25, p99: 88.9 },
    },
    series: [
      {
        t: '2025-01-02T02:19:05.000Z',
        successRate: 1,
        rps: 10,
        latencyMs: { p50: 4, p95: 20, p99: 50 },
      },
      {
        t: '2025-01-02T02:34:05.000Z',
        successRate: 0.98,
        rps: 14,
        latencyMs: { p50: 5, p95: 35, p99: 90 },
      },
      { t: '2025-01-02T02:49:05.000Z', rps: 0 },
      {
        t: '2025-01-02T03:04:05.000Z',
        successRate: 0.97,
        rps: 13,
        latencyMs: { p50: 4, p95: 25, p99: 80 },
      },
    ],
    callers: [
      makeEdge({
        peer: 'shop/Deployment/web-ui',
        peerEntityRef: 'component:shop/web-ui',
      }),
    ],
    callees: [
      makeEdge({
        peer: 'data/StatefulSet/nats',
        workload: 'shop/Deployment/checkout',
        successRate: undefined,
        rps: 0,
        latencyMs: undefined,
        security: 'plaintext',
        serverId: undefined,
        noTlsReason: 'not_provided_by_service_discovery',
        connections: 2,
      }),
    ],
    errors: [],
    ...overrides,
  };
}
