/**
 * The HTTP contract of multi-cluster (Linkerd's `Link`s, mirrored and federated Services,
 * cross-cluster calls) and of mesh expansion (`ExternalWorkload`s).
 */

/** A gateway's probe state as the service mirror reports it (`linkerd multicluster gateways`). */
export type GatewayProbeState =
  /** `gateway_alive` is 1. */
  | 'alive'
  /** `gateway_alive` is 0: the last probes failed. */
  | 'down'
  /** `gateway_enabled` is 0: the Link has no gateway to probe (remote discovery only). */
  | 'disabled'
  /** No probe metric in the cluster's Prometheus (or no Prometheus). */
  | 'unknown';

/** A `Link` (multicluster.linkerd.io) of the cluster: the target cluster it mirrors Services from. */
export interface LinkReport {
  namespace: string;
  name: string;
  targetClusterName: string;
  gatewayAddress?: string;
  gatewayPort?: string;
  gatewayIdentity?: string;
  probe: { path?: string; port?: string; period?: string; timeout?: string; failureThreshold?: string };
  /** Label selectors of the Services mirrored in gateway mode, remote-discovery mode, and of federated members (as written). */
  selectors: { gateway?: string; remoteDiscovery?: string; federated?: string };
  probeState: GatewayProbeState;
  /** Latency of the last probe (`gateway_latency`, ms). */
  probeLatencyMs?: number;
  /** p95 of `gateway_probe_latency_ms` over the window. */
  probeLatencyP95Ms?: number;
  /** Mirror Services of this Link in the cluster (`mirror.linkerd.io/cluster-name` = target). */
  mirroredServices: number;
}

/** A Service the service mirror created in this cluster for a Service of another cluster. */
export interface MirroredServiceReport {
  namespace: string;
  name: string;
  /** `mirror.linkerd.io/cluster-name` (mirror) or each `svc@cluster` of a federated Service. */
  targetCluster: string;
  /** Name of the Service in the target cluster. */
  targetService: string;
  /** `gateway`: endpoints are the target's gateway; `remote-discovery`: the target's pods, resolved by the destination controller. */
  mode: 'gateway' | 'remote-discovery';
}

/** A federated Service (`<svc>-federated`): the union of a Service's endpoints in several clusters. */
export interface FederatedServiceReport {
  namespace: string;
  name: string;
  /** `svc@cluster` members from `multicluster.linkerd.io/remote-discovery`. */
  remoteMembers: string[];
  /** The local member (`multicluster.linkerd.io/local-discovery`), when this cluster takes part. */
  localMember?: string;
}

/** The multi-cluster section of a cluster report (`GET /v1/clusters`). */
export interface ClusterMulticlusterReport {
  links: LinkReport[];
  mirroredServices: MirroredServiceReport[];
  federatedServices: FederatedServiceReport[];
}

/** One of an entity's Services exported to other clusters, and where it is mirrored. */
export interface ExportedServiceReport {
  cluster: string;
  namespace: string;
  name: string;
  /** The `mirror.linkerd.io/exported` value (`true`: gateway mode, `remote-discovery`), or `federated` for `mirror.linkerd.io/federated=member`. */
  exportedAs: 'gateway' | 'remote-discovery' | 'federated';
  /** Mirrors seen in the configured clusters: cluster, `namespace/name` of the mirror. */
  mirroredIn: Array<{ cluster: string; service: string; link: string }>;
}

/** Calls from one of the entity's workloads to a mirrored Service (a Service of another cluster). */
export interface CrossClusterEdge {
  cluster: string;
  /** The entity's workload, `namespace/Kind/name`. */
  workload: string;
  /** The mirror Service called, `namespace/name`. */
  mirrorService: string;
  targetCluster: string;
  /** The Service in the target cluster, `namespace/name`. */
  targetService: string;
  rps: number;
  successRate?: number;
  /** Share of the requests over mTLS (to the gateway, or the remote pods), 0..1. */
  tlsShare: number;
  /** The peer identity: the target's gateway in gateway mode. */
  serverId?: string;
}

/** The multi-cluster section of an entity report. */
export interface EntityMulticlusterReport {
  exportedServices: ExportedServiceReport[];
}

/** Mesh expansion: an `ExternalWorkload` (workload.linkerd.io) matched to the entity. */
export interface ExternalWorkloadInfo {
  /** `spec.meshTLS.identity`: the identity its proxy presents. */
  identity: string;
  serverName?: string;
  /** The `Ready` condition is `True` (what the endpoints controller reads). */
  ready: boolean;
  /** Reason or message of the `Ready` condition when it is not `True`. */
  readyReason?: string;
  workloadIPs: string[];
  ports: Array<{ port: number; name?: string; protocol?: string }>;
}

/** Gateway probe metrics of one Link target, as read from a cluster's Prometheus. */
export interface GatewaySample {
  cluster: string;
  targetCluster: string;
  alive?: number;
  enabled?: number;
  latencyMs?: number;
  /** `gateway_probe_latency_ms` bucket increases over the window. */
  latencyBuckets: Array<{ le: number; count: number }>;
}

/** Outbound requests to a mirror Service, from one workload (proxy labels `dst_target_*`). */
export interface CrossClusterSample {
  cluster: string;
  workload: { namespace: string; kind: string; name: string };
  mirrorNamespace: string;
  mirrorService: string;
  targetCluster: string;
  targetService: string;
  targetNamespace: string;
  tls: string;
  serverId?: string;
  classification: 'success' | 'failure';
  count: number;
}

/** What the multi-cluster queries of one cluster return over a window. */
export interface MulticlusterSamples {
  windowSeconds: number;
  gateways: GatewaySample[];
  crossCluster: CrossClusterSample[];
}
