// Policy and routes in action in the homelab-meshed demo (examples/model/meshPolicy.mjs), as the
// proxies of Linkerd 2.19 count them (linkerd2-proxy release/v2.326.0):
// - orchestrator's proxies, for its calls to llm-service through the HTTPRoute `llm-service`:
//   `outbound_http_route_request_statuses_total` (http_status, error: REQUEST_TIMEOUT when the 10 s
//   timeout fires), the retry counters `outbound_http_route_retry_{requests,successes,limit_exceeded,
//   overflow}_total` and, per backend, `outbound_http_route_backend_requests_total` and
//   `outbound_http_route_backend_response_statuses_total` (names: linkerd/app/outbound/src/http.rs,
//   .../http/logical/policy/route/metrics.rs, linkerd/http/retry/src/lib.rs; labels:
//   linkerd/app/outbound/src/metrics.rs, .../policy/route/metrics/labels.rs). 1 % of attempts go to
//   `llm-service-fault`, which Linkerd answers with 500 (a missing Service); a failed attempt is
//   retried up to twice (5xx, limit 2), retries split like first attempts.
// - llm-service's proxy: `inbound_http_authz_deny_total` for video-service's calls, which the
//   AuthorizationPolicy does not allow (linkerd/app/inbound/src/metrics/authz.rs).
// Simplifications: retries and denied calls are not added to the endpoint-level families
// (`response_total`, `request_total`) of openMetrics.ts, so the golden metrics stay those of the
// declared edges; the route families carry no duration histograms.
import { shareAt, type LatencyModel, type ModelWorkload, type Series } from './openMetrics.ts';
import { identity, podNames, scrapeLabels, targetLabels } from './proxyLabels.ts';

/** The route's behaviour at a time: the requests per second into it, llm-service's own failure ratio and latency. */
export type RouteRate = (t: number) => { rps: number; failureRatio: number; latency: LatencyModel };

const TIMEOUT_MS = 10_000;
const FAULT_WEIGHT = 0.01;

export interface RoutesInAction {
  client: ModelWorkload;
  server: ModelWorkload;
  /** The HTTPRoute's name and its failure-injection backend (model/meshPolicy.mjs). */
  route: string;
  faultBackend: string;
  rate: RouteRate;
  /** A caller the AuthorizationPolicy denies, and its request rate. */
  denied: { client: ModelWorkload; rps: number };
}

export function routesInAction(out: Series, m: RoutesInAction): void {
  const port = m.server.port ?? 8080;
  const parent = { parent_group: 'core', parent_kind: 'Service', parent_namespace: m.server.namespace, parent_name: m.server.service ?? m.server.name, parent_port: String(port), parent_section_name: '' };
  const route = { route_group: 'policy.linkerd.io', route_kind: 'HTTPRoute', route_namespace: m.server.namespace, route_name: m.route };
  const backend = (name: string) => ({ backend_group: 'core', backend_kind: 'Service', backend_namespace: m.server.namespace, backend_name: name, backend_port: String(port), backend_section_name: '' });
  const hostname = { hostname: `${m.server.service ?? m.server.name}.${m.server.namespace}.svc` };
  const clients = podNames(m.client);
  for (const pod of clients) {
    const scraped = scrapeLabels(m.client, pod);
    const at = (t: number) => {
      const r = m.rate(t);
      const rps = r.rps / clients.length;
      // A first attempt fails on the fault backend or on llm-service's own failures; retries fail alike.
      const p1 = FAULT_WEIGHT + (1 - FAULT_WEIGHT) * r.failureRatio;
      const timedOut = 1 - shareAt(r.latency, TIMEOUT_MS);
      const attempts = rps * (1 + p1 + p1 * p1);
      return { rps, p1, timedOut, attempts, f: r.failureRatio };
    };
    const rl = { ...scraped, ...parent, ...route, ...hostname };
    out.counter('outbound_http_route_request_statuses_total', { ...rl, http_status: '200', error: '' }, t => { const a = at(t); return a.rps * (1 - a.p1 ** 3 - a.timedOut); });
    out.counter('outbound_http_route_request_statuses_total', { ...rl, http_status: '500', error: '' }, t => { const a = at(t); return a.rps * a.p1 ** 3; });
    out.counter('outbound_http_route_request_statuses_total', { ...rl, http_status: '', error: 'REQUEST_TIMEOUT' }, t => { const a = at(t); return a.rps * a.timedOut; });
    out.counter('outbound_http_route_retry_requests_total', rl, t => { const a = at(t); return a.rps * (a.p1 + a.p1 ** 2); });
    out.counter('outbound_http_route_retry_successes_total', rl, t => { const a = at(t); return a.rps * (a.p1 + a.p1 ** 2) * (1 - a.p1); });
    out.counter('outbound_http_route_retry_limit_exceeded_total', rl, t => { const a = at(t); return a.rps * a.p1 ** 3; });
    out.counter('outbound_http_route_retry_overflow_total', rl, () => 0);
    const bl = (name: string) => ({ ...scraped, ...parent, ...route, ...backend(name) });
    out.counter('outbound_http_route_backend_requests_total', bl(m.server.service ?? m.server.name), t => at(t).attempts * (1 - FAULT_WEIGHT));
    out.counter('outbound_http_route_backend_requests_total', bl(m.faultBackend), t => at(t).attempts * FAULT_WEIGHT);
    out.counter('outbound_http_route_backend_response_statuses_total', { ...bl(m.server.service ?? m.server.name), http_status: '200', error: '' }, t => { const a = at(t); return a.attempts * (1 - FAULT_WEIGHT) * (1 - a.f); });
    out.counter('outbound_http_route_backend_response_statuses_total', { ...bl(m.server.service ?? m.server.name), http_status: '500', error: '' }, t => { const a = at(t); return a.attempts * (1 - FAULT_WEIGHT) * a.f; });
    out.counter('outbound_http_route_backend_response_statuses_total', { ...bl(m.faultBackend), http_status: '500', error: '' }, t => at(t).attempts * FAULT_WEIGHT);
  }
  const servers = podNames(m.server);
  const server = m.server.server!;
  for (const pod of servers) {
    out.counter('inbound_http_authz_deny_total', {
      ...scrapeLabels(m.server, pod), ...targetLabels(pod, port),
      srv_group: 'policy.linkerd.io', srv_kind: 'server', srv_name: server.name, srv_port: String(port),
      route_group: '', route_kind: 'default', route_name: 'default',
      tls: 'true', client_id: identity(m.denied.client),
    }, () => m.denied.rps / servers.length);
  }
}
