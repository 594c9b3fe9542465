/**
 * The Kubernetes annotations Meshlens uses to find the workloads of an entity;
 * the same ones the Backstage Kubernetes plugin reads.
 *
 * @public
 */
export const kubernetesAnnotations = {
  /** Workloads labelled `backstage.io/kubernetes-id=<value>` belong to the entity. */
  id: 'backstage.io/kubernetes-id',
  /** A Kubernetes label selector matching the workloads of the entity. */
  labelSelector: 'backstage.io/kubernetes-label-selector',
} as const;
