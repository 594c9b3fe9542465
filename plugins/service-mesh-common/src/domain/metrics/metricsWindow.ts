/**
 * Proxy metrics of one cluster over a window, aggregated per workload: what both the Prometheus
 * adapter (batched PromQL) and the snapshot evaluator (recorded samples) produce. Counts are
 * increases over the window, as `increase()` computes them.
 */

/**
 * Linkerd's Prometheus owner labels. On the scraped side they are relabelled from the pod's
 * `linkerd.io/proxy-<kind>` label (`linkerd.io/proxy-job` becomes `k8s_job`), which the injector
 * sets from the pod's owner as the metadata API resolves it: ReplicaSet → Deployment, a Job with
 * an owner → that owner. For a CronJob's pods that owner kind (`cronjob`) has no case in the
 * injector's switch, so they carry no owner label at all, like bare pods; `cronjob` appears only
 * when `linkerd inject` was run on a CronJob manifest. On the destination side the labels come
 * from the destination controller's `dst_<kind>` for the same owner.
 */
export const OWNER_LABELS: Record<string, string> = {
  deployment: 'Deployment',
  statefulset: 'StatefulSet',
  daemonset: 'DaemonSet',
  k8s_job: 'Job',
  cronjob: 'CronJob',
  replicaset: 'ReplicaSet',
  replicationcontroller: 'ReplicationController',
};

/** The proxy's admin port (`config.linkerd.io/admin-port`, default 4191): Prometheus scrapes and the proxy's own probes. */
export const PROXY_ADMIN_PORT = '4191';

/** A workload as named by metrics labels. */
export interface MetricWorkload {
  namespace: string;
  kind: string;
  name: string;
}

/** Inbound responses of a workload with one TLS state and classification. */
export interface InboundResponses {
  workload: MetricWorkload;
  /** `true`, `no_identity`, `disabled`, `opaque`. */
  tls: string;
  clientId?: string;
  noTlsReason?: string;
  classification: 'success' | 'failure';
  count: number;
  /** `target_port`: the pod port the request arrived on (the admin port is the proxy's own). */
  targetPort?: string;
  /** `route_name`: the inbound policy route (`probe` for the policy controller's kubelet-probe route). */
  routeName?: string;
}

/** Inbound TCP traffic of a workload on one port with one TLS state (server side, `peer="src"`). */
export interface InboundTcp {
  workload: MetricWorkload;
  targetPort?: string;
  /** `true`, `no_identity`, `disabled`, `opaque`. */
  tls: string;
  clientId?: string;
  noTlsReason?: string;
  /** Bytes read from clients over the window (`tcp_read_bytes_total`). */
  bytes: number;
  /** Open connections at the end of the window (`tcp_open_connections`). */
  connections: number;
}

/** Bytes both ways over the window on outbound connections from a workload to another. */
export interface EdgeBytes {
  workload: MetricWorkload;
  dst: MetricWorkload;
  tls: string;
  serverId?: string;
  noTlsReason?: string;
  bytes: number;
}

/** Outbound requests of a workload by the destination's zone locality (`dst_zone_locality`). */
export interface ZoneRequests {
  workload: MetricWorkload;
  /** `local`, `remote` or `unknown`. */
  locality: string;
  requests: number;
}

/** Cumulative inbound latency bucket of a workload. */
export interface LatencyBucket {
  workload: MetricWorkload;
  le: number;
  count: number;
}

/** Open outbound connections from a workload to another. */
export interface OutboundEdge {
  workload: MetricWorkload;
  dst: MetricWorkload;
  /** `tls` label of the connections (absent in windows recorded before it was read). */
  tls?: string;
  serverId?: string;
  noTlsReason?: string;
  connections: number;
}

/** Outbound responses from a workload to another (the caller's proxy view of an edge). */
export interface EdgeResponses {
  workload: MetricWorkload;
  dst: MetricWorkload;
  tls: string;
  serverId?: string;
  noTlsReason?: string;
  classification: 'success' | 'failure';
  count: number;
}

/** Cumulative outbound latency bucket of an edge. */
export interface EdgeLatencyBucket {
  workload: MetricWorkload;
  dst: MetricWorkload;
  le: number;
  count: number;
}

/** The proxy's configured crypto (`rustls_info`). */
export interface CryptoConfig {
  workload: MetricWorkload;
  suites: string[];
  kxGroups: string[];
  fips: boolean;
}

/** Metrics of one cluster over a window ending at `end`. */
export interface MetricsWindow {
  cluster: string;
  windowSeconds: number;
  /** Unix seconds of the end of the window. */
  end: number;
  inbound: InboundResponses[];
  latency: LatencyBucket[];
  edges: OutboundEdge[];
  edgeResponses: EdgeResponses[];
  edgeLatency: EdgeLatencyBucket[];
  /** Inbound TCP traffic by port and TLS state (how opaque and TCP-only servers show mTLS). */
  inboundTcp?: InboundTcp[];
  /** Outbound bytes per edge and TLS state (how TCP-only edges such as NATS show mTLS). */
  edgeBytes?: EdgeBytes[];
  /** Outbound requests by destination zone locality. */
  zones?: ZoneRequests[];
  crypto: CryptoConfig[];
  /** Seconds until the identity issuer certificate expires (`issuer_cert_ttl_seconds`), when scraped. */
  issuerTtlSeconds?: number;
  /** Earliest leaf-certificate expiry per workload (unix seconds). */
  leafExpiry: Array<{ workload: MetricWorkload; expiresAt: number }>;
}

/**
 * The workload a set of metric labels belongs to, or undefined. Series of the scraped proxy
 * without an owner label (a CronJob's pods, bare pods) belong to their pod (`kind: 'Pod'`);
 * destination labels (`dst_` prefix) always name an owner.
 */
export function metricWorkload(labels: Record<string, string>, prefix = ''): MetricWorkload | undefined {
  const namespace = labels[`${prefix}namespace`];
  if (!namespace) return undefined;
  for (const [label, kind] of Object.entries(OWNER_LABELS)) {
    const name = labels[`${prefix}${label}`];
    if (name) return { namespace, kind, name };
  }
  if (!prefix && labels.pod) return { namespace, kind: 'Pod', name: labels.pod };
  return undefined;
}

/** A stable key for a metric workload. */
export function workloadKey(w: MetricWorkload): string {
  return `${w.namespace}/${w.kind}/${w.name}`;
}

/** A histogram bucket's `le` label as a number (`+Inf` → Infinity; NaN when malformed). */
export function bucketBound(le: string | undefined): number {
  return le === '+Inf' ? Infinity : Number(le);
}
