import { TriggerId } from '../../api/EntityMeshReport';

/** Thresholds, weights and cost constants of the adoption model (adoption-model.md). */
export interface AdoptionConfig {
  scale: { services: number; eastWestEdges: number; eastWestRps: number };
  multiTeam: { owners: number; crossTeamEdges: number; strengthDivisor: number };
  compliance: { markers: string[]; annotation: string };
  canary: { rollouts: number; days: number; annotation: string };
  observability: { share: number };
  weights: Record<TriggerId, number>;
  /** A trigger at this share of its bar makes the recommendation `prepare`. */
  prepareAt: number;
  prepareScore: number;
  cost: { controlPlaneMiB: number; haFactor: number; sidecarMiB: number; prometheusMiBPerPod: number };
  /** Namespaces whose Services do not count as application services. */
  systemNamespaces: string[];
}

/** The defaults of adoption-model.md; every number can be overridden in `serviceMesh.adoption`. */
export const DEFAULT_ADOPTION_CONFIG: AdoptionConfig = {
  scale: { services: 50, eastWestEdges: 10, eastWestRps: 1 },
  multiTeam: { owners: 2, crossTeamEdges: 1, strengthDivisor: 5 },
  compliance: { markers: ['pci', 'pci-dss', 'hipaa', 'soc2', 'iso27001', 'gdpr', 'fedramp'], annotation: 'meshlens.io/compliance' },
  canary: { rollouts: 8, days: 30, annotation: 'meshlens.io/canary' },
  observability: { share: 0.3 },
  weights: { scale: 25, 'multi-team': 20, compliance: 25, canary: 15, observability: 15 },
  prepareAt: 0.6,
  prepareScore: 40,
  cost: { controlPlaneMiB: 300, haFactor: 3, sidecarMiB: 20, prometheusMiBPerPod: 5 },
  systemNamespaces: ['kube-system', 'kube-public', 'kube-node-lease', 'linkerd', 'linkerd-viz', 'linkerd-multicluster', 'cert-manager', 'metallb-system', 'longhorn-system', 'monitoring'],
};
