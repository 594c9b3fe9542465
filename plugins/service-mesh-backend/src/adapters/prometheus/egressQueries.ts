import type { EgressFamily } from '@meshlens/plugin-service-mesh-common';
import { perWorkload, type Vector } from './metricsQueries.ts';

/** Route metrics' parent and route labels (linkerd2-proxy `linkerd/app/outbound/src/metrics.rs`, `prom_encode_service_labels`). */
const PARENT = ['parent_kind', 'parent_namespace', 'parent_name', 'parent_port'];
const ROUTE = ['route_kind', 'route_name'];
/** An EgressNetwork, or the `egress-fallback` default (filtered to it by the reader: `isEgressParent`). */
const EGRESS = 'parent_kind=~"EgressNetwork|default"';

/**
 * The fixed, batched queries of the traffic that leaves the mesh, one per family and cluster,
 * grouped by workload: HTTP requests by host and status
 * (`linkerd/app/outbound/src/http/logical/policy/route/metrics/labels.rs`: `hostname`,
 * `http_status`, `error`), and TCP (opaque) and TLS route connections opened and closed by error
 * (`linkerd/app/outbound/src/metrics/transport.rs`; TCP routes label `target_ip`/`target_port`,
 * `opaq/logical/route.rs`; TLS routes `hostname` = SNI, `tls/logical/route.rs`), all linkerd2-proxy
 * `release/v2.326.0`. Nothing comes from input but the validated window.
 */
export function egressQueries(windowSeconds: number): Record<EgressFamily, string> {
  if (!Number.isInteger(windowSeconds) || windowSeconds <= 0) throw new Error(`invalid window ${windowSeconds}`);
  const increase: Vector = s => `increase({${s}}[${windowSeconds}s])`;
  const family = (name: string, by: string[]) => perWorkload('sum', increase, [`__name__="${name}"`, EGRESS], [...PARENT, ...ROUTE, ...by]);
  return {
    'http-requests': family('outbound_http_route_request_statuses_total', ['hostname', 'http_status', 'error']),
    'tcp-open': family('outbound_tcp_route_open_total', ['target_ip', 'target_port']),
    'tcp-close': family('outbound_tcp_route_close_total', ['target_ip', 'target_port', 'error']),
    'tls-open': family('outbound_tls_route_open_total', ['hostname']),
    'tls-close': family('outbound_tls_route_close_total', ['hostname', 'error']),
  };
}
