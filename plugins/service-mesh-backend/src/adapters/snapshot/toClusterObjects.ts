import {
  ClusterObjects,
  emptyClusterObjects,
  KubeObject,
} from '@meshlens/plugin-service-mesh-common';

const KIND_TO_FIELD: Record<string, keyof ClusterObjects> = {
  Namespace: 'namespaces',
  MutatingWebhookConfiguration: 'mutatingWebhooks',
  ValidatingWebhookConfiguration: 'validatingWebhooks',
  Node: 'nodes',
  Pod: 'pods',
  ReplicaSet: 'replicaSets',
  Deployment: 'deployments',
  StatefulSet: 'statefulSets',
  DaemonSet: 'daemonSets',
  Job: 'jobs',
  CronJob: 'cronJobs',
  Service: 'services',
  ConfigMap: 'configMaps',
};

/** Policy kinds by `group/Kind`: where they go in `objects.policies`. */
const POLICY_KINDS: Record<string, keyof ClusterObjects['policies']> = {
  'policy.linkerd.io/Server': 'servers',
  'policy.linkerd.io/AuthorizationPolicy': 'authorizationPolicies',
  'policy.linkerd.io/MeshTLSAuthentication': 'meshTLSAuthentications',
  'policy.linkerd.io/HTTPRoute': 'httpRoutes',
  'gateway.networking.k8s.io/HTTPRoute': 'httpRoutes',
  'policy.linkerd.io/HTTPLocalRateLimitPolicy': 'rateLimits',
  'policy.linkerd.io/EgressNetwork': 'egressNetworks',
};

/** Other custom kinds by `group/Kind`: top-level fields of the objects. */
const CUSTOM_FIELDS: Record<string, 'certificates' | 'links' | 'externalWorkloads'> = {
  'cert-manager.io/Certificate': 'certificates',
  'multicluster.linkerd.io/Link': 'links',
  'workload.linkerd.io/ExternalWorkload': 'externalWorkloads',
};

/** Prometheus Operator kinds by `group/Kind`: where they go in `objects.monitors`. */
const MONITOR_KINDS: Record<string, 'serviceMonitors' | 'podMonitors'> = {
  'monitoring.coreos.com/ServiceMonitor': 'serviceMonitors',
  'monitoring.coreos.com/PodMonitor': 'podMonitors',
};

/** Whether a value looks like a Kubernetes object (kind plus metadata.name). */
export function isKubeObject(value: unknown): value is KubeObject {
  const v = value as KubeObject;
  return (
    typeof v === 'object' && v !== null &&
    typeof v.kind === 'string' &&
    typeof v.metadata === 'object' && v.metadata !== null &&
    typeof v.metadata.name === 'string'
  );
}

function podSpecOk(spec: unknown): boolean {
  return Array.isArray((spec as { containers?: unknown } | undefined)?.containers);
}

/** Why an object of a kind the domain reads lacks the fields it needs, or undefined. */
export function shapeProblem(obj: KubeObject): string | undefined {
  const o = obj as unknown as { spec?: any };
  switch (obj.kind) {
    case 'Pod':
      return podSpecOk(o.spec) ? undefined : 'Pod without spec.containers';
    case 'ReplicaSet':
    case 'Deployment':
    case 'StatefulSet':
    case 'DaemonSet':
    case 'Job':
      return podSpecOk(o.spec?.template?.spec) ? undefined : `${obj.kind} without spec.template.spec.containers`;
    case 'CronJob':
      return podSpecOk(o.spec?.jobTemplate?.spec?.template?.spec) ? undefined : 'CronJob without spec.jobTemplate.spec.template.spec.containers';
    default:
      return undefined;
  }
}

/**
 * Expands `kind: List` documents into their items. Items of a typed list (`PodList`, as the API
 * returns it) carry no kind of their own: they get the list's.
 */
export function expandLists(value: unknown): unknown[] {
  const v = value as { kind?: string; items?: unknown[] };
  if (typeof v === 'object' && v !== null && typeof v.kind === 'string' && v.kind.endsWith('List') && Array.isArray(v.items)) {
    const itemKind = v.kind === 'List' ? undefined : v.kind.slice(0, -'List'.length);
    return v.items.map(item =>
      itemKind && typeof item === 'object' && item !== null && !(item as { kind?: unknown }).kind ? { ...item, kind: itemKind } : item,
    );
  }
  return [value];
}

/**
 * Sorts objects into the kinds the domain reads. ConfigMaps outside the control-plane namespace
 * and Secrets are dropped: Meshlens reads no more than its RBAC role would allow.
 */
export function toClusterObjects(objects: KubeObject[], controlPlaneNamespace: string): {
  objects: ClusterObjects;
  ignored: Record<string, number>;
} {
  const out = emptyClusterObjects();
  const ignored: Record<string, number> = {};
  for (const obj of objects) {
    const groupKind = `${(obj.apiVersion ?? '').split('/')[0]}/${obj.kind}`;
    const policy = POLICY_KINDS[groupKind];
    if (policy) {
      (out.policies[policy] ??= []).push(obj);
      continue;
    }
    const custom = CUSTOM_FIELDS[groupKind];
    if (custom) {
      (out[custom] ??= []).push(obj);
      continue;
    }
    const monitor = MONITOR_KINDS[groupKind];
    if (monitor) {
      out.monitors![monitor].push(obj);
      continue;
    }
    const field = KIND_TO_FIELD[obj.kind];
    const allowed = field && (obj.kind !== 'ConfigMap' || obj.metadata.namespace === controlPlaneNamespace);
    if (!allowed) {
      ignored[obj.kind] = (ignored[obj.kind] ?? 0) + 1;
      continue;
    }
    (out[field] as unknown as KubeObject[]).push(obj);
  }
  return { objects: out, ignored };
}
