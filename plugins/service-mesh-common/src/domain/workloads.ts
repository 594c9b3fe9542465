import {
  ClusterSnapshot,
  KubeObject,
  OwnerReference,
  Pod,
  PodTemplate,
  TemplatedWorkload,
} from './kube';

/** A workload: the top-level owner of a set of pods, with those pods. */
export interface Workload {
  cluster: string;
  namespace: string;
  /** `Deployment`, `StatefulSet`, `DaemonSet`, `CronJob`, `Job`, `ReplicaSet`, `Pod`, or a custom owner kind. */
  kind: string;
  name: string;
  /** Labels of the top-level object. */
  labels: Record<string, string>;
  /** Pod template of the workload, or the bare pod's own spec. */
  template?: PodTemplate;
  pods: Pod[];
  /** ReplicaSets of a Deployment (deploy history), oldest first. */
  replicaSets: TemplatedWorkload[];
}

type Ref = { kind: string; name: string };

function controllerOf(obj: KubeObject): OwnerReference | undefined {
  const refs = obj.metadata.ownerReferences ?? [];
  return refs.find(r => r.controller) ?? refs[0];
}

function byName<T extends KubeObject>(items: T[]): Map<string, T> {
  return new Map(items.map(i => [`${i.metadata.namespace}/${i.metadata.name}`, i]));
}

/**
 * Follows owner references to the top-level workload: Pod → ReplicaSet → Deployment,
 * Pod → Job → CronJob, StatefulSet, DaemonSet, or the bare Pod itself.
 */
function topOwner(
  obj: KubeObject,
  index: { replicaSets: Map<string, KubeObject>; jobs: Map<string, KubeObject> },
): Ref {
  let current: KubeObject = obj;
  let ref: Ref = { kind: obj.kind, name: obj.metadata.name };
  for (let depth = 0; depth < 4; depth++) {
    const owner = controllerOf(current);
    if (!owner) return ref;
    ref = { kind: owner.kind, name: owner.name };
    const key = `${obj.metadata.namespace}/${owner.name}`;
    const parents = owner.kind === 'ReplicaSet' ? index.replicaSets : index.jobs;
    const next = owner.kind === 'ReplicaSet' || owner.kind === 'Job' ? parents.get(key) : undefined;
    if (!next) return ref;
    current = next;
  }
  return ref;
}

/** Discovers every workload of a cluster from its objects and its pods' owner chains. */
export function discoverWorkloads(snapshot: ClusterSnapshot): Workload[] {
  const o = snapshot.objects;
  const index = { replicaSets: byName(o.replicaSets), jobs: byName(o.jobs) };
  const workloads = new Map<string, Workload>();
  const ensure = (namespace: string, ref: Ref, source?: KubeObject, template?: PodTemplate) => {
    const key = `${ref.kind}/${namespace}/${ref.name}`;
    let w = workloads.get(key);
    if (!w) {
      w = { cluster: snapshot.name, namespace, kind: ref.kind, name: ref.name, labels: {}, pods: [], replicaSets: [] };
      workloads.set(key, w);
    }
    if (source) w.labels = source.metadata.labels ?? {};
    if (template && !w.template) w.template = template;
    return w;
  };
  const own = (obj: KubeObject) => ({ kind: obj.kind, name: obj.metadata.name });
  for (const d of [...o.deployments, ...o.statefulSets, ...o.daemonSets]) {
    ensure(d.metadata.namespace ?? 'default', own(d), d, d.spec.template);
  }
  for (const c of o.cronJobs) {
    ensure(c.metadata.namespace ?? 'default', own(c), c, c.spec.jobTemplate.spec.template);
  }
  for (const owned of [...o.jobs, ...o.replicaSets]) {
    const ns = owned.metadata.namespace ?? 'default';
    const top = topOwner(owned, index);
    const isTop = top.kind === owned.kind && top.name === owned.metadata.name;
    const w = ensure(ns, top, isTop ? owned : undefined, owned.spec.template);
    if (owned.kind === 'ReplicaSet') w.replicaSets.push(owned);
  }
  for (const pod of o.pods) {
    const ns = pod.metadata.namespace ?? 'default';
    const top = topOwner(pod, index);
    const bare = top.kind === 'Pod';
    const w = ensure(ns, top, bare ? pod : undefined, bare ? { metadata: pod.metadata, spec: pod.spec } : undefined);
    w.pods.push(pod);
  }
  const created = (x: KubeObject) => x.metadata.creationTimestamp ?? '';
  for (const w of workloads.values()) {
    w.replicaSets.sort((a, b) => created(a).localeCompare(created(b)));
  }
  return [...workloads.values()];
}
