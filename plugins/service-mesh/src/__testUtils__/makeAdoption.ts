import type { AdoptionReport } from '@meshlens/plugin-service-mesh-common';

/**
 * Builds an {@link @meshlens/plugin-service-mesh-common#AdoptionReport} for
 * tests: `adopt-now` for `checkout` with the multi-team and compliance
 * triggers fired, Linkerd already installed (no control-plane cost), with
 * overrides applied on top.
 *
 * @internal
 */
export function makeAdoption(
  overrides: Partial<AdoptionReport> = {},
): AdoptionReport {
  return {
    score: 42,
    recommendation: 'adopt-now',
    explanation:
      'multi-team (policy between owners), compliance (encrypted, audited traffic) fired: the mesh pays for its complexity here. Follow the runbook.',
    triggers: [
      {
        id: 'scale',
        fired: false,
        strength: 0.24,
        evidence: [
          '12 application Services in homelab (bar: 50)',
          '4 service-to-service edges in the catalog (bar: 10)',
          '2.40 rps observed east-west (bar: 1)',
        ],
      },
      {
        id: 'multi-team',
        fired: true,
        strength: 0.2,
        evidence: [
          '2 owners among the entity and its dependencies: team-a, team-payments (bar: 2)',
          '1 cross-team edge: component:default/checkout → component:default/payments (bar: 1)',
        ],
      },
      {
        id: 'compliance',
        fired: true,
        strength: 1,
        evidence: ['compliance marker component:default/checkout: pci'],
      },
      {
        id: 'canary',
        fired: false,
        strength: 0.375,
        evidence: [
          '3 rollouts in 30 days (shop/checkout; bar: 8)',
          'lifecycle production',
        ],
      },
      {
        id: 'observability',
        fired: false,
        strength: 0.1,
        evidence: [
          '1 of 10 interacting workloads without request metrics (bar: 30 %): data/nats',
        ],
      },
    ],
    cost: {
      sidecarMemoryMiB: 60,
      controlPlaneMemoryMiB: 0,
      totalMemoryMiB: 75,
      allocatableMemoryMiB: 15872,
      statements: [
        'Linkerd is installed: the control plane costs nothing more.',
        '3 pods × 20 MiB per proxy, plus ≈ 5 MiB of Prometheus per meshed pod.',
        'Kubernetes v1.31.4: native sidecars need 1.29+, Linkerd 2.19 supports 1.29–1.35.',
      ],
    },
    ...overrides,
  };
}
