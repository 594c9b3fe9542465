// The route families a Linkerd 2.19 proxy exports for traffic that leaves the mesh
// (linkerd2-proxy release/v2.326.0): parent labels `parent_group|kind|namespace|name|port|section_name`
// and route labels `route_group|kind|namespace|name` (linkerd/app/outbound/src/metrics.rs), for
// - HTTP: `outbound_http_route_request_statuses_total` with `hostname`, `http_status`, `error`
//   (linkerd/app/outbound/src/http/logical/policy/route/metrics/labels.rs; registered under
//   outbound_http_route, linkerd/app/outbound/src/http.rs; `request_statuses` in linkerd/http/prom);
// - TLS: `outbound_tls_route_open_total` / `_close_total{error}` with `hostname` = SNI
//   (linkerd/app/outbound/src/tls/logical/route.rs, metrics/transport.rs);
// - TCP: `outbound_tcp_route_open_total` / `_close_total{error}` with `target_ip`, `target_port`
//   (linkerd/app/outbound/src/opaq/logical/route.rs).
// The parent is the EgressNetwork the address matched (policy.linkerd.io/EgressNetwork, the
// original port); its traffic policy without a matching route is the default `*-egress-allow` or
// `*-egress-deny` route, Deny refusing TCP/TLS with `error="forbidden"` and HTTP with a 403
// (linkerd2 edge-25.10.7 policy-controller/grpc/src/outbound.rs and outbound/{http,tcp,tls}.rs).
// With `proxy.metrics.hostnameLabels` the proxies export `hostname`. The legacy `response_total`/
// `tcp_*` families the same calls also produce (without `dst_*` labels) are not modelled.
import type { Labels, ModelWorkload } from './proxyLabels.ts';
import { podNames, scrapeLabels } from './proxyLabels.ts';

/** Counters of the traffic model's sampler (openMetrics.ts). */
export interface CounterSink {
  counter(name: string, l: Labels, perSecond: (t: number, step: number) => number): void;
}

/** Calls from a workload to one external destination, through an EgressNetwork. */
export interface EgressFlow {
  from: ModelWorkload;
  network: { namespace: string; name: string };
  protocol: 'http' | 'tls' | 'tcp';
  port: number;
  /** SNI (TLS) or request host (HTTP); TCP flows are named by `targetIp`. */
  hostname?: string;
  targetIp?: string;
  /** The route that matched: a TLSRoute/HTTPRoute, or the network's default route. */
  route: { group: string; kind: string; namespace: string; name: string };
  /** Requests (HTTP) or connections (TLS, TCP) per second, per calling workload. */
  rate: number;
  /** Share failing at a time: HTTP 503s, TCP/TLS connections closed with `error="unexpected"`. */
  failureRatio?: (t: number) => number;
  /** Refused by a Deny default route: HTTP 403 from its failure injector, TCP/TLS `forbidden`. */
  denied?: boolean;
}

/** The default routes the policy controller generates for an EgressNetwork's traffic policy. */
export const egressDefaultRoute = (protocol: EgressFlow['protocol'], policy: 'allow' | 'deny') =>
  ({ group: '', kind: 'default', namespace: '', name: `${protocol}-egress-${policy}` });

function routeLabels(f: EgressFlow): Labels {
  return {
    parent_group: 'policy.linkerd.io', parent_kind: 'EgressNetwork', parent_namespace: f.network.namespace, parent_name: f.network.name,
    parent_port: String(f.port), parent_section_name: '',
    route_group: f.route.group, route_kind: f.route.kind, route_namespace: f.route.namespace, route_name: f.route.name,
  };
}

/** Adds the series of each flow, split evenly over the calling workload's pods. */
export function egressSeries(out: CounterSink, flows: EgressFlow[]): void {
  for (const f of flows) {
    const pods = podNames(f.from);
    const fail = (t: number) => (f.denied ? 1 : f.failureRatio?.(t) ?? 0);
    for (const pod of pods) {
      const rate = f.rate / pods.length;
      const base = { ...scrapeLabels(f.from, pod), ...routeLabels(f) };
      if (f.protocol === 'http') {
        const l = { ...base, hostname: f.hostname ?? '', error: '' };
        out.counter('outbound_http_route_request_statuses_total', { ...l, http_status: f.denied ? '403' : '200' }, t => rate * (f.denied ? 1 : 1 - fail(t)));
        if (!f.denied && f.failureRatio) out.counter('outbound_http_route_request_statuses_total', { ...l, http_status: '503' }, t => rate * fail(t));
        continue;
      }
      const target = f.protocol === 'tls' ? { hostname: f.hostname ?? '' } : { target_ip: f.targetIp ?? '', target_port: String(f.port) };
      const family = `outbound_${f.protocol}_route`;
      out.counter(`${family}_open_total`, { ...base, ...target }, () => rate);
      // Connections close as they open (one call each); the proxy creates every error series at once (transport.rs `metrics`).
      for (const error of ['', 'forbidden', 'invalid_backend', 'invalid_policy', 'unexpected']) {
        const share = (t: number) => (error === 'forbidden' ? (f.denied ? 1 : 0) : error === 'unexpected' ? (f.denied ? 0 : fail(t)) : error === '' ? 1 - fail(t) : 0);
        out.counter(`${family}_close_total`, { ...base, ...target, error }, t => rate * share(t));
      }
    }
  }
}
