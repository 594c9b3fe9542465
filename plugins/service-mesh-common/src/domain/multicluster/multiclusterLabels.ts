/**
 * Labels and annotations of Linkerd multicluster, as linkerd2 edge-25.10.7 `pkg/k8s/labels.go`
 * names them, and the Link's default selectors (`multicluster/cmd/link.go`
 * `newLinkOptionsWithDefault`).
 */
export const MULTICLUSTER = {
  /** On a Service of the target cluster: `true` (gateway mode) or `remote-discovery`. */
  exported: 'mirror.linkerd.io/exported',
  /** On a Service of a cluster taking part in a federated Service: `member`. */
  federated: 'mirror.linkerd.io/federated',
  /** On every Service the service mirror creates (mirror and federated): `true`. */
  mirroredService: 'mirror.linkerd.io/mirrored-service',
  /** On a mirror Service: the Link's `targetClusterName`. */
  clusterName: 'mirror.linkerd.io/cluster-name',
  /** On a remote-discovery mirror: the target cluster's name. */
  remoteDiscovery: 'multicluster.linkerd.io/remote-discovery',
  /** On a remote-discovery mirror: the Service's name in the target cluster. */
  remoteService: 'multicluster.linkerd.io/remote-service',
  /** On a mirror: `<svc>.<ns>.svc.<target cluster domain>`. */
  remoteServiceFqName: 'mirror.linkerd.io/remote-svc-fq-name',
  /** On a federated Service: comma-separated `svc@cluster` members. */
  remoteDiscoveryAnnotation: 'multicluster.linkerd.io/remote-discovery',
  /** On a federated Service: the local member Service. */
  localDiscoveryAnnotation: 'multicluster.linkerd.io/local-discovery',
} as const;

/** The selectors `linkerd multicluster link` writes when none is given. */
export const DEFAULT_LINK_SELECTORS = {
  gateway: `${MULTICLUSTER.exported}=true`,
  remoteDiscovery: `${MULTICLUSTER.exported}=remote-discovery`,
  federated: `${MULTICLUSTER.federated}=member`,
} as const;
