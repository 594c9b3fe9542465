/**
 * The fixed, batched queries of one refresh cycle: each covers every workload of the cluster at
 * once (grouped by namespace and Linkerd's owner labels), so their number never depends on how
 * many entities are viewed. No entity-derived string ever reaches PromQL: only the window, a
 * validated number of seconds.
 */

/** Owner labels of the scraped proxy (viz relabelling of `linkerd.io/proxy-<kind>`). */
export const OWNER_LABELS = ['deployment', 'statefulset', 'daemonset', 'k8s_job', 'cronjob', 'replicaset', 'replicationcontroller'];
const OWNER = ['namespace', ...OWNER_LABELS];
const DST_OWNER = ['dst_namespace', ...OWNER_LABELS.map(l => `dst_${l}`)];
/** Series whose pod has no owner label: a CronJob's pods, bare pods. */
const ORPHAN = OWNER_LABELS.map(l => `${l}=""`);

export type Vector = (selector: string) => string;

/**
 * `agg by (owner, …)` of a vector over every workload, `or` the series without an owner label
 * aggregated per pod (few: the pods of CronJobs and bare pods), so they can still be matched.
 * Also used by the policy queries (policyQueries.ts).
 */
export function perWorkload(agg: 'sum' | 'max' | 'min', vector: Vector, selector: string[], by: string[]): string {
  const all = vector(selector.join(','));
  const orphans = vector([...selector, ...ORPHAN].join(','));
  return `${agg} by (${[...OWNER, ...by].join(', ')}) (${all}) or ${agg} by (${[...OWNER, 'pod', ...by].join(', ')}) (${orphans})`;
}

/** The cycle's queries over a window of `windowSeconds`. */
export function metricsQueries(windowSeconds: number) {
  if (!Number.isInteger(windowSeconds) || windowSeconds <= 0) throw new Error(`invalid window ${windowSeconds}`);
  const increase: Vector = s => `increase({${s}}[${windowSeconds}s])`;
  const instant: Vector = s => `{${s}}`;
  const inbound = ['direction="inbound"'];
  const outbound = ['direction="outbound"'];
  const tls = (peer: string) => [peer, 'tls', 'no_tls_reason'];
  return {
    inbound: perWorkload('sum', increase, ['__name__="response_total"', ...inbound], ['target_port', 'route_name', ...tls('client_id'), 'classification']),
    latency: perWorkload('sum', increase, ['__name__="response_latency_ms_bucket"', ...inbound], ['le']),
    inboundTcpBytes: perWorkload('sum', increase, ['__name__="tcp_read_bytes_total"', ...inbound, 'peer="src"'], ['target_port', ...tls('client_id')]),
    inboundTcpOpen: perWorkload('sum', instant, ['__name__="tcp_open_connections"', ...inbound, 'peer="src"'], ['target_port', ...tls('client_id')]),
    edgeResponses: perWorkload('sum', increase, ['__name__="response_total"', ...outbound], [...DST_OWNER, ...tls('server_id'), 'classification']),
    zones: perWorkload('sum', increase, ['__name__="response_total"', ...outbound], ['dst_zone_locality']),
    edgeLatency: perWorkload('sum', increase, ['__name__="response_latency_ms_bucket"', ...outbound], [...DST_OWNER, 'le']),
    // Two queries: `increase` drops the metric name, so read and write series would collide in one.
    edgeBytesWritten: perWorkload('sum', increase, ['__name__="tcp_write_bytes_total"', ...outbound, 'peer="dst"'], [...DST_OWNER, ...tls('server_id')]),
    edgeBytesRead: perWorkload('sum', increase, ['__name__="tcp_read_bytes_total"', ...outbound, 'peer="dst"'], [...DST_OWNER, ...tls('server_id')]),
    edges: perWorkload('sum', instant, ['__name__="tcp_open_connections"', ...outbound, 'peer="dst"'], [...DST_OWNER, ...tls('server_id')]),
    crypto: perWorkload('max', instant, ['__name__="rustls_info"'], ['tls_suites', 'tls_kx_groups', 'tls_fips']),
    leafExpiry: perWorkload('min', instant, ['__name__="control_identity_cert_expiration_timestamp_seconds"'], []),
    issuerTtl: 'min(issuer_cert_ttl_seconds)',
  };
}

/**
 * The golden-metric time series' two range queries, each step an `increase` over `rangeSeconds`:
 * inbound responses by classification and latency buckets, grouped like the window's queries.
 */
export function seriesQueries(rangeSeconds: number) {
  if (!Number.isInteger(rangeSeconds) || rangeSeconds <= 0) throw new Error(`invalid range ${rangeSeconds}`);
  const increase: Vector = s => `increase({${s}}[${rangeSeconds}s])`;
  const inbound = 'direction="inbound"';
  return {
    responses: perWorkload('sum', increase, ['__name__="response_total"', inbound], ['classification']),
    latency: perWorkload('sum', increase, ['__name__="response_latency_ms_bucket"', inbound], ['le']),
  };
}
