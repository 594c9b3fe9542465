import type { PolicyActivityKind } from '@meshlens/plugin-service-mesh-common';
import { perWorkload, type Vector } from './metricsQueries.ts';

const TLS = ['tls', 'client_id'];
const SERVER = ['srv_kind', 'srv_name'];
const ROUTE = ['route_kind', 'route_name'];

/**
 * The fixed, batched queries of the proxies' authorization metrics over a window, one per
 * family and cluster, grouped by workload: HTTP requests denied (by Server, route and client),
 * TCP connections denied (by Server and client), requests rate-limited (by Server, policy,
 * scope and client), and requests only audit mode let through. Label sets from linkerd2-proxy
 * `release/v2.326.0` `linkerd/app/inbound/src/metrics/authz.rs`. Nothing comes from input but
 * the validated window.
 */
export function policyQueries(windowSeconds: number): Record<PolicyActivityKind, string> {
  if (!Number.isInteger(windowSeconds) || windowSeconds <= 0) throw new Error(`invalid window ${windowSeconds}`);
  const increase: Vector = s => `increase({${s}}[${windowSeconds}s])`;
  return {
    'http-denied': perWorkload('sum', increase, ['__name__="inbound_http_authz_deny_total"'], [...SERVER, ...ROUTE, ...TLS]),
    'tcp-denied': perWorkload('sum', increase, ['__name__="inbound_tcp_authz_deny_total"'], [...SERVER, ...TLS]),
    'rate-limited': perWorkload('sum', increase, ['__name__="inbound_http_local_ratelimit_total"'], [...SERVER, 'ratelimit_kind', 'ratelimit_name', 'ratelimit_scope', ...TLS]),
    'audit-allowed': perWorkload('sum', increase, ['__name__="inbound_http_authz_allow_total"', 'authz_kind="default"', 'authz_name="audit"'], [...SERVER, ...ROUTE, ...TLS]),
  };
}
