/** What the proxy's authorization metrics count (linkerd2-proxy `inbound/src/metrics/authz.rs`). */
export type PolicyActivityKind =
  /** `inbound_http_authz_deny_total`: requests no authorization allowed. */
  | 'http-denied'
  /** `inbound_tcp_authz_deny_total`: connections refused on a Server (opaque ports included). */
  | 'tcp-denied'
  /** `inbound_http_local_ratelimit_total`: requests refused by an HTTPLocalRateLimitPolicy. */
  | 'rate-limited'
  /** `inbound_http_authz_allow_total{authz_name="audit"}`: let through only by audit mode. */
  | 'audit-allowed';

/** One counted row of a workload's policy activity in the window. */
export interface PolicyActivityRow {
  kind: PolicyActivityKind;
  /** The Server (`srv_kind/srv_name`; `default/<policy>` without a Server). */
  server: string;
  /** The route (`route_kind/route_name`) of HTTP denials and audited requests. */
  route?: string;
  /** The client's identity; absent for clients without mTLS. */
  clientId?: string;
  /** `tls` label: `true`, `no_identity`, `disabled`, `opaque`. */
  tls: string;
  /** The HTTPLocalRateLimitPolicy (`ratelimit_kind/ratelimit_name`) and its scope. */
  rateLimit?: string;
  rateLimitScope?: string;
  /** Requests (HTTP) or connections (TCP) in the window. */
  count: number;
}

/** Authorization at work on one of the entity's workloads over the window. */
export interface WorkloadPolicyActivity {
  cluster: string;
  /** `namespace/Kind/name`, as in edge reports. */
  workload: string;
  rows: PolicyActivityRow[];
  totals: Record<PolicyActivityKind, number>;
}
