/**
 * Proxy metrics of one cluster over a window, aggregated per workload: what both the Prometheus
 * adapter (batched PromQL) and the snapshot evaluator (recorded samples) produce. Counts are
 * increases over the window, as `increase()` computes them.
 */

/** Linkerd's Prometheus owner labels (relabelled from `linkerd.io/proxy-<kind>`). */
export const OWNER_LABELS: Record<string, string> = {
  deployment: 'Deployment',
  statefulset: 'StatefulSet',
  daemonset: 'DaemonSet',
  k8s_job: 'Job',
};

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
  crypto: CryptoConfig[];
  /** Seconds until the identity issuer certificate expires (`issuer_cert_ttl_seconds`), when scraped. */
  issuerTtlSeconds?: number;
  /** Earliest leaf-certificate expiry per workload (unix seconds). */
  leafExpiry: Array<{ workload: MetricWorkload; expiresAt: number }>;
}

/** The workload a set of metric labels belongs to, or undefined. */
export function metricWorkload(labels: Record<string, string>, prefix = ''): MetricWorkload | undefined {
  const namespace = labels[`${prefix}namespace`];
  if (!namespace) return undefined;
  for (const [label, kind] of Object.entries(OWNER_LABELS)) {
    const name = labels[`${prefix}${label}`];
    if (name) return { namespace, kind, name };
  }
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
