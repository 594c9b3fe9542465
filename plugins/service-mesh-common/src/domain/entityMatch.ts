import { LabelRequirement, matchesLabels, parseLabelSelector } from './labelSelector';
import { Workload } from './workloads';

/** The Backstage Kubernetes plugin's annotations, reused as they are. */
export const KUBERNETES_ANNOTATIONS = {
  id: 'backstage.io/kubernetes-id',
  labelSelector: 'backstage.io/kubernetes-label-selector',
  namespace: 'backstage.io/kubernetes-namespace',
  cluster: 'backstage.io/kubernetes-cluster',
} as const;

/** The part of a catalog entity that matching reads. */
export interface EntityLike {
  kind: string;
  metadata: { name: string; namespace?: string; annotations?: Record<string, string> };
}

/** How an entity selects its workloads. */
export interface EntityMatcher {
  /** The label selector as written (for messages). */
  selector: string;
  requirements: LabelRequirement[];
  namespace?: string;
  /** Cluster names the entity is restricted to; undefined means every cluster. */
  clusters?: string[];
}

/** Whether the entity carries either annotation that ties it to Kubernetes objects. */
export function hasKubernetesAnnotation(entity: EntityLike): boolean {
  const a = entity.metadata.annotations ?? {};
  return Boolean(a[KUBERNETES_ANNOTATIONS.id] || a[KUBERNETES_ANNOTATIONS.labelSelector]);
}

/**
 * Builds the matcher the way the Backstage Kubernetes plugin does: the label-selector annotation
 * takes precedence, else `backstage.io/kubernetes-id=<id>` (the entity name when absent).
 * Throws an Error when the selector annotation cannot be parsed.
 */
export function entityMatcher(entity: EntityLike): EntityMatcher {
  const a = entity.metadata.annotations ?? {};
  const selector =
    a[KUBERNETES_ANNOTATIONS.labelSelector]?.trim() ||
    `${KUBERNETES_ANNOTATIONS.id}=${a[KUBERNETES_ANNOTATIONS.id] ?? entity.metadata.name}`;
  const clusters = a[KUBERNETES_ANNOTATIONS.cluster]
    ?.split(',')
    .map(c => c.trim())
    .filter(Boolean);
  return {
    selector,
    requirements: parseLabelSelector(selector),
    namespace: a[KUBERNETES_ANNOTATIONS.namespace]?.trim() || undefined,
    clusters: clusters?.length ? clusters : undefined,
  };
}

/** Whether the matcher looks at the named cluster. */
export function matcherIncludesCluster(m: EntityMatcher, cluster: string): boolean {
  return !m.clusters || m.clusters.includes(cluster);
}

/** Workloads whose object, pod template or pods carry labels the matcher selects. */
export function matchWorkloads(m: EntityMatcher, workloads: Workload[]): Workload[] {
  return workloads.filter(
    w =>
      matcherIncludesCluster(m, w.cluster) &&
      (!m.namespace || w.namespace === m.namespace) &&
      (matchesLabels(m.requirements, w.labels) ||
        matchesLabels(m.requirements, w.template?.metadata?.labels) ||
        w.pods.some(p => matchesLabels(m.requirements, p.metadata.labels))),
  );
}
