/**
 * The fixed, batched queries of one refresh cycle: each covers every workload of the cluster at
 * once (grouped by namespace and Linkerd's owner labels), so their number never depends on how
 * many entities are viewed. No entity-derived string ever reaches PromQL: only the window, a
 * validated number of seconds.
 */
const OWNER = 'namespace, deployment, statefulset, daemonset, k8s_job';
const DST_OWNER = 'dst_namespace, dst_deployment, dst_statefulset, dst_daemonset, dst_k8s_job';

export function metricsQueries(windowSeconds: number) {
  if (!Number.isInteger(windowSeconds) || windowSeconds <= 0) throw new Error(`invalid window ${windowSeconds}`);
  const w = `${windowSeconds}s`;
  return {
    inbound: `sum by (${OWNER}, tls, client_id, no_tls_reason, classification) (increase(response_total{direction="inbound"}[${w}]))`,
    latency: `sum by (${OWNER}, le) (increase(response_latency_ms_bucket{direction="inbound"}[${w}]))`,
    edgeResponses: `sum by (${OWNER}, ${DST_OWNER}, tls, server_id, no_tls_reason, classification) (increase(response_total{direction="outbound"}[${w}]))`,
    edgeLatency: `sum by (${OWNER}, ${DST_OWNER}, le) (increase(response_latency_ms_bucket{direction="outbound"}[${w}]))`,
    edges: `sum by (${OWNER}, ${DST_OWNER}, server_id, no_tls_reason) (tcp_open_connections{direction="outbound"})`,
    crypto: `max by (${OWNER}, tls_suites, tls_kx_groups, tls_fips) (rustls_info)`,
    leafExpiry: `min by (${OWNER}) (control_identity_cert_expiration_timestamp_seconds)`,
    issuerTtl: 'min(issuer_cert_ttl_seconds)',
  };
}
