import type { EntityMeshReport } from '@meshlens/plugin-service-mesh-common';

/**
 * Builds an {@link @meshlens/plugin-service-mesh-common#EntityMeshReport} for
 * tests: a partially meshed `checkout` component in one cluster, with
 * overrides applied on top.
 *
 * @internal
 */
export function makeReport(
  overrides: Partial<EntityMeshReport> = {},
): EntityMeshReport {
  return {
    entityRef: 'component:default/checkout',
    generatedAt: '2025-01-02T03:04:05.000Z',
    state: 'partial',
    workloads: [
      {
        cluster: 'homelab',
        namespace: 'shop',
        kind: 'Deployment',
        name: 'checkout',
        state: 'meshed',
        meshedPods: 2,
        totalPods: 2,
        nativeSidecar: true,
        proxyVersion: 'edge-25.1.1',
        injection: 'enabled',
      },
      {
        cluster: 'homelab',
        namespace: 'shop',
        kind: 'StatefulSet',
        name: 'checkout-db',
        state: 'unmeshed',
        meshedPods: 0,
        totalPods: 1,
        nativeSidecar: false,
        injection: 'absent',
      },
    ],
    findings: [
      {
        code: 'injection-pending-restart',
        severity: 'warning',
        message: 'Injection is enabled but the pods were not restarted.',
        cluster: 'homelab',
        namespace: 'shop',
        workload: 'checkout-db',
      },
      {
        code: 'opaque-ports-required',
        severity: 'error',
        message: 'Port 5432 serves a server-speaks-first protocol.',
        cluster: 'homelab',
        namespace: 'shop',
        workload: 'checkout-db',
      },
    ],
    clusters: [
      {
        name: 'homelab',
        linkerdInstalled: true,
        linkerdVersion: 'edge-25.1.1',
        controlPlaneNamespace: 'linkerd',
      },
    ],
    runbook: { steps: [] },
    errors: [],
    ...overrides,
  };
}
