import { ClusterObjects, KubeObject, MonitorObjects } from '@meshlens/plugin-service-mesh-common';

/** A custom resource Meshlens reads when its CRD is served (discovered, never required). */
export interface CustomKind {
  kind: string;
  group: string;
  /** Versions to try, preferred first. */
  versions: string[];
  plural: string;
  field: keyof ClusterObjects['policies'] | keyof MonitorObjects;
}

/** Where a custom kind's objects go in the cluster objects. */
export function customKindTarget(out: ClusterObjects, kind: CustomKind): KubeObject[] {
  if (kind.field === 'serviceMonitors' || kind.field === 'podMonitors') {
    out.monitors ??= { serviceMonitors: [], podMonitors: [] };
    return out.monitors[kind.field];
  }
  return out.policies[kind.field];
}

/** Linkerd policy and the route CRDs (both HTTPRoute groups). */
export const CUSTOM_KINDS: CustomKind[] = [
  { kind: 'Server', group: 'policy.linkerd.io', versions: ['v1beta3', 'v1beta2', 'v1beta1'], plural: 'servers', field: 'servers' },
  { kind: 'AuthorizationPolicy', group: 'policy.linkerd.io', versions: ['v1alpha1'], plural: 'authorizationpolicies', field: 'authorizationPolicies' },
  { kind: 'MeshTLSAuthentication', group: 'policy.linkerd.io', versions: ['v1alpha1'], plural: 'meshtlsauthentications', field: 'meshTLSAuthentications' },
  { kind: 'HTTPRoute', group: 'policy.linkerd.io', versions: ['v1beta3', 'v1beta2', 'v1beta1'], plural: 'httproutes', field: 'httpRoutes' },
  { kind: 'HTTPRoute', group: 'gateway.networking.k8s.io', versions: ['v1', 'v1beta1'], plural: 'httproutes', field: 'httpRoutes' },
  { kind: 'HTTPLocalRateLimitPolicy', group: 'policy.linkerd.io', versions: ['v1alpha1'], plural: 'httplocalratelimitpolicies', field: 'rateLimits' },
  // What the cluster's Prometheus scrapes (the observability trigger's app metrics), when the Prometheus Operator is installed.
  { kind: 'ServiceMonitor', group: 'monitoring.coreos.com', versions: ['v1'], plural: 'servicemonitors', field: 'serviceMonitors' },
  { kind: 'PodMonitor', group: 'monitoring.coreos.com', versions: ['v1'], plural: 'podmonitors', field: 'podMonitors' },
];
