// Turns a declared traffic model into OpenMetrics text with Linkerd's metric and label names
// (linkerd-reference.md §3), as a Prometheus with Linkerd's relabel rules would have scraped
// them from the proxies. Every expected golden metric follows from the model. Used by the
// integration tests and to generate the demo snapshot's metrics.

/** A workload of the model; only meshed workloads have proxies, hence metrics. */
export interface ModelWorkload {
  namespace: string;
  /** Owner label as Linkerd's relabelling writes it. */
  kind: 'deployment' | 'statefulset' | 'daemonset' | 'k8s_job';
  name: string;
  /** Pod count (names generated) or the pods' names. */
  pods: number | string[];
  serviceAccount?: string;
  /** Default true. */
  meshed?: boolean;
}

/** Latency as the cumulative share of requests at or under each bound (ms), linear between. */
export type LatencyModel = Array<[le: number, cumulativeShare: number]>;

/** Traffic from a client (a workload, or an unmeshed source such as an ingress) to a server. */
export interface ModelEdge {
  from: ModelWorkload | { unmeshed: string };
  to: ModelWorkload;
  /** `http` (default): requests and latency; `tcp`: open connections only (e.g. NATS). */
  protocol?: 'http' | 'tcp';
  rps: number;
  failureRatio: number;
  latency: LatencyModel;
  /** mTLS when both ends are meshed. */
  tls: boolean;
}

export interface TrafficModel {
  /** Unix seconds of the first sample. */
  start: number;
  durationSeconds: number;
  stepSeconds: number;
  edges: ModelEdge[];
  /** Remaining lifetime of the identity issuer certificate at `start` (identity's admin metrics). */
  issuerTtlSeconds?: number;
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

export const LATENCY_BUCKETS = [1, 2, 3, 4, 5, 10, 20, 30, 40, 50, 100, 200, 300, 400, 500, 1000, 2000, 3000, 4000, 5000, 10000, 20000, 30000, 40000, 50000];

const GAUGES = ['rustls_info', 'control_identity_cert_expiration_timestamp_seconds', 'tcp_open_connections', 'issuer_cert_ttl_seconds'];

export const identity = (w: ModelWorkload) => `${w.serviceAccount ?? w.name}.${w.namespace}.serviceaccount.identity.linkerd.cluster.local`;
const isWorkload = (x: ModelEdge['from']): x is ModelWorkload => !('unmeshed' in x);
const meshed = (w: ModelWorkload) => w.meshed !== false;

export function podNames(w: ModelWorkload): string[] {
  if (Array.isArray(w.pods)) return w.pods;
  return Array.from({ length: w.pods }, (_, i) => (w.kind === 'statefulset' ? `${w.name}-${i}` : `${w.name}-5d8f7c9b4-${'abcdefghij'[i % 10]}x${i}`));
}

function esc(v: string) {
  return v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
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

class Series {
  private readonly series = new Map<string, Array<[number, number]>>();
  add(name: string, l: Record<string, string>, t: number, v: number) {
    const key = `${name}{${Object.entries(l).map(([k, x]) => `${k}="${esc(x)}"`).join(',')}}`;
    if (!this.series.has(key)) this.series.set(key, []);
    this.series.get(key)!.push([t, v]);
  }
  /** OpenMetrics text grouped by family (counters without `_total`, histograms without `_bucket`). */
  text(): string {
    const byFamily = new Map<string, string[]>();
    for (const [key, samples] of this.series) {
      const family = key.slice(0, key.indexOf('{')).replace(/_(bucket|count|total)$/, '');
      if (!byFamily.has(family)) byFamily.set(family, []);
      for (const [t, v] of samples) byFamily.get(family)!.push(`${key} ${Number(v.toFixed(6))} ${t}`);
    }
    const out: string[] = [];
    for (const [family, lines] of byFamily) {
      const type = family === 'response_latency_ms' ? 'histogram' : GAUGES.includes(family) ? 'gauge' : 'counter';
      out.push(`# TYPE ${family} ${type}`);
      for (const line of lines) out.push(line);
    }
    return [...out, '# EOF', ''].join('\n');
  }
}

function owner(w: ModelWorkload, pod: string, prefix = '') {
  return prefix
    ? { [`${prefix}namespace`]: w.namespace, [`${prefix}${w.kind}`]: w.name }
    : { namespace: w.namespace, pod, [w.kind]: w.name };
}

/** Request, response and latency counters of one side of an HTTP edge on one pod. */
function http(out: Series, times: number[], base: Record<string, string>, rps: number, edge: ModelEdge, start: number) {
  for (const t of times) {
    const total = rps * (t - start);
    out.add('request_total', base, t, total);
    out.add('response_total', { ...base, status_code: '200', classification: 'success', grpc_status: '', error: '' }, t, total * (1 - edge.failureRatio));
    out.add('response_total', { ...base, status_code: '500', classification: 'failure', grpc_status: '', error: '' }, t, total * edge.failureRatio);
    for (const le of LATENCY_BUCKETS) out.add('response_latency_ms_bucket', { ...base, le: String(le) }, t, total * shareAt(edge.latency, le));
    out.add('response_latency_ms_bucket', { ...base, le: '+Inf' }, t, total);
    out.add('response_latency_ms_count', base, t, total);
  }
}

/** OpenMetrics text (timestamps in seconds, ending `# EOF`) for the whole model. */
export function toOpenMetrics(model: TrafficModel): string {
  const out = new Series();
  const times = Array.from({ length: Math.floor(model.durationSeconds / model.stepSeconds) + 1 }, (_, s) => model.start + s * model.stepSeconds);
  const workloads = new Map<string, ModelWorkload>();
  for (const e of model.edges) for (const w of [e.from, e.to]) if (isWorkload(w) && meshed(w)) workloads.set(`${w.namespace}/${w.name}`, w);
  for (const w of workloads.values()) {
    for (const pod of podNames(w)) {
      for (const t of times) {
        out.add('rustls_info', { ...RUSTLS_INFO, ...owner(w, pod) }, t, 1);
        out.add('control_identity_cert_expiration_timestamp_seconds', owner(w, pod), t, model.start + LEAF_LIFETIME_SECONDS);
      }
    }
  }
  if (model.issuerTtlSeconds !== undefined) {
    const identityPod = { namespace: 'linkerd', pod: 'linkerd-identity-6b78f9c9d4-x2v8q', deployment: 'linkerd-identity' };
    for (const t of times) out.add('issuer_cert_ttl_seconds', identityPod, t, model.issuerTtlSeconds - (t - model.start));
  }
  for (const edge of model.edges) {
    const from = isWorkload(edge.from) && meshed(edge.from) ? edge.from : undefined;
    const secured = edge.tls && from !== undefined && meshed(edge.to);
    if (meshed(edge.to)) {
      const pods = podNames(edge.to);
      const tls = secured ? { tls: 'true', client_id: identity(from!) } : { tls: 'no_identity', no_tls_reason: 'no_tls_from_remote' };
      for (const pod of pods) {
        const base = { direction: 'inbound', ...tls, srv_kind: 'default', srv_name: 'all-unauthenticated', ...owner(edge.to, pod) };
        for (const t of times) out.add('tcp_open_connections', { ...base, peer: 'src' }, t, 1);
        if (edge.protocol !== 'tcp') http(out, times, base, edge.rps / pods.length, edge, model.start);
      }
    }
    if (from) {
      const pods = podNames(from);
      const tls = secured ? { tls: 'true', server_id: identity(edge.to) } : { tls: 'no_identity', no_tls_reason: 'not_provided_by_service_discovery' };
      for (const pod of pods) {
        const base = { direction: 'outbound', ...tls, ...owner(from, pod), ...owner(edge.to, '', 'dst_') };
        for (const t of times) out.add('tcp_open_connections', { ...base, peer: 'dst' }, t, 1);
        if (edge.protocol !== 'tcp') http(out, times, base, edge.rps / pods.length, edge, model.start);
      }
    }
  }
  return out.text();
}
