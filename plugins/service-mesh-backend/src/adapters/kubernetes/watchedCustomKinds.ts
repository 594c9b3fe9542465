import { ClusterObjects } from '@meshlens/plugin-service-mesh-common';

/** A custom resource Meshlens reads when its CRD is served (discovered, never required). */
export interface CustomKind {
  kind: string;
  group: string;
  /** Versions to try, preferred first. */
  versions: string[];
  plural: string;
  field: keyof ClusterObjects['policies'];
}

/** Linkerd policy and the route CRDs (both HTTPRoute groups). */
export const CUSTOM_KINDS: CustomKind[] = [
  { kind: 'Server', group: 'policy.linkerd.io', versions: ['v1beta3', 'v1beta2', 'v1beta1'], plural: 'servers', field: 'servers' },
  { kind: 'AuthorizationPolicy', group: 'policy.linkerd.io', versions: ['v1alpha1'], plural: 'authorizationpolicies', field: 'authorizationPolicies' },
  { kind: 'MeshTLSAuthentication', group: 'policy.linkerd.io', versions: ['v1alpha1'], plural: 'meshtlsauthentications', field: 'meshTLSAuthentications' },
  { kind: 'HTTPRoute', group: 'policy.linkerd.io', versions: ['v1beta3', 'v1beta2', 'v1beta1'], plural: 'httproutes', field: 'httpRoutes' },
  { kind: 'HTTPRoute', group: 'gateway.networking.k8s.io', versions: ['v1', 'v1beta1'], plural: 'httproutes', field: 'httpRoutes' },
  { kind: 'HTTPLocalRateLimitPolicy', group: 'policy.linkerd.io', versions: ['v1alpha1'], plural: 'httplocalratelimitpolicies', field: 'rateLimits' },
];
