import type { ClusterReport } from '@meshlens/plugin-service-mesh-common';

/**
 * Builds a {@link @meshlens/plugin-service-mesh-common#ClusterReport} for
 * tests: a synced `homelab` snapshot with a healthy Linkerd `edge-25.1.1`,
 * with overrides applied on top.
 *
 * @internal
 */
export function makeCluster(
  overrides: Partial<ClusterReport> = {},
): ClusterReport {
  return {
    name: 'homelab',
    source: 'snapshot',
    synced: true,
    observedAt: '2025-01-02T03:04:05.000Z',
    linkerdInstalled: true,
    linkerdVersion: 'edge-25.1.1',
    controlPlaneNamespace: 'linkerd',
    controlPlaneHealthy: true,
    injectorWebhookPresent: true,
    highAvailability: false,
    policyCrdsServed: true,
    trustAnchors: [
      {
        subject: 'root.linkerd.cluster.local',
        notAfter: '2026-01-01T00:00:00Z',
      },
    ],
    counts: {
      namespaces: 4,
      workloads: 10,
      meshedWorkloads: 6,
      pods: 20,
      meshedPods: 12,
    },
    findings: [],
    errors: [],
    ...overrides,
  };
}
