// Turns a declared traffic model into OpenMetrics text with the series a Linkerd 2.19 proxy
// exports and a Prometheus with Linkerd's relabel rules scrapes (proxyLabels.ts): HTTP request,
// response and latency families and the TCP families on both sides of every edge, TCP-only edges
// (NATS, databases), kubelet probes on the probe route, the admin port's scrapes and probes, the
// loopback legs between proxy and app. Every expected golden metric follows from the model. Used by
// the integration tests and to generate the demo snapshot's metrics.
import {
  acceptTls, connectTls, dstLabels, inboundPolicy, type Labels, type ModelWorkload, podNames, scrapeLabels, targetLabels,
} from './proxyLabels.ts';
import { egressSeries, type EgressFlow } from './egressSeries.ts';

export { identity, podNames, type ModelWorkload, type RemoteTarget } from './proxyLabels.ts';

/** Latency as the cumulative share of requests at or under each bound (ms), linear between. */
export type LatencyModel = Array<[le: number, cumulativeShare: number]>;

/** How an edge departs from its declared rate at a time (unix seconds): a daily pattern, an incident. */
export type EdgeShape = (t: number) => { rate?: number; failureRatio?: number; latencyScale?: number };

/**
 * An ingress's own per-service request counter: Traefik's `traefik_service_requests_total{code,
 * method, protocol, service}` (traefik/traefik `pkg/metrics/prometheus.go`), the backend named
 * `<namespace>-<service>-<port name or number>@kubernetes` by its Kubernetes Ingress provider, as
 * the community chart's `kubernetes-pods` job scrapes it from the ingress pod.
 */
export interface IngressMetrics {
  namespace: string;
  pod: string;
  service: string;
}

/** Traffic from a client (a workload, or an unmeshed source such as an ingress) to a server. */
export interface ModelEdge {
  from: ModelWorkload | { unmeshed: string; ingressMetrics?: IngressMetrics };
  to: ModelWorkload;
  /** `http` (default): requests and latency; `tcp`: connections and bytes only (NATS, databases). */
  protocol?: 'http' | 'tcp';
  rps: number;
  failureRatio: number;
  latency: LatencyModel;
  /** mTLS when both ends are meshed. */
  tls: boolean;
  /** TCP edges: bytes per second client → server (the reply is half of it). */
  bytesPerSecond?: number;
  /** Connections each client pod holds open (default 1). */
  connections?: number;
  shape?: EdgeShape;
}

export interface TrafficModel {
  /** Unix seconds of the first sample. */
  start: number;
  durationSeconds: number;
  stepSeconds: number;
  edges: ModelEdge[];
  /** Remaining lifetime of the identity issuer certificate at `start` (identity's admin metrics). */
  issuerTtlSeconds?: number;
  /** Prometheus's scrape interval of the proxies' admin port (default 10 s, viz's). */
  scrapeIntervalSeconds?: number;
  /**
   * Each pod's own series: kubelet probes and the admin port (default true). Only the benchmark
   * leaves them out, to keep its 10,000-pod backfill comparable across runs.
   */
  podTraffic?: boolean;
  /** Calls that leave the mesh through EgressNetworks (egressSeries.ts). */
  egress?: EgressFlow[];
  /** The 2.19 inbound per-route counters and response frame sizes on every inbound exchange (default false). */
  inboundRouteCounters?: boolean;
  /** More series of the same samples (routesInAction.ts: route, retry, backend and authorization families). */
  extra?: (out: Series, times: number[]) => void;
  /** Links whose gateway the service mirror probes: its probe metrics (multi-cluster). */
  gateways?: GatewayProbeModel[];
}

/** The service mirror's probes of a Link's gateway, all successful, every `periodSeconds`. */
export interface GatewayProbeModel {
  targetCluster: string;
  latency: LatencyModel;
  /** Latency of the last probe (`gateway_latency`). */
  lastLatencyMs: number;
  periodSeconds: number;
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

const GAUGES = ['rustls_info', 'control_identity_cert_expiration_timestamp_seconds', 'tcp_open_connections', 'issuer_cert_ttl_seconds', 'gateway_alive', 'gateway_enabled', 'gateway_latency', 'endpoints_subscribers'];
const HISTOGRAMS = ['response_latency_ms', 'gateway_probe_latency_ms', 'inbound_http_response_frame_size_bytes'];
/** The labels Prometheus adds at scrape time (proxyLabels.ts `scrapeLabels`). */
const SCRAPE_KEYS = ['job', 'instance', 'namespace', 'pod', 'deployment', 'pod_template_hash', 'statefulset', 'daemonset', 'k8s_job', 'control_plane_ns', 'workload_ns'];
/** Buckets of the proxy's frame-size histograms (linkerd2-proxy `linkerd/http/prom/src/body_data/metrics.rs`). */
export const FRAME_SIZE_BUCKETS = [128, 1024, 10240];
/** Kubelet liveness + readiness every 10 s. */
export const PROBE_RPS = 0.2;
export const PROBE_LATENCY: LatencyModel = [[1, 0], [2, 0.9], [5, 1]];
const REQUEST_BYTES = 1200;
const RESPONSE_BYTES = 6400;

const isWorkload = (x: ModelEdge['from']): x is ModelWorkload => !('unmeshed' in x);
const meshed = (w: ModelWorkload) => w.meshed !== false;

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

/** Series sampled at the model's times: counters accumulate increments, gauges take values. */
export class Series {
  private readonly series = new Map<string, { name: string; values: number[]; alive?: [number, number] }>();
  /** Samples outside this range are not written (a pod that ran only part of the time). */
  alive?: [number, number];
  private readonly times: number[];
  constructor(times: number[]) {
    this.times = times;
  }
  private at(name: string, l: Labels) {
    const key = `${name}{${Object.entries(l).map(([k, x]) => `${k}="${esc(x)}"`).join(',')}}`;
    let s = this.series.get(key);
    if (!s) {
      s = { name, values: this.times.map(() => 0), alive: this.alive };
      this.series.set(key, s);
    }
    return s.values;
  }
  /** Adds `perSecond(t)` × step to a counter from each step on (the first sample is 0). */
  counter(name: string, l: Labels, perSecond: (t: number, step: number) => number) {
    const v = this.at(name, l);
    let total = 0;
    for (let i = 1; i < this.times.length; i++) {
      const step = this.times[i] - this.times[i - 1];
      total += perSecond(this.times[i - 1] + step / 2, step) * step;
      v[i] += total;
    }
  }
  /** Adds `value(t)` to a gauge (series of the same labels from several edges add up). */
  gauge(name: string, l: Labels, value: (t: number) => number) {
    const v = this.at(name, l);
    this.times.forEach((t, i) => { v[i] += value(t); });
  }
  /** OpenMetrics text grouped by family (counters without `_total`, histograms without `_bucket`). */
  text(): string {
    const byFamily = new Map<string, string[]>();
    for (const [key, { name, values, alive }] of this.series) {
      const family = name.replace(/_(bucket|count|sum|total)$/, '');
      if (!byFamily.has(family)) byFamily.set(family, []);
      const lines = byFamily.get(family)!;
      values.forEach((v, i) => {
        const t = this.times[i];
        if (!alive || (t >= alive[0] && t <= alive[1])) lines.push(`${key} ${Number(v.toFixed(6))} ${t}`);
      });
    }
    const out: string[] = [];
    for (const [family, lines] of byFamily) {
      const type = HISTOGRAMS.includes(family) ? 'histogram' : GAUGES.includes(family) ? 'gauge' : 'counter';
      out.push(`# TYPE ${family} ${type}`);
      for (const line of lines) out.push(line);
    }
    return [...out, '# EOF', ''].join('\n');
  }
}

type Rate = ((t: number) => { rps: number; failureRatio: number; latency: LatencyModel }) & { times?: number[] };

/** Whether an exchange fails at any sampled time (times are attached by the caller). */
let sampleTimes: number[] = [];
let routeCounters = false;
const everFails = (rate: Rate) => sampleTimes.some(t => rate(t).failureRatio > 0);

/** Request, response and latency counters of one side of an HTTP exchange. */
function http(out: Series, base: Labels, rate: Rate) {
  out.counter('request_total', base, t => rate(t).rps);
  // The proxy creates a series when the first response with its labels is seen: no 500s, no 500 series.
  const statuses = [['200', 'success', false], ['500', 'failure', true]] as const;
  for (const [status, classification, failed] of statuses.filter(([, , failed]) => !failed || everFails(rate))) {
    const share = (t: number) => (failed ? rate(t).failureRatio : 1 - rate(t).failureRatio);
    const n = (t: number) => rate(t).rps * share(t);
    out.counter('response_total', { ...base, status_code: status, classification, grpc_status: '', error: '' }, n);
    const withStatus = { ...base, status_code: status };
    for (const le of LATENCY_BUCKETS) out.counter('response_latency_ms_bucket', { ...withStatus, le: String(le) }, t => n(t) * shareAt(rate(t).latency, le));
    out.counter('response_latency_ms_bucket', { ...withStatus, le: '+Inf' }, n);
    out.counter('response_latency_ms_count', withStatus, n);
    out.counter('response_latency_ms_sum', withStatus, t => n(t) * (rate(t).latency.find(([, s]) => s >= 0.5)?.[0] ?? 1));
  }
  if (routeCounters && base.direction === 'inbound') inboundRoute(out, base, rate);
}

/**
 * The 2.19 inbound per-route families of one inbound exchange (linkerd2-proxy
 * `linkerd/app/inbound/src/http/router/metrics/{count_reqs,rsp_body,labels}.rs`): requests by parent
 * (the Server or default policy) and route, and the response data frames by size — probes answer
 * a few bytes, the app one 6.25 KiB frame, the admin port's scrapes about 40 KB in 16 KiB frames.
 */
function inboundRoute(out: Series, base: Labels, rate: Rate) {
  const l: Labels = Object.fromEntries(SCRAPE_KEYS.filter(k => base[k] !== undefined).map(k => [k, base[k]]));
  Object.assign(l, { parent_group: base.srv_group, parent_kind: base.srv_kind, parent_name: base.srv_name, parent_port: base.srv_port, route_group: base.route_group, route_kind: base.route_kind, route_name: base.route_name });
  out.counter('inbound_http_requests_total', l, t => rate(t).rps);
  const frames: number[] = base.route_name === 'probe' ? [2] : base.target_port === '4191' ? [16384, 16384, 7232] : [RESPONSE_BYTES];
  for (const le of [...FRAME_SIZE_BUCKETS, Infinity]) {
    const under = frames.filter(f => f <= le).length;
    out.counter('inbound_http_response_frame_size_bytes_bucket', { ...l, le: le === Infinity ? '+Inf' : String(le) }, t => rate(t).rps * under);
  }
  out.counter('inbound_http_response_frame_size_bytes_count', l, t => rate(t).rps * frames.length);
  out.counter('inbound_http_response_frame_size_bytes_sum', l, t => rate(t).rps * frames.reduce((a, b) => a + b, 0));
}

/** The TCP families of one side of a connection: opened, open, closed, bytes both ways. */
function tcp(out: Series, base: Labels, connections: number, readPerSecond: (t: number) => number, writePerSecond: (t: number) => number) {
  // Long-lived connections, all opened before the first sample.
  out.gauge('tcp_open_total', base, () => connections);
  out.gauge('tcp_open_connections', base, () => connections);
  out.counter('tcp_close_total', { ...base, errno: '' }, () => 0);
  out.counter('tcp_read_bytes_total', base, readPerSecond);
  out.counter('tcp_write_bytes_total', base, writePerSecond);
}

function edgeRate(edge: ModelEdge, share: number): Rate {
  return t => {
    const s = edge.shape?.(t) ?? {};
    const scale = s.latencyScale ?? 1;
    return {
      rps: edge.rps * (s.rate ?? 1) * share,
      failureRatio: s.failureRatio ?? edge.failureRatio,
      latency: scale === 1 ? edge.latency : edge.latency.map(([le, c]) => [le * scale, c] as [number, number]),
    };
  };
}

/** Series of one edge on the server's proxy (inbound) and the client's (outbound). */
function edgeSeries(out: Series, edge: ModelEdge) {
  const client = isWorkload(edge.from) && meshed(edge.from) ? edge.from : undefined;
  const secured = edge.tls && client !== undefined && meshed(edge.to);
  const servers = podNames(edge.to);
  const clients = client ? podNames(client) : ['unmeshed'];
  const port = edge.to.port ?? 8080;
  const perConnection = edge.connections ?? 1;
  const bytes = (factor: number, share: number) => (t: number) =>
    edge.protocol === 'tcp' ? (edge.bytesPerSecond ?? 0) * factor * share * (edge.shape?.(t).rate ?? 1)
    : edgeRate(edge, share)(t).rps * (factor === 1 ? REQUEST_BYTES : RESPONSE_BYTES);
  // Each client pod keeps its connections to one server pod (round robin).
  const connectionsTo = (server: number) => clients.filter((_, i) => i % servers.length === server).length * perConnection;
  // A mirror Service's server side is in the other cluster, scraped by its own Prometheus.
  if (meshed(edge.to) && !edge.to.remote) {
    servers.forEach((pod, i) => {
      const base = { ...scrapeLabels(edge.to, pod), direction: 'inbound', ...targetLabels(pod, port), ...acceptTls(secured ? client : undefined), ...inboundPolicy(port, 'default', edge.to.server) };
      const share = 1 / servers.length;
      tcp(out, { ...base, peer: 'src' }, connectionsTo(i), bytes(1, share), bytes(0.5, share));
      // The proxy's own leg to the app, over loopback.
      tcp(out, { ...scrapeLabels(edge.to, pod), direction: 'inbound', peer: 'dst', ...targetLabels(pod, port), tls: 'no_identity', no_tls_reason: 'loopback' }, connectionsTo(i), bytes(1, share), bytes(0.5, share));
      if (edge.protocol !== 'tcp') http(out, base, edgeRate(edge, share));
    });
  }
  if (!isWorkload(edge.from) && edge.from.ingressMetrics) {
    const { namespace, pod, service } = edge.from.ingressMetrics;
    const rate = edgeRate(edge, 1);
    const base = { job: 'kubernetes-pods', namespace, pod, method: 'GET', protocol: 'http', service };
    out.counter('traefik_service_requests_total', { ...base, code: '200' }, t => rate(t).rps * (1 - rate(t).failureRatio));
    if (everFails(rate)) out.counter('traefik_service_requests_total', { ...base, code: '500' }, t => rate(t).rps * rate(t).failureRatio);
  }
  if (client) {
    podNames(client).forEach((cpod, c) => {
      servers.forEach((spod, s) => {
        const share = 1 / (clients.length * servers.length);
        const base = { ...scrapeLabels(client, cpod), direction: 'outbound', ...dstLabels(edge.to, spod, client.zones?.[cpod]), ...connectTls(secured ? edge.to : undefined) };
        tcp(out, { ...base, peer: 'dst' }, c % servers.length === s ? perConnection : 0, bytes(1, share), bytes(0.5, share));
        if (edge.protocol !== 'tcp') http(out, base, edgeRate(edge, share));
      });
    });
  }
}

/** What every meshed pod exports besides traffic: crypto, leaf expiry, probes and the admin port. */
function podSeries(out: Series, w: ModelWorkload, servesHttp: boolean, model: TrafficModel) {
  const probePort = w.probePort === undefined ? (servesHttp ? w.port ?? 8080 : null) : w.probePort;
  const scrape = 1 / (model.scrapeIntervalSeconds ?? 10);
  const fixed = (rps: number): Rate => () => ({ rps, failureRatio: 0, latency: PROBE_LATENCY });
  const plain = acceptTls(undefined);
  for (const pod of podNames(w)) {
    const scraped = scrapeLabels(w, pod);
    out.gauge('rustls_info', { ...scraped, ...RUSTLS_INFO }, () => 1);
    out.gauge('control_identity_cert_expiration_timestamp_seconds', scraped, () => model.start + LEAF_LIFETIME_SECONDS);
    if (model.podTraffic === false) continue;
    const inbound = (port: number, route: 'default' | 'probe') => ({ ...scraped, direction: 'inbound', ...targetLabels(pod, port), ...plain, ...inboundPolicy(port, route, w.server) });
    if (probePort !== null) http(out, inbound(probePort, 'probe'), fixed(PROBE_RPS));
    // Admin port: Prometheus's scrapes, and the kubelet probing the proxy's /live and /ready.
    http(out, inbound(4191, 'default'), fixed(scrape));
    http(out, inbound(4191, 'probe'), fixed(PROBE_RPS));
    tcp(out, { ...inbound(4191, 'default'), peer: 'src' }, 0, () => scrape * 300, () => scrape * 40_000);
  }
}

/**
 * The service mirror's gateway probe metrics by `target_cluster_name` (linkerd2 edge-25.10.7
 * `multicluster/service-mirror/metrics.go`, buckets as declared there), scraped by viz's
 * `linkerd-multicluster-controller` job, which adds only `component` (the container's name).
 */
function gatewaySeries(out: Series, g: GatewayProbeModel) {
  const l = { job: 'linkerd-multicluster-controller', instance: '10.42.1.77:9999', component: 'controller', target_cluster_name: g.targetCluster };
  out.gauge('gateway_enabled', l, () => 1);
  out.gauge('gateway_alive', l, () => 1);
  out.gauge('gateway_latency', l, () => g.lastLatencyMs);
  const perSecond = 1 / g.periodSeconds;
  for (const le of LATENCY_BUCKETS) out.counter('gateway_probe_latency_ms_bucket', { ...l, le: String(le) }, () => perSecond * shareAt(g.latency, le));
  out.counter('gateway_probe_latency_ms_bucket', { ...l, le: '+Inf' }, () => perSecond);
  out.counter('gateway_probe_latency_ms_count', l, () => perSecond);
  out.counter('gateway_probe_latency_ms_sum', l, () => perSecond * g.lastLatencyMs);
}

/** OpenMetrics text (timestamps in seconds, ending `# EOF`) for the whole model. */
export function toOpenMetrics(model: TrafficModel): string {
  const times = Array.from({ length: Math.floor(model.durationSeconds / model.stepSeconds) + 1 }, (_, s) => model.start + s * model.stepSeconds);
  const out = new Series(times);
  sampleTimes = times;
  routeCounters = model.inboundRouteCounters === true;
  const workloads = new Map<string, { w: ModelWorkload; http: boolean }>();
  for (const e of model.edges) {
    for (const w of [e.from, e.to]) {
      if (!isWorkload(w) || !meshed(w) || w.remote) continue;
      const key = `${w.namespace}/${w.name}`;
      const servesHttp = w === e.to && e.protocol !== 'tcp';
      workloads.set(key, { w, http: (workloads.get(key)?.http ?? false) || servesHttp });
    }
  }
  for (const { w, http: servesHttp } of workloads.values()) {
    out.alive = w.alive;
    podSeries(out, w, servesHttp, model);
  }
  if (model.issuerTtlSeconds !== undefined) {
    const identityPod = { namespace: 'linkerd', pod: 'linkerd-identity-6b78f9c9d4-x2v8q', deployment: 'linkerd-identity' };
    out.gauge('issuer_cert_ttl_seconds', identityPod, t => model.issuerTtlSeconds! - (t - model.start));
  }
  for (const edge of model.edges) {
    out.alive = isWorkload(edge.from) && edge.from.alive ? edge.from.alive : edge.to.alive;
    edgeSeries(out, edge);
  }
  out.alive = undefined;
  egressSeries(out, model.egress ?? []);
  for (const g of model.gateways ?? []) gatewaySeries(out, g);
  model.extra?.(out, times);
  return out.text();
}
