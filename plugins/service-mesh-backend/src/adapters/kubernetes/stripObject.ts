import { KubeObject } from '@meshlens/plugin-service-mesh-common';

type Json = Record<string, any>;

function pick(obj: Json | undefined, keys: string[]): Json | undefined {
  if (!obj) return undefined;
  const out: Json = {};
  for (const k of keys) if (obj[k] !== undefined) out[k] = obj[k];
  return out;
}

function iso(value: unknown): string | undefined {
  if (value instanceof Date) return value.toISOString();
  return typeof value === 'string' ? value : undefined;
}

function container(c: Json): Json {
  return {
    ...pick(c, ['name', 'image', 'restartPolicy']),
    ports: c.ports?.map((p: Json) => pick(p, ['containerPort', 'name', 'protocol', 'hostPort'])),
    env: c.env?.filter((e: Json) => typeof e.value === 'string').map((e: Json) => pick(e, ['name', 'value'])),
    // Only a probe's HTTP target: the generated policy needs the ports kubelet probes over HTTP.
    ...Object.fromEntries(['livenessProbe', 'readinessProbe', 'startupProbe'].filter(k => c[k]?.httpGet).map(k => [k, { httpGet: pick(c[k].httpGet, ['port', 'path']) }])),
  };
}

function podSpec(spec: Json | undefined): Json {
  return {
    ...pick(spec, ['hostNetwork', 'nodeName', 'serviceAccountName']),
    containers: (spec?.containers ?? []).map(container),
    initContainers: spec?.initContainers?.map(container),
  };
}

function template(t: Json | undefined): Json {
  return { metadata: pick(t?.metadata, ['labels', 'annotations']), spec: podSpec(t?.spec) };
}

/**
 * Keeps only what the domain reads: metadata without `managedFields`, pod specs without
 * volumes, probes (but their HTTP target) or env values from references, and the few status fields used.
 */
export function stripObject(kind: string, obj: Json): KubeObject {
  const m = obj.metadata ?? {};
  const metadata = {
    ...pick(m, ['name', 'namespace', 'uid', 'labels', 'annotations', 'resourceVersion']),
    creationTimestamp: iso(m.creationTimestamp),
    // viz does not count terminating pods: the domain needs to know which ones are.
    deletionTimestamp: iso(m.deletionTimestamp),
    ownerReferences: m.ownerReferences?.map((r: Json) => pick(r, ['kind', 'name', 'uid', 'controller'])),
  };
  const s = obj.spec ?? {};
  const base = { apiVersion: obj.apiVersion, kind, metadata };
  const out = (extra: Json = {}) => ({ ...base, ...extra }) as unknown as KubeObject;
  switch (kind) {
    case 'Pod':
      return out({ spec: podSpec(s), status: pick(obj.status, ['phase']) });
    case 'Deployment':
    case 'ReplicaSet':
    case 'StatefulSet':
    case 'DaemonSet':
    case 'Job':
      return out({
        spec: { replicas: s.replicas, template: template(s.template) },
        status: pick(obj.status, ['replicas', 'readyReplicas', 'availableReplicas', 'numberReady', 'desiredNumberScheduled']),
      });
    case 'CronJob':
      return out({ spec: { schedule: s.schedule, jobTemplate: { spec: { template: template(s.jobTemplate?.spec?.template) } } } });
    case 'Service':
      return out({ spec: pick(s, ['selector', 'ports', 'clusterIP', 'type', 'trafficDistribution']) });
    case 'ConfigMap':
      return out({ data: obj.data });
    case 'MutatingWebhookConfiguration':
    case 'ValidatingWebhookConfiguration':
      // The caBundle is public (linkerd check reads the webhook CAs from it); nothing else is read.
      return out({ webhooks: obj.webhooks?.map((w: Json) => ({ name: w.name, clientConfig: pick(w.clientConfig, ['caBundle']) })) });
    case 'Node':
      return out({ status: { allocatable: obj.status?.allocatable, nodeInfo: pick(obj.status?.nodeInfo, ['kubeletVersion', 'architecture']) } });
    default:
      return out();
  }
}

/** A custom resource with its spec as served; `managedFields` and status dropped. */
export function stripCustomObject(obj: Json): KubeObject & { spec?: any } {
  const m = obj.metadata ?? {};
  return {
    apiVersion: obj.apiVersion,
    kind: obj.kind,
    metadata: { ...pick(m, ['name', 'namespace', 'uid', 'labels', 'annotations']), name: m.name, creationTimestamp: iso(m.creationTimestamp) },
    spec: obj.spec,
  };
}

/**
 * A cert-manager `Certificate`: which Secret it writes and its validity (`status.notBefore`,
 * `notAfter`, `renewalTime`, conditions), never the Secret itself.
 */
export function stripCertificate(obj: Json): KubeObject & { spec?: any } {
  const base = stripCustomObject(obj);
  const st = obj.status ?? {};
  return {
    ...base,
    metadata: pick(base.metadata as Json, ['name', 'namespace', 'uid', 'labels', 'annotations', 'creationTimestamp']) as KubeObject['metadata'],
    spec: pick(obj.spec, ['secretName', 'isCA', 'commonName', 'dnsNames', 'issuerRef', 'duration', 'renewBefore']),
    status: {
      ...pick(st, ['notBefore', 'notAfter', 'renewalTime']),
      conditions: st.conditions?.map((c: Json) => pick(c, ['type', 'status', 'reason', 'message'])),
    },
  } as KubeObject & { spec?: any };
}

/** A custom resource with its spec and only its status conditions (type, status, reason, message): an EgressNetwork's `Accepted`. */
export function stripWithConditions(obj: Json): KubeObject & { spec?: any } {
  const conditions = obj.status?.conditions;
  return { ...stripCustomObject(obj), ...(Array.isArray(conditions) ? { status: { conditions: conditions.map((c: Json) => pick(c, ['type', 'status', 'reason', 'message'])) } } : {}) } as KubeObject & { spec?: any };
}
