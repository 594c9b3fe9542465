/**
 * The Backstage catalog of the demo beyond what the other model files declare (app and auto-brand
 * descriptions live with them): the owner, the systems, the platform components, and org.yaml.
 */

/** Owns every entity. */
export const CATALOG_OWNER = 'group:default/homelab-ops';

export const PLATFORM_SYSTEM = {
  name: 'homelab-platform',
  title: 'Homelab platform',
  description:
    'The shared platform of the k3s homelab: ingress, load balancing, storage, certificates and monitoring.',
};

export const APPS_SYSTEM = {
  name: 'selfhosted-apps',
  title: 'Self-hosted apps',
  description:
    'The self-hosted applications of the household, one namespace each.',
};

/** Platform Components (`name` is also their backstage.io/kubernetes-id); dependsOn: Components. */
export const PLATFORM_COMPONENTS = [
  {
    name: 'traefik',
    tags: ['ingress', 'k3s'],
    description:
      'Ingress controller bundled with k3s; the homelab entry point behind the MetalLB address 192.168.10.200.',
  },
  {
    name: 'metallb',
    tags: ['networking', 'load-balancer'],
    description:
      'Bare-metal load balancer announcing LoadBalancer Service addresses on the home LAN (L2 mode).',
  },
  {
    name: 'longhorn',
    tags: ['storage'],
    description:
      'Replicated block storage for the persistent volumes of the cluster.',
  },
  {
    name: 'cert-manager',
    tags: ['tls'],
    description: 'Issues and renews TLS certificates for the ingress routes.',
  },
  {
    name: 'prometheus',
    tags: ['monitoring', 'metrics'],
    description: 'Metrics collection and alerting for the cluster and apps.',
  },
  {
    name: 'loki',
    tags: ['monitoring', 'logs'],
    description: 'Log aggregation for every pod of the cluster.',
  },
  {
    name: 'grafana',
    tags: ['monitoring', 'dashboards'],
    description: 'Dashboards over Prometheus metrics and Loki logs.',
    dependsOn: ['prometheus', 'loki'],
  },
];

/** Appended to Traefik's description in the meshed catalog. */
export const TRAEFIK_MESHED_NOTE = 'Not meshed: kube-system is never injected.';

/** org.yaml: the group that owns everything and its one user. */
export const ORG = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: {
      name: 'homelab-ops',
      namespace: 'default',
      description: 'Runs the homelab k3s cluster and everything on it.',
    },
    spec: {
      type: 'team',
      profile: { displayName: 'Homelab Ops' },
      children: [],
      members: ['operator'],
    },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name: 'operator', namespace: 'default' },
    spec: {
      profile: {
        displayName: 'Homelab Operator',
        email: 'operator@home.arpa',
      },
      memberOf: ['homelab-ops'],
    },
  },
];
