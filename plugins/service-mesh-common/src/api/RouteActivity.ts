/**
 * What the proxies' route metrics count (linkerd2-proxy `release/v2.326.0`): outbound families
 * under `outbound_http_route_` (`linkerd/app/outbound/src/http.rs`, `.../policy/route/metrics.rs`,
 * `.../route/backend/metrics.rs`, `linkerd/http/retry/src/lib.rs`) and the inbound per-route
 * counters and frame-size histograms (`linkerd/app/inbound/src/http/router/metrics/*.rs`).
 */
export type RouteSampleKind =
  /** `outbound_http_route_request_statuses_total` by route, `http_status` and `error`. */
  | 'route-statuses'
  /** `outbound_http_route_retry_requests_total`: retries sent. */
  | 'retry-requests'
  /** `outbound_http_route_retry_successes_total`: retries answered with a success. */
  | 'retry-successes'
  /** `outbound_http_route_retry_limit_exceeded_total`: retryable requests not retried (limit). */
  | 'retry-limit-exceeded'
  /** `outbound_http_route_retry_overflow_total`: retryable requests not retried (circuit breaker). */
  | 'retry-overflow'
  /** `outbound_http_route_backend_requests_total` by route and backend. */
  | 'backend-requests'
  /** `outbound_http_route_backend_response_statuses_total` by route, backend, `http_status`, `error`. */
  | 'backend-statuses'
  /** `inbound_http_requests_total` per workload by Server (parent) and route. */
  | 'inbound-requests'
  /** `inbound_http_response_frame_size_bytes_bucket` per workload by Server, route and `le`. */
  | 'inbound-frames';

/** One backend of an HTTPRoute: the configured weight next to the observed split. */
export interface RouteBackendActivity {
  /** `Service/name:port`, or `default/invalid` for a backend the policy controller could not resolve. */
  backend: string;
  /** The weight in the route's `backendRefs` (absent for a backend only the metrics name). */
  weight?: number;
  /** weight / sum of the rule's weights, 0..1. */
  configuredShare?: number;
  /** Requests dispatched to it in the window (`outbound_http_route_backend_requests_total`). */
  requests: number;
  /** requests / the route's backend requests, 0..1 (absent without requests). */
  observedShare?: number;
  /** Responses with a 5xx status or an error label. */
  failures: number;
  /**
   * Why every request to it fails by design: `missing-service` (a backendRef to a Service that
   * does not exist: the policy controller gives it a 500 failure injector, "Service not found"),
   * `invalid-backend` (an unsupported backendRef: metadata `default/invalid` with a failure injector).
   */
  failureInjection?: 'missing-service' | 'invalid-backend';
}

/** One HTTPRoute of a workload's Service, as its callers' proxies saw it over the window. */
export interface RouteActivity {
  cluster: string;
  /** The workload whose Service is the route's parent, `namespace/Kind/name`. */
  workload: string;
  /** `namespace/name` of the HTTPRoute. */
  route: string;
  /** API group of the HTTPRoute (`policy.linkerd.io` or `gateway.networking.k8s.io`). */
  group: string;
  /** The parents seen in the metrics, `Service/name:port`. */
  parents: string[];
  /** Configured retries and timeout, as the Policy card shows them. */
  configured: { retries?: string; timeout?: string };
  /** Completed requests (`outbound_http_route_request_statuses_total`). */
  requests: number;
  /** Of those, with a 5xx status or an error label. */
  failures: number;
  /** Requests ended by a timeout, by the proxy's `error` label (`REQUEST_TIMEOUT`, `RESPONSE_HEADERS_TIMEOUT`…). */
  timeouts: Record<string, number>;
  retries: { requests: number; successes: number; limitExceeded: number; overflow: number };
  backends: RouteBackendActivity[];
}

/** Inbound requests of one workload on one Server and route (the 2.19 inbound counters). */
export interface InboundRouteTraffic {
  cluster: string;
  workload: string;
  /** `kind/name` of the parent (a Server, or `default/<policy>`), with its port. */
  server: string;
  /** `kind/name` of the inbound route (`default/default`, `default/probe`, `HTTPRoute/…`). */
  route: string;
  requests: number;
  /**
   * Response data frames by size: the proxy's buckets are 128 B, 1 KiB and 10 KiB, so the size is
   * the band holding the median frame, never an interpolated quantile. Absent without frames.
   */
  responseFrames?: { frames: number; band: string };
}
