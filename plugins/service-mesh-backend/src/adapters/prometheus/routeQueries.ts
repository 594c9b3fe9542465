import type { RouteSampleKind } from '@meshlens/plugin-service-mesh-common';
import { perWorkload, type Vector } from './metricsQueries.ts';

const PARENT = ['parent_kind', 'parent_namespace', 'parent_name', 'parent_port'];
const ROUTE = ['route_group', 'route_kind', 'route_namespace', 'route_name'];
const BACKEND = ['backend_kind', 'backend_namespace', 'backend_name', 'backend_port'];
const STATUS = ['http_status', 'error'];
const INBOUND = ['parent_kind', 'parent_name', 'parent_port', 'route_kind', 'route_name'];

/** A route family: its series name, the labels it is summed by, and whether per workload. */
export interface RouteFamily {
  name: string;
  by: string[];
  perWorkload: boolean;
}

/**
 * The route families, names and labels from linkerd2-proxy `release/v2.326.0`: outbound
 * `outbound_http_route_*` (`linkerd/app/outbound/src/http.rs` registers the route metrics under
 * `http` → `route`; `.../policy/route/metrics.rs` adds `backend` and `retry`; label sets in
 * `.../policy/route/metrics/labels.rs` and `linkerd/app/outbound/src/metrics.rs`; the retry
 * counters in `linkerd/http/retry/src/lib.rs`), summed over every client of the cluster; inbound
 * per-route counters and frame sizes per workload (`linkerd/app/inbound/src/metrics.rs`,
 * `.../http/router/metrics/{count_reqs,rsp_body,labels}.rs`, `linkerd/http/prom/src/{count_reqs,body_data/metrics}.rs`).
 */
export const ROUTE_FAMILIES: Record<RouteSampleKind, RouteFamily> = {
  'route-statuses': { name: 'outbound_http_route_request_statuses_total', by: [...PARENT, ...ROUTE, ...STATUS], perWorkload: false },
  'retry-requests': { name: 'outbound_http_route_retry_requests_total', by: [...PARENT, ...ROUTE], perWorkload: false },
  'retry-successes': { name: 'outbound_http_route_retry_successes_total', by: [...PARENT, ...ROUTE], perWorkload: false },
  'retry-limit-exceeded': { name: 'outbound_http_route_retry_limit_exceeded_total', by: [...PARENT, ...ROUTE], perWorkload: false },
  'retry-overflow': { name: 'outbound_http_route_retry_overflow_total', by: [...PARENT, ...ROUTE], perWorkload: false },
  'backend-requests': { name: 'outbound_http_route_backend_requests_total', by: [...PARENT, ...ROUTE, ...BACKEND], perWorkload: false },
  'backend-statuses': { name: 'outbound_http_route_backend_response_statuses_total', by: [...PARENT, ...ROUTE, ...BACKEND, ...STATUS], perWorkload: false },
  'inbound-requests': { name: 'inbound_http_requests_total', by: INBOUND, perWorkload: true },
  'inbound-frames': { name: 'inbound_http_response_frame_size_bytes_bucket', by: [...INBOUND, 'le'], perWorkload: true },
};

/**
 * The fixed, batched route queries of one cluster over a window: one per family, grouped by
 * route labels (and workload for the inbound families), never by anything from input but the
 * validated window.
 */
export function routeQueries(windowSeconds: number): Record<RouteSampleKind, string> {
  if (!Number.isInteger(windowSeconds) || windowSeconds <= 0) throw new Error(`invalid window ${windowSeconds}`);
  const increase: Vector = s => `increase({${s}}[${windowSeconds}s])`;
  return Object.fromEntries(Object.entries(ROUTE_FAMILIES).map(([kind, f]) => {
    const selector = [`__name__="${f.name}"`];
    return [kind, f.perWorkload ? perWorkload('sum', increase, selector, f.by) : `sum by (${f.by.join(', ')}) (${increase(selector.join(','))})`];
  })) as Record<RouteSampleKind, string>;
}
