import { ClusterObjects, CustomObject, KubeObject, MonitorObjects } from '@meshlens/plugin-service-mesh-common';
import { stripCertificate, stripCustomObject, stripWithConditions } from './stripObject';
import { stripExternalWorkload } from './stripExternalWorkload';

/** A custom resource Meshlens reads when its CRD is served (discovered, never required). */
export interface CustomKind {
  kind: string;
  group: string;
  /** Versions to try, preferred first. */
  versions: string[];
  plural: string;
  /** A policy list, a Prometheus Operator list, or the Certificates. */
  field: keyof ClusterObjects['policies'] | keyof MonitorObjects | 'certificates' | 'links' | 'externalWorkloads';
  /** How a served object is stripped (default: spec kept, status dropped). */
  strip?: (raw: any) => KubeObject;
}

/** Strips a served object of a custom kind. */
export function stripCustom(kind: CustomKind, raw: any): KubeObject {
  return (kind.strip ?? stripCustomObject)(raw);
}

/** Adds a custom kind's objects where the domain reads them. */
export function placeCustom(out: ClusterObjects, kind: CustomKind, items: KubeObject[]): void {
  if (kind.field === 'certificates') out.certificates.push(...(items as CustomObject[]));
  else if (kind.field === 'links' || kind.field === 'externalWorkloads') (out[kind.field] ??= []).push(...items);
  else if (kind.field === 'serviceMonitors' || kind.field === 'podMonitors') {
    out.monitors ??= { serviceMonitors: [], podMonitors: [] };
    out.monitors[kind.field].push(...items);
  } else (out.policies[kind.field] ??= []).push(...items);
}

/** Linkerd policy and the route CRDs (both HTTPRoute groups), cert-manager's Certificates, Prometheus Operator monitors. */
export const CUSTOM_KINDS: CustomKind[] = [
  { kind: 'Server', group: 'policy.linkerd.io', versions: ['v1beta3', 'v1beta2', 'v1beta1'], plural: 'servers', field: 'servers' },
  { kind: 'AuthorizationPolicy', group: 'policy.linkerd.io', versions: ['v1alpha1'], plural: 'authorizationpolicies', field: 'authorizationPolicies' },
  { kind: 'MeshTLSAuthentication', group: 'policy.linkerd.io', versions: ['v1alpha1'], plural: 'meshtlsauthentications', field: 'meshTLSAuthentications' },
  { kind: 'HTTPRoute', group: 'policy.linkerd.io', versions: ['v1beta3', 'v1beta2', 'v1beta1'], plural: 'httproutes', field: 'httpRoutes' },
  { kind: 'HTTPRoute', group: 'gateway.networking.k8s.io', versions: ['v1', 'v1beta1'], plural: 'httproutes', field: 'httpRoutes' },
  // Traffic leaving the mesh (issue 17): the policy controller's Accepted condition is kept.
  { kind: 'EgressNetwork', group: 'policy.linkerd.io', versions: ['v1alpha1'], plural: 'egressnetworks', field: 'egressNetworks', strip: stripWithConditions },
  { kind: 'HTTPLocalRateLimitPolicy', group: 'policy.linkerd.io', versions: ['v1alpha1'], plural: 'httplocalratelimitpolicies', field: 'rateLimits' },
  // The identity issuer's and webhooks' validity without reading their Secrets.
  { kind: 'Certificate', group: 'cert-manager.io', versions: ['v1'], plural: 'certificates', field: 'certificates', strip: stripCertificate },
  // What the cluster's Prometheus scrapes (the observability trigger's app metrics), when the Prometheus Operator is installed.
  { kind: 'ServiceMonitor', group: 'monitoring.coreos.com', versions: ['v1'], plural: 'servicemonitors', field: 'serviceMonitors' },
  { kind: 'PodMonitor', group: 'monitoring.coreos.com', versions: ['v1'], plural: 'podmonitors', field: 'podMonitors' },
  // Multi-cluster Links and mesh expansion (issue 17); served versions from the 2.19 CRDs.
  { kind: 'Link', group: 'multicluster.linkerd.io', versions: ['v1alpha3', 'v1alpha2', 'v1alpha1'], plural: 'links', field: 'links' },
  { kind: 'ExternalWorkload', group: 'workload.linkerd.io', versions: ['v1beta1', 'v1alpha1'], plural: 'externalworkloads', field: 'externalWorkloads', strip: stripExternalWorkload },
];
