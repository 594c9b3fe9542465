// Turns a declared traffic model into OpenMetrics text with Linkerd's metric and label names
// (linkerd-reference.md §3), as Prometheus would have scraped them from the proxies with
// Linkerd's relabel rules. Every expected golden metric follows from the model.

/** A meshed (or not) workload: its pods carry the Prometheus-side labels. */
export interface ModelWorkload {
  namespace: string;
  /** Owner label name as Linkerd's relabelling writes it: deployment, statefulset, k8s_job… */
  kind: 'deployment' | 'statefulset' | 'daemonset' | 'k8s_job';
  name: string;
  pods: number;
  serviceAccount?: string;
}

/** Latency as the cumulative share of requests at or under each bucket bound (ms). */
export type LatencyModel = Array<[le: number, cumulativeShare: number]>;

/** Traffic from a client (a modelled workload or an unmeshed source) to a server workload. */
export interface ModelEdge {
  from: ModelWorkload | { unmeshed: string };
  to: ModelWorkload;
  rps: number;
  failureRatio: number;
  latency: LatencyModel;
  tls: boolean;
}

/** The proxy's configured crypto (rustls_info), non-FIPS 2.19 defaults. */
export const RUSTLS_INFO = {
  tls_suites: 'TLS13_AES_128_GCM_SHA256,TLS13_AES_256_GCM_SHA384,TLS13_CHACHA20_POLY1305_SHA256,',
  tls_kx_groups: 'X25519MLKEM768,X25519,secp256r1,secp384r1,',
  tls_rand: 'AwsLcRs',
  tls_key_provider: 'AwsLcRs',
  tls_fips: 'false',
};

/** Leaf certificates live 24 h; the gauge says when the current one expires. */
export const LEAF_LIFETIME_SECONDS = 24 * 3600;

export interface TrafficModel {
  /** Unix seconds of the first sample. */
  start: number;
  durationSeconds: number;
  stepSeconds: number;
  edges: ModelEdge[];
}

export const LATENCY_BUCKETS = [1, 2, 3, 4, 5, 10, 20, 30, 40, 50, 100, 200, 300, 400, 500, 1000, 2000, 3000, 4000, 5000, 10000, 20000, 30000, 40000, 50000];

const identity = (w: ModelWorkload) => `${w.serviceAccount ?? w.name}.${w.namespace}.serviceaccount.identity.linkerd.cluster.local`;
const podName = (w: ModelWorkload, i: number) => `${w.name}-${w.kind === 'statefulset' ? i : `5d8f7c9b4-${'abcdefghij'[i % 10]}x${i}`}`;

function esc(v: string) {
  return v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

function labels(l: Record<string, string>) {
  return `{${Object.entries(l).map(([k, v]) => `${k}="${esc(v)}"`).join(',')}}`;
}

/** The cumulative share under `le` from the model (linear between declared points). */
export function shareAt(latency: LatencyModel, le: number): number {
  let prev: [number, number] = [0, 0];
  for (const [bound, share] of latency) {
    if (le <= bound) return prev[1] + ((share - prev[1]) * (le - prev[0])) / (bound - prev[0]);
    prev = [bound, share];
  }
  return 1;
}

/** OpenMetrics text (timestamps in seconds, ending `# EOF`), one series per pod of each edge. */
export function toOpenMetrics(model: TrafficModel): string {
  const series = new Map<string, Array<[number, number]>>();
  const add = (name: string, l: Record<string, string>, t: number, v: number) => {
    const key = `${name}${labels(l)}`;
    if (!series.has(key)) series.set(key, []);
    series.get(key)!.push([t, v]);
  };
  const steps = Math.floor(model.durationSeconds / model.stepSeconds);
  const times = Array.from({ length: steps + 1 }, (_, s) => model.start + s * model.stepSeconds);
  const meshed = new Map<string, ModelWorkload>();
  for (const e of model.edges) {
    for (const w of [e.from, e.to]) if (!('unmeshed' in w)) meshed.set(`${w.namespace}/${w.name}`, w);
  }
  for (const w of meshed.values()) {
    for (let p = 0; p < w.pods; p++) {
      const pod = { namespace: w.namespace, pod: podName(w, p), [w.kind]: w.name };
      for (const t of times) {
        add('rustls_info', { ...RUSTLS_INFO, ...pod }, t, 1);
        add('control_identity_cert_expiration_timestamp_seconds', pod, t, model.start + LEAF_LIFETIME_SECONDS);
      }
    }
  }
  for (const edge of model.edges) {
    const from = 'unmeshed' in edge.from ? undefined : edge.from;
    // Outbound side, on the client's pods: open connections to the server, with its identity.
    for (let p = 0; from && p < from.pods; p++) {
      const tlsLabels = edge.tls ? { tls: 'true', server_id: identity(edge.to) } : { tls: 'no_identity', no_tls_reason: 'not_provided_by_service_discovery' };
      const l = { direction: 'outbound', peer: 'dst', ...tlsLabels, namespace: from.namespace, pod: podName(from, p), [from.kind]: from.name, dst_namespace: edge.to.namespace, [`dst_${edge.to.kind}`]: edge.to.name };
      for (const t of times) add('tcp_open_connections', l, t, 1);
    }
    const to = edge.to;
    const client = 'unmeshed' in edge.from
      ? { tls: 'no_identity', no_tls_reason: 'no_tls_from_remote' }
      : edge.tls ? { tls: 'true', client_id: identity(edge.from) } : { tls: 'no_identity', no_tls_reason: 'no_tls_from_remote' };
    for (let p = 0; p < to.pods; p++) {
      const base = {
        direction: 'inbound', ...client, srv_kind: 'default', srv_name: 'all-unauthenticated', target_port: '8080',
        namespace: to.namespace, pod: podName(to, p), [to.kind]: to.name, control_plane_ns: 'linkerd', workload_ns: to.namespace,
      };
      const src = 'unmeshed' in edge.from ? {} : edge.tls ? { client_id: identity(edge.from) } : {};
      for (const t of times) add('tcp_open_connections', { direction: 'inbound', peer: 'src', ...('unmeshed' in edge.from || !edge.tls ? { tls: 'no_identity', no_tls_reason: 'no_tls_from_remote' } : { tls: 'true', ...src }), namespace: to.namespace, pod: podName(to, p), [to.kind]: to.name }, t, 1);
      for (let s = 0; s <= steps; s++) {
        const t = model.start + s * model.stepSeconds;
        const total = (edge.rps / to.pods) * s * model.stepSeconds;
        add('request_total', base, t, total);
        add('response_total', { ...base, status_code: '200', classification: 'success', grpc_status: '', error: '' }, t, total * (1 - edge.failureRatio));
        add('response_total', { ...base, status_code: '500', classification: 'failure', grpc_status: '', error: '' }, t, total * edge.failureRatio);
        for (const le of LATENCY_BUCKETS) add('response_latency_ms_bucket', { ...base, status_code: '200', le: String(le) }, t, total * shareAt(edge.latency, le));
        add('response_latency_ms_bucket', { ...base, status_code: '200', le: '+Inf' }, t, total);
        add('response_latency_ms_count', { ...base, status_code: '200' }, t, total);
      }
    }
  }
  const byFamily = new Map<string, string[]>();
  for (const [key, samples] of series) {
    // OpenMetrics names a counter family without `_total` and a histogram without `_bucket`/`_count`.
    const family = key.slice(0, key.indexOf('{')).replace(/_(bucket|count|total)$/, '');
    if (!byFamily.has(family)) byFamily.set(family, []);
    for (const [t, v] of samples) byFamily.get(family)!.push(`${key} ${Number(v.toFixed(6))} ${t}`);
  }
  const out: string[] = [];
  for (const [family, lines] of byFamily) {
    const gauges = ['rustls_info', 'control_identity_cert_expiration_timestamp_seconds', 'tcp_open_connections'];
    const type = family === 'response_latency_ms' ? 'histogram' : gauges.includes(family) ? 'gauge' : 'counter';
    out.push(`# TYPE ${family} ${type}`, ...lines);
  }
  out.push('# EOF', '');
  return out.join('\n');
}
