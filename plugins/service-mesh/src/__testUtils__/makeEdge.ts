import type { EdgeReport } from '@meshlens/plugin-service-mesh-common';

/**
 * Builds an edge between `checkout` and a peer for tests.
 *
 * @internal
 */
export function makeEdge(overrides: Partial<EdgeReport> = {}): EdgeReport {
  return {
    cluster: 'homelab',
    peer: 'shop/Deployment/web-ui',
    workload: 'shop/Deployment/checkout',
    successRate: 0.995,
    rps: 2.5,
    latencyMs: { p50: 3.2, p95: 18.4, p99: 42 },
    security: 'mtls',
    serverId: 'checkout.shop.serviceaccount.identity.linkerd.cluster.local',
    connections: 3,
    ...overrides,
  };
}
